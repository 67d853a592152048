/**
 * Catalog backend module for copkit's Community and Pattern kinds.
 *
 * @packageDocumentation
 */

export { catalogModuleCommunityEntityModel as default } from './module';
export { catalogModuleCommunityEntityModel } from './module';
export { CommunityEntitiesProcessor } from './processor';
