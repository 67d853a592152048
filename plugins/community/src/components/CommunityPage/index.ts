export { CommunityEntityContent } from './CommunityEntityContent';
export { CommunityOverviewCard } from './CommunityOverviewCard';
