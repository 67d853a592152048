import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useApi } from '@backstage/core-plugin-api';
import {
  AdoptionResult,
  AdoptionStatus,
} from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { AdoptionStatusChip, adoptionStatusLabel } from '../AdoptionStatusChip';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { CsvExportButton, csvFileName } from '../CsvExportButton';
import { AdoptionDetails } from '../EntityCommunitiesCard/AdoptionDetails';

/** How many services one request lists; the CSV export has them all. */
export const SERVICES_PAGE_SIZE = 100;

/** The tabs, non-adopting services first. */
const TABS: (AdoptionStatus | 'all')[] = [
  'not-adopted',
  'error',
  'exempt',
  'adopted',
  'all',
];

const useStyles = makeStyles(theme => ({
  tabs: { marginBottom: theme.spacing(1) },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    borderBottom: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(1, 0),
  },
  row: { display: 'flex', alignItems: 'center', gap: theme.spacing(1.5) },
  name: { flex: 1, minWidth: 0 },
}));

/** Props of {@link CellServices}. */
export type CellServicesProps = {
  patternRef: string;
  valueStream: string;
  /** Title of the cell, e.g. "Structured logging in Payments". */
  title: string;
  /** The listed status; undefined for all. */
  status?: AdoptionStatus;
  onStatusChange: (status: AdoptionStatus | undefined) => void;
};

/** The services behind one heatmap cell, with evidence and reasons. */
export function CellServices(props: CellServicesProps) {
  const { patternRef, valueStream, title, status, onStatusChange } = props;
  const classes = useStyles();
  const communityApi = useApi(communityApiRef);
  const { value, loading, error } = useAsync(
    () =>
      communityApi.getPatternAdoption(patternRef, {
        valueStreams: [valueStream],
        status: status ? [status] : undefined,
        limit: SERVICES_PAGE_SIZE,
      }),
    [communityApi, patternRef, valueStream, status],
  );
  return (
    <InfoCard
      title={`Services: ${title}`}
      action={
        <CsvExportButton
          label={status ? 'Export these services' : 'Export all services'}
          query={{
            pattern: patternRef,
            valueStreams: [valueStream],
            status: status ? [status] : undefined,
          }}
          fileName={csvFileName([patternRef, valueStream, status])}
        />
      }
    >
      <Tabs
        className={classes.tabs}
        value={status ?? 'all'}
        onChange={(_, next) =>
          onStatusChange(next === 'all' ? undefined : next)
        }
        indicatorColor="primary"
        variant="scrollable"
        aria-label="Services by status"
      >
        {TABS.map(tab => (
          <Tab
            key={tab}
            value={tab}
            label={tab === 'all' ? 'All statuses' : adoptionStatusLabel(tab)}
          />
        ))}
      </Tabs>
      {loading && <Progress />}
      {error && (
        <CommunityErrorPanel
          title="Could not load the services of this cell"
          error={error}
        />
      )}
      {value && value.items.length === 0 && (
        <EmptyState
          missing="data"
          title={
            status
              ? `No service here is ${adoptionStatusLabel(
                  status,
                ).toLocaleLowerCase('en-US')}`
              : 'No service here'
          }
          description="Choose another status above, or another cell of the heatmap."
        />
      )}
      {value && value.items.length > 0 && (
        <>
          <Typography variant="body2" color="textSecondary" role="status">
            {value.totalCount > value.items.length
              ? `First ${value.items.length} of ${value.totalCount} services; the CSV export has all of them.`
              : `${value.totalCount} ${
                  value.totalCount === 1 ? 'service' : 'services'
                }`}
          </Typography>
          <ul className={classes.list} aria-label={`Services: ${title}`}>
            {value.items.map(result => (
              <ServiceItem key={result.entityRef} result={result} />
            ))}
          </ul>
        </>
      )}
    </InfoCard>
  );
}

function ServiceItem(props: { result: AdoptionResult }) {
  const { result } = props;
  const classes = useStyles();
  return (
    <li className={classes.item}>
      <div className={classes.row}>
        <Typography variant="body1" component="span" className={classes.name}>
          <EntityRefLink entityRef={result.entityRef} hideIcon />
          {result.ownerRef && (
            <Typography variant="body2" component="span" color="textSecondary">
              {' '}
              (owned by <EntityRefLink entityRef={result.ownerRef} hideIcon />)
            </Typography>
          )}
        </Typography>
        <AdoptionStatusChip status={result.status} />
      </div>
      <AdoptionDetails result={result} />
    </li>
  );
}
