import Grid from '@material-ui/core/Grid';
import { CommunityOverviewCard } from './CommunityOverviewCard';
import { CommunityPeopleCard } from './CommunityPeopleCard';
import { CommunityPublishedCard } from './CommunityPublishedCard';
import { CommunityRelationsCard } from './CommunityRelationsCard';

/**
 * The "Community" tab of a Community entity page: overview, people,
 * published templates and patterns, and scope.
 *
 * @public
 */
export function CommunityEntityContent() {
  return (
    <Grid container spacing={3} alignItems="stretch">
      <Grid item xs={12} md={6}>
        <CommunityOverviewCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <CommunityPublishedCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <CommunityPeopleCard />
      </Grid>
      <Grid item xs={12} md={6}>
        <CommunityRelationsCard />
      </Grid>
    </Grid>
  );
}
