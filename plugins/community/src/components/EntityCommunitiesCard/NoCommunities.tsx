import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  ways: { margin: theme.spacing(1, 0), paddingLeft: theme.spacing(2.5) },
  code: { fontFamily: 'monospace', fontSize: '0.9em' },
}));

/** Why a service is in no community, and what would change that. */
export function NoCommunities(props: {
  entityTitle: string;
  docsUrl?: string;
}) {
  const { entityTitle, docsUrl } = props;
  const classes = useStyles();
  const code = (text: string) => <span className={classes.code}>{text}</span>;
  return (
    <div>
      <Typography variant="body2">
        {entityTitle} is not part of any community yet. A service becomes part
        of a community when:
      </Typography>
      <ul className={classes.ways}>
        <li>
          <Typography variant="body2">
            a community names it in its {code('spec.services')};
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            it was created from a template a community publishes;
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            it adopts a pattern a community publishes;
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            the group that owns it leads or takes part in a community;
          </Typography>
        </li>
        <li>
          <Typography variant="body2">
            a community supports its value stream (the Domain of its System).
          </Typography>
        </li>
      </ul>
      {docsUrl && (
        <Typography variant="body2">
          <Link to={docsUrl}>How services join communities</Link>
        </Typography>
      )}
    </div>
  );
}
