import { Entity } from '@backstage/catalog-model';
import {
  AdoptionCounts,
  AdoptionSummaryCell,
  refKey,
} from '@copkit/plugin-community-common';

/** Summary cells summed per pattern, with the rate recomputed. */
export function countsByPattern(
  cells: AdoptionSummaryCell[],
): Map<string, AdoptionCounts> {
  const totals = new Map<string, AdoptionCounts>();
  for (const cell of cells) {
    const key = refKey(cell.patternRef);
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
