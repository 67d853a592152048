import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { communityApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';

/** Offers text to the browser as a file download. */
function download(text: string, fileName: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * Downloads the results of the chosen community as CSV. The request goes
 * through the community client, so it carries the user's token.
 */
export function CsvExportButton(props: { community?: string }) {
  const { community } = props;
  const communityApi = useApi(communityApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();

  const exportCsv = async () => {
    if (!community) return;
    setBusy(true);
    setError(undefined);
    try {
      const csv = await communityApi.exportAdoptionCsv({ community });
      const name = community.split('/').pop() ?? 'community';
      download(csv, `adoption-${name}.csv`);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        disabled={!community || busy}
        aria-describedby={community ? undefined : 'csv-export-reason'}
        onClick={exportCsv}
      >
        {busy ? 'Exporting…' : 'Export CSV'}
      </Button>
      {!community && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          id="csv-export-reason"
        >
          Choose a community to export its results.
        </Typography>
      )}
      {error && (
        <Typography variant="body2" color="error" role="alert">
          Could not export: {serverMessage(error)}
        </Typography>
      )}
    </div>
  );
}
