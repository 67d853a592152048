export { CommunityEntitiesProcessor } from './CommunityEntitiesProcessor';
