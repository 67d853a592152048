import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { communityApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';

/**
 * Downloads the pattern's results as CSV. The request goes through the
 * client (and so `fetchApi`, which adds the user's token): a plain link
 * would reach the backend without it.
 */
export function CsvExportButton(props: { patternRef: string }) {
  const communityApi = useApi(communityApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const download = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const csv = await communityApi.exportAdoptionCsv({
        pattern: props.patternRef,
      });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = `${props.patternRef.replace(
        /[:/]/g,
        '-',
      )}-adoption.csv`;
      document.body.appendChild(anchor);
      anchor.click();
      anchor.remove();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(`Could not export: ${serverMessage(e as Error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        color="primary"
        size="small"
        disabled={busy}
        onClick={download}
      >
        {busy ? 'Exporting…' : 'Export CSV'}
      </Button>
      {error && (
        <Typography role="alert" color="error" variant="body2">
          {error}
        </Typography>
      )}
    </>
  );
}
