import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { AdoptionStatus } from '@copkit/plugin-community-common';

const LABELS: Record<AdoptionStatus, string> = {
  adopted: 'Adopted',
  'not-adopted': 'Not adopted',
  exempt: 'Exempt',
  'not-applicable': 'Not applicable',
  error: 'Error',
};

const useStyles = makeStyles(theme => ({
  chip: { margin: 0, fontWeight: 500 },
  adopted: {
    color: theme.palette.success.dark,
    borderColor: theme.palette.success.main,
  },
  'not-adopted': {
    color: theme.palette.warning.dark,
    borderColor: theme.palette.warning.main,
  },
  exempt: {
    color: theme.palette.info.dark,
    borderColor: theme.palette.info.main,
  },
  'not-applicable': {
    color: theme.palette.text.secondary,
    borderColor: theme.palette.divider,
  },
  error: {
    color: theme.palette.error.dark,
    borderColor: theme.palette.error.main,
  },
}));

/**
 * The label a user reads for an adoption status.
 *
 * @public
 */
export function adoptionStatusLabel(status: AdoptionStatus): string {
  return LABELS[status] ?? status;
}

/**
 * An adoption status as a small outlined chip, coloured by the theme's
 * status palette.
 *
 * @public
 */
export function AdoptionStatusChip(props: { status: AdoptionStatus }) {
  const classes = useStyles();
  const { status } = props;
  return (
    <Chip
      size="small"
      variant="outlined"
      label={adoptionStatusLabel(status)}
      className={`${classes.chip} ${classes[status]}`}
    />
  );
}
