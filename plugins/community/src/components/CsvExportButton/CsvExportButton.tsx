import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useState } from 'react';
import { AdoptionExportQuery, communityApiRef } from '../../api';
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

/** Props of {@link CsvExportButton}. */
export type CsvExportButtonProps = {
  /** What to export; undefined disables the button. */
  query?: AdoptionExportQuery;
  fileName: string;
  /** Shown under a disabled button: why it is disabled. */
  disabledReason?: string;
  label?: string;
};

/**
 * Downloads adoption results as CSV. The request goes through the
 * community client (and so `fetchApi`, which adds the user's token): a
 * plain link would reach the backend without it.
 */
export function CsvExportButton(props: CsvExportButtonProps) {
  const { query, fileName, disabledReason, label = 'Export CSV' } = props;
  const communityApi = useApi(communityApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const reasonId = `csv-export-reason-${fileName}`;

  const exportCsv = async () => {
    if (!query) return;
    setBusy(true);
    setError(undefined);
    try {
      download(await communityApi.exportAdoptionCsv(query), fileName);
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
        size="small"
        startIcon={<GetAppIcon />}
        disabled={!query || busy}
        aria-describedby={!query && disabledReason ? reasonId : undefined}
        onClick={exportCsv}
      >
        {busy ? 'Exporting…' : label}
      </Button>
      {!query && disabledReason && (
        <Typography
          variant="caption"
          color="textSecondary"
          component="p"
          id={reasonId}
        >
          {disabledReason}
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

/**
 * A file name from the parts of an export: entity refs by their name, e.g.
 * `adoption-structured-logging-payments-not-adopted.csv`.
 */
export function csvFileName(parts: (string | undefined)[]): string {
  const name = parts
    .filter((part): part is string => !!part)
    .map(part =>
      part
        .split('/')
        .pop()!
        .replace(/[^A-Za-z0-9_.-]+/g, '-'),
    )
    .join('-');
  return `adoption-${name}.csv`;
}
