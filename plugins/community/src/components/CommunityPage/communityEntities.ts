import {
  Entity,
  RELATION_HAS_MEMBER,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AdoptionCounts,
  AdoptionSummaryCell,
  RELATION_PUBLISHED_BY,
  getTemplateCommunityRef,
} from '@copkit/plugin-community-common';
import { normalizeRef } from '../../lib/refs';

const publishedBy = (entity: Entity, communityRef: string) =>
  (entity.relations ?? []).some(
    relation =>
      relation.type === RELATION_PUBLISHED_BY &&
      relation.targetRef.toLocaleLowerCase('en-US') === communityRef,
  );

function templateCommunity(template: Entity): string | undefined {
  try {
    const ref = getTemplateCommunityRef(template);
    return ref ? stringifyEntityRef(ref).toLocaleLowerCase('en-US') : undefined;
  } catch {
    // A malformed annotation is the catalog's to report, not this page's.
    return undefined;
  }
}

/** Templates the community publishes: by annotation or by relation. */
export function templatesOf(communityRef: string, templates: Entity[]) {
  return templates.filter(
    template =>
      templateCommunity(template) === communityRef ||
      publishedBy(template, communityRef),
  );
}

/** Patterns whose `spec.community` names the community. */
export function patternsOf(communityRef: string, patterns: Entity[]) {
  return patterns.filter(pattern => {
    const spec = pattern.spec as { community?: string } | undefined;
    const named =
      typeof spec?.community === 'string' &&
      normalizeRef(
        spec.community,
        'community',
        pattern.metadata.namespace ?? 'default',
      ) === communityRef;
    return named || publishedBy(pattern, communityRef);
  });
}

/** Communities whose `spec.parent` is the community: its chapters. */
export function chaptersOf(communityRef: string, communities: Entity[]) {
  return communities.filter(community => {
    const parent = (community.spec as { parent?: string } | undefined)?.parent;
    return (
      typeof parent === 'string' &&
      normalizeRef(
        parent,
        'community',
        community.metadata.namespace ?? 'default',
      ) === communityRef
    );
  });
}

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
