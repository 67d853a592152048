export { CommunityEntityContent } from './CommunityEntityContent';
export { CommunityOverviewCard } from './CommunityOverviewCard';
export { CommunityPeopleCard } from './CommunityPeopleCard';
export { CommunityPublishedCard } from './CommunityPublishedCard';
export { CommunityRelationsCard } from './CommunityRelationsCard';
