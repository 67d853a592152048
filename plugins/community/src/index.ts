/**
 * copkit's Communities of Practice in the Backstage frontend: the
 * communities card for service pages, the communities page and adoption
 * dashboard, the Community and Pattern entity tabs, and the client of the
 * community backend.
 *
 * This entry point serves the legacy frontend system; the new frontend
 * system's plugin is the default export of `@copkit/plugin-community/alpha`.
 *
 * @packageDocumentation
 */

export {
  communityPlugin,
  CommunitiesPage,
  EntityCommunitiesCard,
} from './plugin';
export {
  rootRouteRef as communityRootRouteRef,
  adoptionRouteRef as communityAdoptionRouteRef,
  selectedTemplateRouteRef as communitySelectedTemplateRouteRef,
} from './routes';
export { communityApiRef, CommunityClient } from './api';
export type {
  CommunityApi,
  CommunityEntityRef,
  PatternAdoptionQuery,
  AdoptionSummaryQuery,
  AdoptionTrendsQuery,
  AdoptionExportQuery,
} from './api';
export type { EntityCommunitiesCardProps } from './components/EntityCommunitiesCard';
export {
  AdoptionStatusChip,
  adoptionStatusLabel,
} from './components/AdoptionStatusChip';
export {
  CommunityErrorPanel,
  type CommunityErrorPanelProps,
} from './components/CommunityErrorPanel';
export { AdoptionDashboard } from './components/AdoptionDashboard';
export {
  EntityCommunityPicker,
  EntityCommunityFilter,
} from './components/EntityCommunityPicker';
export {
  CommunityEntityContent,
  EntityCommunityOverviewCard,
  PatternAdoptionContent,
  EntityPatternOverviewCard,
} from './plugin';
