import { useApi } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ScanSummary,
  communityScanCreatePermission,
} from '@copkit/plugin-community-common';
import { useCallback, useEffect, useRef, useState } from 'react';
import { communityApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';

/** How often a running scan's progress is read again. */
const POLL_MS = 5000;

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
  },
  text: { flex: '1 1 320px' },
}));

/** The latest scan in words. */
export function describeScan(scan: ScanSummary): string {
  const started = new Date(scan.startedAt).toLocaleString();
  const counts =
    `${scan.repositories.scanned} repositories scanned, ` +
    `${scan.repositories.unchanged} unchanged, ${scan.repositories.failed} failed; ` +
    `${scan.results} results`;
  switch (scan.status) {
    case 'running':
      return `A ${scan.trigger} scan is running since ${started}: ${scan.partitions.done} of ${scan.partitions.total} partitions done, ${counts} so far.`;
    case 'failed':
      return `The last scan (${scan.trigger}, started ${started}) failed: ${
        scan.error ?? 'no reason given'
      }. ${counts}.`;
    default:
      return `Last scan: ${scan.trigger}, finished ${new Date(
        scan.finishedAt ?? scan.startedAt,
      ).toLocaleString()}${
        scan.durationMs !== undefined
          ? ` in ${(scan.durationMs / 1000).toFixed(1)} s`
          : ''
      }: ${counts}.`;
  }
}

function useLatestScan(onFinished: () => void) {
  const communityApi = useApi(communityApiRef);
  const [state, setState] = useState<{
    loading: boolean;
    scan?: ScanSummary;
    error?: Error;
  }>({ loading: true });
  const wasRunning = useRef(false);
  const load = useCallback(
    () =>
      communityApi.getLatestScan().then(
        scan => setState({ loading: false, scan }),
        (error: Error) => setState({ loading: false, error }),
      ),
    [communityApi],
  );
  useEffect(() => {
    load();
  }, [load]);
  const running = state.scan?.status === 'running';
  useEffect(() => {
    if (!running) {
      if (wasRunning.current) onFinished();
      wasRunning.current = false;
      return undefined;
    }
    wasRunning.current = true;
    const timer = setTimeout(load, POLL_MS);
    return () => clearTimeout(timer);
  }, [running, state.scan, load, onFinished]);
  return {
    ...state,
    setScan: (scan: ScanSummary) => setState({ loading: false, scan }),
  };
}

/**
 * When adoption was last scanned, and a "Scan now" button for those
 * allowed to start scans (`community.scan.create`).
 */
export function ScanStatus(props: { onScanFinished: () => void }) {
  const classes = useStyles();
  const communityApi = useApi(communityApiRef);
  const latest = useLatestScan(props.onScanFinished);
  const permission = usePermission({
    permission: communityScanCreatePermission,
  });
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<Error>();

  const start = async () => {
    setStarting(true);
    setStartError(undefined);
    try {
      latest.setScan(await communityApi.startScan());
    } catch (error) {
      setStartError(error as Error);
    } finally {
      setStarting(false);
    }
  };

  let reason: string | undefined;
  if (permission.loading) reason = 'Checking whether you may start scans…';
  else if (!permission.allowed)
    reason =
      'You may not start scans: that needs the community.scan.create permission. Ask your platform team.';
  else if (starting) reason = 'Starting the scan…';
  else if (latest.scan?.status === 'running')
    reason = 'A scan is running; wait for it to finish.';

  let text: string;
  if (latest.loading) text = 'Reading when adoption was last scanned…';
  else if (latest.error)
    text = `Could not read the last scan: ${serverMessage(latest.error)}`;
  else if (!latest.scan)
    text =
      'No scan has run yet: results appear after the first scheduled scan, or start one now.';
  else text = describeScan(latest.scan);

  return (
    <div className={classes.root}>
      <Typography variant="body2" className={classes.text} role="status">
        {text}
      </Typography>
      <div>
        <Button
          variant="outlined"
          color="primary"
          disabled={reason !== undefined}
          aria-describedby={reason ? 'scan-now-reason' : undefined}
          onClick={start}
        >
          Scan now
        </Button>
        {reason && (
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            id="scan-now-reason"
          >
            {reason}
          </Typography>
        )}
        {startError && (
          <Typography variant="body2" color="error" role="alert">
            Could not start a scan: {serverMessage(startError)}
          </Typography>
        )}
      </div>
    </div>
  );
}
