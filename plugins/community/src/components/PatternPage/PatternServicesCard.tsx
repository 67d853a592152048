import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  ADOPTION_STATUSES,
  AdoptionResult,
  UNASSIGNED,
} from '@copkit/plugin-community-common';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { AdoptionStatusChip, adoptionStatusLabel } from '../AdoptionStatusChip';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { CsvExportButton, csvFileName } from '../CsvExportButton';

const PAGE_SIZE = 20;

const useStyles = makeStyles(theme => ({
  filters: {
    display: 'flex',
    gap: theme.spacing(2),
    flexWrap: 'wrap',
    alignItems: 'center',
    marginBottom: theme.spacing(2),
  },
  field: { minWidth: 200 },
  pager: {
    display: 'flex',
    gap: theme.spacing(1),
    alignItems: 'center',
    marginTop: theme.spacing(1),
  },
  detail: { margin: 0, paddingLeft: theme.spacing(2) },
}));

function Details(props: { result: AdoptionResult }) {
  const classes = useStyles();
  const { result } = props;
  if (result.status === 'adopted') {
    return (
      <ul className={classes.detail}>
        {result.evidence.map((item, i) => (
          <li key={i}>
            {item.rule}
            {item.path && ` (${item.path}${item.line ? `:${item.line}` : ''})`}
          </li>
        ))}
      </ul>
    );
  }
  if (result.status === 'not-adopted') {
    return <>No rule matched: {result.tried.join('; ')}</>;
  }
  return (
    <>
      {result.reason}
      {result.exemptUntil && ` (until ${result.exemptUntil})`}
    </>
  );
}

/** A value stream's title, for a native select's option. */
function ValueStreamOption(props: { valueStream: string }) {
  const { primaryTitle } = useEntityPresentation(props.valueStream);
  return <option value={props.valueStream}>{primaryTitle}</option>;
}

function ValueStream(props: { valueStream: string }) {
  return props.valueStream === UNASSIGNED ? (
    <>No value stream</>
  ) : (
    <EntityRefLink entityRef={props.valueStream} />
  );
}

/**
 * Every service's result against one pattern, paged, filterable by status
 * and value stream; the filters live in the URL so a view can be shared.
 */
export function PatternServicesCard(props: {
  patternRef: string;
  valueStreams: string[];
}) {
  const { patternRef, valueStreams } = props;
  const classes = useStyles();
  const communityApi = useApi(communityApiRef);
  const [params, setParams] = useSearchParams();
  // a status the backend does not know (a mistyped link) is ignored
  const status = ADOPTION_STATUSES.find(s => s === params.get('status')) ?? '';
  const valueStream = params.get('valueStream') ?? '';
  // a value stream from a link that the summary does not list (yet) still
  // shows as chosen
  const streamChoices =
    valueStream && !valueStreams.includes(valueStream)
      ? [...valueStreams, valueStream]
      : valueStreams;
  const cursor = params.get('cursor') ?? undefined;

  const page = useAsync(
    () =>
      communityApi.getPatternAdoption(patternRef, {
        status: status ? [status] : undefined,
        valueStreams: valueStream ? [valueStream] : undefined,
        limit: PAGE_SIZE,
        cursor,
      }),
    [communityApi, patternRef, status, valueStream, cursor],
  );

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <InfoCard
      title="Services"
      subheader="Where each service stands, with the evidence"
      action={
        <CsvExportButton
          label={status || valueStream ? 'Export these services' : undefined}
          query={{
            pattern: patternRef,
            status: status ? [status] : undefined,
            valueStreams: valueStream ? [valueStream] : undefined,
          }}
          fileName={csvFileName([patternRef, valueStream, status])}
        />
      }
    >
      <div className={classes.filters}>
        <TextField
          select
          className={classes.field}
          id="pattern-services-status"
          label="Status"
          value={status}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          onChange={e => update({ status: e.target.value, cursor: undefined })}
        >
          <option value="">All statuses</option>
          {ADOPTION_STATUSES.map(s => (
            <option key={s} value={s}>
              {adoptionStatusLabel(s)}
            </option>
          ))}
        </TextField>
        <TextField
          select
          className={classes.field}
          id="pattern-services-value-stream"
          label="Value stream"
          value={valueStream}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
          onChange={e =>
            update({ valueStream: e.target.value, cursor: undefined })
          }
        >
          <option value="">All value streams</option>
          {streamChoices.map(v =>
            v === UNASSIGNED ? (
              <option key={v} value={v}>
                No value stream
              </option>
            ) : (
              <ValueStreamOption key={v} valueStream={v} />
            ),
          )}
        </TextField>
      </div>
      {page.loading && <Progress />}
      {page.error && (
        <CommunityErrorPanel
          title="Could not load the services"
          error={page.error}
        />
      )}
      {page.value && page.value.items.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          {status || valueStream
            ? 'No service matches these filters. Choose "All" to see every service.'
            : 'No results for this pattern yet. They appear after the next adoption scan.'}
        </Typography>
      )}
      {page.value && page.value.items.length > 0 && (
        <>
          <Table size="small" aria-label="Services">
            <TableHead>
              <TableRow>
                <TableCell>Service</TableCell>
                <TableCell>Value stream</TableCell>
                <TableCell>Status</TableCell>
                <TableCell>Evidence or reason</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {page.value.items.map(result => (
                <TableRow key={result.entityRef}>
                  <TableCell>
                    <EntityRefLink entityRef={result.entityRef} />
                  </TableCell>
                  <TableCell>
                    <ValueStream valueStream={result.valueStream} />
                  </TableCell>
                  <TableCell>
                    <AdoptionStatusChip status={result.status} />
                  </TableCell>
                  <TableCell>
                    <Details result={result} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={classes.pager}>
            <Typography variant="body2">
              {page.value.totalCount} services
            </Typography>
            <Button
              size="small"
              disabled={!cursor}
              onClick={() => update({ cursor: undefined })}
            >
              First page
            </Button>
            <Button
              size="small"
              disabled={!page.value.nextCursor}
              onClick={() => update({ cursor: page.value?.nextCursor })}
            >
              Next page
            </Button>
          </div>
        </>
      )}
    </InfoCard>
  );
}
