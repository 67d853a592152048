export { EntityCommunityPicker } from './EntityCommunityPicker';
export { EntityCommunityFilter } from './EntityCommunityFilter';
