import {
  Entity,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { refKey } from '@copkit/plugin-community-common';
import {
  CatalogApi,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';

// Small catalog readers shared by the plugin's pages.

/**
 * The targets of the entity's relations of `type` that are of `kind`, as
 * lower-case refs: the catalog has already resolved them from the specs.
 */
export function relatedRefs(entity: Entity, type: string, kind: string) {
  const refs = getEntityRelations(entity, type, { kind }).map(ref =>
    refKey(ref),
  );
  return [...new Set(refs)];
}

/** The members of a group, from its `hasMember` relations. */
export function groupMembers(group: Entity): string[] {
  return getEntityRelations(group, RELATION_HAS_MEMBER).map(ref =>
    stringifyEntityRef(ref),
  );
}

/** Reads entities by ref with only `fields`, dropping the ones not found. */
export async function entitiesByRefs(
  catalogApi: CatalogApi,
  refs: string[],
  fields: string[],
): Promise<Entity[]> {
  if (refs.length === 0) return [];
  const { items } = await catalogApi.getEntitiesByRefs({
    entityRefs: refs,
    fields,
  });
  return items.filter((item): item is Entity => Boolean(item));
}

/** What a list of linked entities needs to show their names. */
export const NAME_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.profile.displayName',
];
