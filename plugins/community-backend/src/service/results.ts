import { AdoptionResult } from '@copkit/plugin-community-common';
import { AdoptionStore, ResultFilter } from '../database/AdoptionStore';
import { isVisible } from './CatalogVisibility';
import { adoptionCsvHeader, adoptionCsvRow } from './csv';

const BATCH = 500;

/**
 * Every result matching the filter, a page at a time. Results of patterns
 * the caller may not read are left out too (the store narrows by entity).
 */
export async function* resultBatches(
  store: AdoptionStore,
  filter: ResultFilter,
): AsyncGenerator<AdoptionResult[]> {
  for (let offset = 0; ; offset += BATCH) {
    const { items, totalCount } = await store.listResults(filter, {
      offset,
      limit: BATCH,
    });
    yield items.filter(result =>
      isVisible(filter.visibleEntityRefs, result.patternRef),
    );
    if (items.length < BATCH || offset + items.length >= totalCount) return;
  }
}

export async function allResults(
  store: AdoptionStore,
  filter: ResultFilter,
): Promise<AdoptionResult[]> {
  const all: AdoptionResult[] = [];
  for await (const batch of resultBatches(store, filter)) all.push(...batch);
  return all;
}

/** The CSV export: the header, then one chunk of rows per batch. */
export async function* adoptionCsvChunks(
  store: AdoptionStore,
  filter: ResultFilter,
): AsyncGenerator<string> {
  let header = adoptionCsvHeader();
  for await (const batch of resultBatches(store, filter)) {
    yield header + batch.map(adoptionCsvRow).join('');
    header = '';
  }
}
