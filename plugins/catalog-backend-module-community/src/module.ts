import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { CommunityEntitiesProcessor } from './processor';

/**
 * Registers copkit's Community and Pattern kinds with the catalog backend.
 *
 * @public
 */
export const catalogModuleCommunityEntityModel = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'community-entity-model',
  register(env) {
    env.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new CommunityEntitiesProcessor());
      },
    });
  },
});
