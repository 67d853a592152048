import { AdoptionSummaryCell } from '@copkit/plugin-community-common';
import { AdoptionStore, ResultFilter } from './AdoptionStore';

const MAX_ENTRIES = 200;

/**
 * Wraps a store so that unrestricted summaries (callers who may read every
 * entity) are computed once per scan step instead of on every request.
 * Results only change while a scan runs, and the cache key includes the
 * latest scan's id, status and finished partitions, which every replica
 * reads from the shared database: a summary is at most one partition's work
 * behind. Summaries for callers with restricted catalog access are never
 * cached, since they depend on what the caller may see.
 */
export function withCachedSummaries(store: AdoptionStore): AdoptionStore {
  const cache = new Map<string, Promise<AdoptionSummaryCell[]>>();

  async function summarize(filter: ResultFilter) {
    if (filter.visibleEntityRefs) return store.summarize(filter);
    const scan = await store.getLatestScan();
    const token = scan
      ? `${scan.id}/${scan.status}/${scan.partitions.done}`
      : 'none';
    const key = JSON.stringify([token, filter]);
    let cells = cache.get(key);
    if (!cells) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cells = store.summarize(filter);
      cache.set(key, cells);
      cells.catch(() => cache.delete(key));
    }
    return cells;
  }

  return new Proxy(store, {
    get(target, property) {
      if (property === 'summarize') return summarize;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
