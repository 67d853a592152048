import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { communityPermissions } from '@copkit/plugin-community-common';
import {
  PatternDetector,
  communityDetectorsExtensionPoint,
} from '@copkit/plugin-community-node';
import { readCommunityConfig } from './config';
import { DatabaseAdoptionStore } from './database/DatabaseAdoptionStore';
import { withCachedSummaries } from './database/cachedSummaries';
import { builtinDetectors } from './detectors/builtinDetectors';
import { containsPool } from './detectors/regex';
import { DetectorRegistry } from './engine/DetectorRegistry';
import { PartitionScanner } from './scan/PartitionScanner';
import { ScanRunner } from './scan/ScanRunner';
import { createRouter } from './service/router';

/**
 * The community backend plugin: copkit's adoption engine and its REST API.
 *
 * @public
 */
export const communityPlugin = createBackendPlugin({
  pluginId: 'community',
  register(env) {
    const added: PatternDetector[] = [];
    env.registerExtensionPoint(communityDetectorsExtensionPoint, {
      addDetector(...detectors) {
        added.push(...detectors);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        reader: coreServices.urlReader,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        lifecycle: coreServices.lifecycle,
      },
      async init(deps) {
        const config = readCommunityConfig(deps.config);
        const store = withCachedSummaries(
          await DatabaseAdoptionStore.create({ database: deps.database }),
        );
        const detectors = new DetectorRegistry([
          ...builtinDetectors(),
          ...added,
        ]);
        const scanner = new PartitionScanner({
          store,
          reader: deps.reader,
          detectors,
          logger: deps.logger,
          concurrency: config.concurrency,
          maxFileBytes: config.maxFileBytes,
        });
        const runner = new ScanRunner({
          store,
          scanner,
          catalog: deps.catalog,
          auth: deps.auth,
          scheduler: deps.scheduler,
          logger: deps.logger,
          schedule: config.schedule,
          partitions: config.partitions,
          retentionDays: config.retentionDays,
        });
        await runner.schedule();
        // The worker threads that run `contains` regexes stop with the plugin.
        deps.lifecycle.addShutdownHook(() => containsPool.close());

        deps.permissionsRegistry.addPermissions(communityPermissions);
        deps.httpRouter.use(
          await createRouter({
            store,
            scans: runner,
            catalog: deps.catalog,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );
      },
    });
  },
});
