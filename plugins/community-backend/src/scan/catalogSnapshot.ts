import { AuthService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  PatternEntityV1alpha1,
  isPatternEntity,
  refKey,
} from '@copkit/plugin-community-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { domainOf } from '../engine/entityFacts';

/** What a scan reads from the catalog. */
export type CatalogSnapshot = {
  patterns: PatternEntityV1alpha1[];
  /** Entities of every kind some pattern applies to. */
  entities: Entity[];
  /** System ref → domain ref. */
  domainOfSystem: Map<string, string>;
};

const PAGE = 500;

async function all(
  catalog: CatalogService,
  credentials: Awaited<ReturnType<AuthService['getOwnServiceCredentials']>>,
  filter: Record<string, string | string[]>,
  fields?: string[],
): Promise<Entity[]> {
  const items: Entity[] = [];
  let cursor: string | undefined;
  do {
    const response = cursor
      ? await catalog.queryEntities(
          { cursor, limit: PAGE, fields },
          { credentials },
        )
      : await catalog.queryEntities(
          {
            filter,
            limit: PAGE,
            fields,
            orderFields: { field: 'metadata.name', order: 'asc' },
          },
          { credentials },
        );
    items.push(...response.items);
    cursor = response.pageInfo.nextCursor;
  } while (cursor);
  return items;
}

/** Reads patterns, the entities they judge and the system → domain map. */
export async function readCatalogSnapshot(
  catalog: CatalogService,
  auth: AuthService,
): Promise<CatalogSnapshot> {
  const credentials = await auth.getOwnServiceCredentials();
  const patterns = (
    await all(catalog, credentials, { kind: 'Pattern' })
  ).filter(isPatternEntity);
  const kinds = new Set(['component']);
  for (const pattern of patterns) {
    for (const kind of pattern.spec.appliesTo?.kinds ?? []) {
      kinds.add(kind.toLocaleLowerCase('en-US'));
    }
  }
  const entities = await all(catalog, credentials, { kind: [...kinds] });
  const systems = await all(catalog, credentials, { kind: 'System' }, [
    'kind',
    'metadata.name',
    'metadata.namespace',
    'spec.domain',
  ]);
  const domainOfSystem = new Map<string, string>();
  for (const system of systems) {
    const domain = domainOf(system);
    if (domain) domainOfSystem.set(refKey(system), domain);
  }
  return { patterns, entities, domainOfSystem };
}
