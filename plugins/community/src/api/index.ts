export { communityApiRef } from './CommunityApi';
export type {
  CommunityApi,
  CommunityEntityRef,
  PatternAdoptionQuery,
  AdoptionSummaryQuery,
  AdoptionTrendsQuery,
  AdoptionExportQuery,
} from './CommunityApi';
export { CommunityClient } from './CommunityClient';
