import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { AdoptionResult } from '@copkit/plugin-community-common';
import { useState } from 'react';
import { AdoptionStatusChip } from '../AdoptionStatusChip';
import { AdoptionDetails } from './AdoptionDetails';

const useStyles = makeStyles(theme => ({
  item: { display: 'block', paddingLeft: 0, paddingRight: 0 },
  row: { display: 'flex', alignItems: 'center', gap: theme.spacing(1.5) },
  name: { flex: 1, minWidth: 0 },
}));

const DETAILS_LABEL: Record<AdoptionResult['status'], string> = {
  adopted: 'Evidence',
  'not-adopted': 'Rules tried',
  exempt: 'Reason',
  'not-applicable': 'Reason',
  error: 'Reason',
};

/** Where a service stands on each pattern, with the evidence on demand. */
export function PatternAdoptionList(props: { results: AdoptionResult[] }) {
  return (
    <List disablePadding>
      {props.results.map(result => (
        <PatternAdoptionItem key={result.patternRef} result={result} />
      ))}
    </List>
  );
}

function PatternAdoptionItem(props: { result: AdoptionResult }) {
  const { result } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const detailsId = `adoption-details-${result.patternRef.replace(
    /[^a-z0-9-]/gi,
    '-',
  )}`;
  return (
    <ListItem className={classes.item} divider>
      <div className={classes.row}>
        <Typography variant="body1" component="span" className={classes.name}>
          <EntityRefLink entityRef={result.patternRef} hideIcon />
        </Typography>
        <AdoptionStatusChip status={result.status} />
        <Button
          size="small"
          aria-expanded={open}
          aria-controls={detailsId}
          endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          onClick={() => setOpen(!open)}
        >
          {DETAILS_LABEL[result.status]}
        </Button>
      </div>
      <div id={detailsId}>
        <Collapse in={open} unmountOnExit>
          <AdoptionDetails result={result} />
        </Collapse>
      </div>
    </ListItem>
  );
}
