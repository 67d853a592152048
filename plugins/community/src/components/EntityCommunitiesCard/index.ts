export { EntityCommunitiesCard } from './EntityCommunitiesCard';
export type { EntityCommunitiesCardProps } from './EntityCommunitiesCard';
