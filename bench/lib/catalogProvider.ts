import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
  catalogProcessingExtensionPoint,
} from '@backstage/plugin-catalog-node';

/** Where the benchmark's entities say they come from. */
const LOCATION = 'url:https://bench.repos/catalog-info.yaml';

/**
 * An entity as its source would hold it: no uid and no relations (the
 * catalog assigns and computes those), with the location annotations an
 * entity provider sets.
 */
function asSourceEntity(entity: Entity): Entity {
  const { uid: _uid, ...metadata } = entity.metadata;
  return {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: {
      ...metadata,
      annotations: {
        ...metadata.annotations,
        [ANNOTATION_LOCATION]: LOCATION,
        [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
      },
    },
    ...(entity.spec ? { spec: entity.spec } : {}),
  };
}

/**
 * Hands the benchmark's entities to the catalog the way a provider for an
 * external source does: one full mutation, which replaces whatever the
 * provider gave before.
 */
export class BenchEntityProvider implements EntityProvider {
  #connection?: EntityProviderConnection;
  /** Processing errors the catalog reported, `ref: message`. */
  readonly errors: string[] = [];

  constructor(private readonly entities: Entity[]) {}

  getProviderName() {
    return 'copkit-bench';
  }

  async connect(connection: EntityProviderConnection) {
    this.#connection = connection;
  }

  /** Applies the full mutation; resolves when the catalog has stored it. */
  async run() {
    if (!this.#connection) {
      throw new Error('The catalog has not connected the bench provider');
    }
    await this.#connection.applyMutation({
      type: 'full',
      entities: this.entities.map(entity => ({
        entity: asSourceEntity(entity),
        locationKey: this.getProviderName(),
      })),
    });
  }

  /** A catalog module that adds this provider and records processing errors. */
  module() {
    return createBackendModule({
      pluginId: 'catalog',
      moduleId: 'copkit-bench-provider',
      register: env => {
        env.registerInit({
          deps: { catalog: catalogProcessingExtensionPoint },
          init: async ({ catalog }) => {
            catalog.addEntityProvider(this);
            catalog.setOnProcessingErrorHandler(
              ({ unprocessedEntity, errors }) => {
                const ref = stringifyEntityRef(unprocessedEntity);
                this.errors.push(...errors.map(e => `${ref}: ${e.message}`));
              },
            );
          },
        });
      },
    });
  }
}
