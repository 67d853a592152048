import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import {
  PatternEntityV1alpha1,
  refKey,
  specRefKey,
} from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { PatternOverviewCard } from './PatternOverviewCard';
import { PatternServicesCard } from './PatternServicesCard';
import { PatternTrendCard } from './PatternTrendCard';
import { PatternValueStreamsCard } from './PatternValueStreamsCard';

/**
 * The "Adoption" tab of a Pattern entity page: overview, adoption per
 * value stream, the trend, and every service's result.
 *
 * @public
 */
export function PatternAdoptionContent() {
  const { entity } = useEntity<PatternEntityV1alpha1>();
  const communityApi = useApi(communityApiRef);
  const patternRef = refKey(entity);
  const community = specRefKey(entity.spec?.community, {
    defaultKind: 'community',
    holder: entity,
  });
  // The summary is per community; this pattern's rows are picked out here.
  const summary = useAsync(async () => {
    const cells = await communityApi.getAdoptionSummary({ community });
    return cells.filter(cell => refKey(cell.patternRef) === patternRef);
  }, [communityApi, community, patternRef]);

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        <PatternOverviewCard />
      </Grid>
      <Grid item xs={12} md={7}>
        <PatternValueStreamsCard
          loading={summary.loading}
          error={summary.error}
          cells={summary.value}
        />
      </Grid>
      <Grid item xs={12}>
        <PatternTrendCard patternRef={patternRef} />
      </Grid>
      <Grid item xs={12}>
        <PatternServicesCard
          patternRef={patternRef}
          valueStreams={(summary.value ?? []).map(cell => cell.valueStream)}
        />
      </Grid>
    </Grid>
  );
}
