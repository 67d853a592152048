import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  AdoptionEvidence,
  AdoptionResult,
} from '@copkit/plugin-community-common';

const useStyles = makeStyles(theme => ({
  root: { padding: theme.spacing(1, 0, 1, 2) },
  list: { margin: theme.spacing(0.5, 0), paddingLeft: theme.spacing(2.5) },
  code: {
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    wordBreak: 'break-word',
  },
  snippet: {
    fontFamily: 'monospace',
    fontSize: '0.85rem',
    margin: theme.spacing(0.5, 0),
    padding: theme.spacing(0.5, 1),
    background: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-word',
  },
}));

function location(evidence: AdoptionEvidence): string | undefined {
  if (!evidence.path) return undefined;
  return evidence.line ? `${evidence.path}:${evidence.line}` : evidence.path;
}

/** What the adoption engine found or tried for one pattern, in words. */
export function AdoptionDetails(props: { result: AdoptionResult }) {
  const { result } = props;
  const classes = useStyles();
  return (
    <div className={classes.root}>
      {result.status === 'adopted' && (
        <EvidenceList evidence={result.evidence} classes={classes} />
      )}
      {result.status === 'exempt' && (
        <Typography variant="body2">
          Exempt{result.exemptUntil ? ` until ${result.exemptUntil}` : ''}:{' '}
          {result.reason ?? 'no reason given'}
        </Typography>
      )}
      {(result.status === 'error' || result.status === 'not-applicable') && (
        <Typography variant="body2">
          {result.status === 'error' ? 'Could not be judged: ' : ''}
          {result.reason ?? 'no reason given'}
        </Typography>
      )}
      {result.status !== 'adopted' && result.tried.length > 0 && (
        <>
          <Typography variant="body2">
            {result.status === 'not-adopted'
              ? 'No rule matched. Rules tried:'
              : 'Rules tried:'}
          </Typography>
          <ul className={classes.list}>
            {result.tried.map(rule => (
              <li key={rule}>
                <Typography variant="body2" className={classes.code}>
                  {rule}
                </Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      {result.notes.length > 0 && (
        <>
          <Typography variant="body2">Notes:</Typography>
          <ul className={classes.list}>
            {result.notes.map(note => (
              <li key={note}>
                <Typography variant="body2">{note}</Typography>
              </li>
            ))}
          </ul>
        </>
      )}
      <Typography variant="caption" color="textSecondary">
        Checked {new Date(result.checkedAt).toLocaleString()}
      </Typography>
    </div>
  );
}

function EvidenceList(props: {
  evidence: AdoptionEvidence[];
  classes: ReturnType<typeof useStyles>;
}) {
  const { evidence, classes } = props;
  if (evidence.length === 0) {
    return <Typography variant="body2">Adopted.</Typography>;
  }
  return (
    <ul className={classes.list} aria-label="Evidence">
      {evidence.map(item => (
        <li key={`${item.rule}:${item.path ?? ''}:${item.line ?? ''}`}>
          <Typography variant="body2">
            Matched <span className={classes.code}>{item.rule}</span>
            {location(item) && (
              <>
                {' in '}
                <span className={classes.code}>{location(item)}</span>
              </>
            )}
          </Typography>
          {item.text && <pre className={classes.snippet}>{item.text}</pre>}
        </li>
      ))}
    </ul>
  );
}
