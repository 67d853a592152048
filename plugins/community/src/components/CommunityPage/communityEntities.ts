import {
  Entity,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CatalogApi,
  getEntityRelations,
} from '@backstage/plugin-catalog-react';
import {
  AdoptionCounts,
  AdoptionSummaryCell,
} from '@copkit/plugin-community-common';

/**
 * The targets of the entity's relations of `type` that are of `kind`, as
 * lower-case refs: the catalog has already resolved them from the specs.
 */
export function relatedRefs(entity: Entity, type: string, kind: string) {
  const refs = getEntityRelations(entity, type, { kind }).map(ref =>
    stringifyEntityRef(ref).toLocaleLowerCase('en-US'),
  );
  return [...new Set(refs)];
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

/** The members of a group, from its `hasMember` relations. */
export function groupMembers(group: Entity): string[] {
  return (group.relations ?? [])
    .filter(relation => relation.type === RELATION_HAS_MEMBER)
    .map(relation => relation.targetRef);
}

/** Summary cells summed per pattern, with the rate recomputed. */
export function countsByPattern(
  cells: AdoptionSummaryCell[],
): Map<string, AdoptionCounts> {
  const totals = new Map<string, AdoptionCounts>();
  for (const cell of cells) {
    const key = cell.patternRef.toLocaleLowerCase('en-US');
    const sum = totals.get(key) ?? {
      adopted: 0,
      notAdopted: 0,
      exempt: 0,
      errors: 0,
      applicable: 0,
      rate: null,
    };
    sum.adopted += cell.adopted;
    sum.notAdopted += cell.notAdopted;
    sum.exempt += cell.exempt;
    sum.errors += cell.errors;
    sum.applicable += cell.applicable;
    const judged = sum.adopted + sum.notAdopted;
    sum.rate = judged > 0 ? sum.adopted / judged : null;
    totals.set(key, sum);
  }
  return totals;
}

/** "75%", or "no data" when the rate is unknown. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined
    ? 'no data'
    : `${Math.round(rate * 100)}%`;
}

/** The `links` of an entity with one of the given types. */
export function linksOfType(entity: Entity, types: string[]) {
  return (entity.metadata.links ?? []).filter(
    link => link.type && types.includes(link.type),
  );
}
