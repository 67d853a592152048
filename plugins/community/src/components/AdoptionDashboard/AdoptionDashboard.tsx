import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import { serverMessage } from '../../lib/errors';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { AdoptionHeatmap } from './AdoptionHeatmap';
import { AdoptionTrends } from './AdoptionTrends';
import { CellServices } from './CellServices';
import { CsvExportButton, csvFileName } from '../CsvExportButton';
import { ScanStatus } from './ScanStatus';
import {
  AdoptionUrlState,
  parseAdoptionUrl,
  writeAdoptionUrl,
} from './adoptionUrlState';
import { titleOf } from './titles';
import { useCommunityChoices } from '../../lib/communityChoices';
import { useAdoptionHeatmap } from './useAdoptionData';

const useStyles = makeStyles(theme => ({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    gap: theme.spacing(2),
  },
  select: { minWidth: 240 },
  loading: { padding: theme.spacing(2, 0) },
}));

function useUrlState() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = parseAdoptionUrl(searchParams);
  const update = useCallback(
    (change: Partial<AdoptionUrlState>) =>
      setSearchParams(
        params =>
          writeAdoptionUrl(params, { ...parseAdoptionUrl(params), ...change }),
        { replace: true },
      ),
    [setSearchParams],
  );
  return [state, update] as const;
}

/**
 * The adoption dashboard for platform teams: a pattern × value stream
 * heatmap, the services behind each cell, trends, CSV export and the scan.
 * Filter, selected cell and trend patterns live in the query string, so a
 * view can be shared as a link.
 *
 * @public
 */
export function AdoptionDashboard() {
  const classes = useStyles();
  const [state, update] = useUrlState();
  const { community, cell, status, trends } = state;
  const heatmap = useAdoptionHeatmap(community);
  const choices = useCommunityChoices();
  const { retry } = heatmap;
  const onScanFinished = useCallback(() => retry(), [retry]);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard>
          <div className={classes.toolbar}>
            <TextField
              className={classes.select}
              id="adoption-community"
              select
              SelectProps={{ native: true }}
              InputLabelProps={{ shrink: true }}
              label="Community"
              variant="outlined"
              size="small"
              value={community ?? ''}
              helperText={
                choices.error
                  ? `Could not list the communities: ${serverMessage(
                      choices.error,
                    )}`
                  : undefined
              }
              onChange={event =>
                update({
                  community: event.target.value || undefined,
                  cell: undefined,
                  trends: [],
                })
              }
            >
              <option value="">All communities</option>
              {community &&
                !choices.value?.some(choice => choice.ref === community) && (
                  <option value={community}>{community}</option>
                )}
              {choices.value?.map(choice => (
                <option key={choice.ref} value={choice.ref}>
                  {choice.title}
                </option>
              ))}
            </TextField>
            <CsvExportButton
              query={community ? { community } : undefined}
              fileName={csvFileName([community])}
              disabledReason="Choose a community to export its results, or a cell below to export its services."
            />
          </div>
          <ScanStatus onScanFinished={onScanFinished} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Adoption by pattern and value stream">
          {heatmap.loading && (
            <div className={classes.loading}>
              <Typography variant="body2" role="status">
                Loading the adoption summary…
              </Typography>
              <Progress />
            </div>
          )}
          {heatmap.error && (
            <CommunityErrorPanel
              title="Could not load the adoption summary"
              error={heatmap.error}
            />
          )}
          {heatmap.value && heatmap.value.heatmap.patterns.length === 0 && (
            <EmptyState
              missing="data"
              title={
                community
                  ? 'No adoption results for this community yet'
                  : 'No adoption results yet'
              }
              description="Results appear once a scan has checked services against the patterns of a community (Pattern entities in the catalog). Start a scan above, or choose another community."
            />
          )}
          {heatmap.value && heatmap.value.heatmap.patterns.length > 0 && (
            <>
              <Typography variant="body2" color="textSecondary" paragraph>
                Choose a cell (click, or Tab to it and press Enter) to see its
                services.
              </Typography>
              <AdoptionHeatmap
                heatmap={heatmap.value.heatmap}
                titles={heatmap.value.titles}
                selected={cell}
                onSelect={next =>
                  update({
                    cell: {
                      patternRef: next.patternRef,
                      valueStream: next.valueStream,
                    },
                    status: 'not-adopted',
                  })
                }
              />
            </>
          )}
        </InfoCard>
      </Grid>
      {cell && (
        <Grid item xs={12}>
          <CellServices
            patternRef={cell.patternRef}
            valueStream={cell.valueStream}
            title={`${titleOf(
              cell.patternRef,
              heatmap.value?.titles ?? new Map(),
              'pattern',
            )} in ${titleOf(
              cell.valueStream,
              heatmap.value?.titles ?? new Map(),
              'domain',
            )}`}
            status={status}
            onStatusChange={next => update({ status: next })}
          />
        </Grid>
      )}
      {heatmap.value && heatmap.value.heatmap.patterns.length > 0 && (
        <Grid item xs={12}>
          <AdoptionTrends
            patterns={[
              ...new Set([...heatmap.value.heatmap.patterns, ...trends]),
            ]}
            titles={heatmap.value.titles}
            community={community}
            selected={trends}
            onChange={next => update({ trends: next })}
          />
        </Grid>
      )}
    </Grid>
  );
}
