import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';

/** The catalog's REST API as a caller sees it. */
export type CatalogHttp = {
  /** e.g. `http://127.0.0.1:1234/api/catalog/` */
  baseUrl: string;
  headers: Record<string, string>;
};

type QueryPage = {
  items: Entity[];
  totalItems: number;
  pageInfo: { nextCursor?: string };
};

async function query(
  api: CatalogHttp,
  params: Record<string, string>,
): Promise<QueryPage> {
  const url = new URL('entities/by-query', api.baseUrl);
  for (const [key, value] of Object.entries(params)) {
    url.searchParams.set(key, value);
  }
  const response = await fetch(url, { headers: api.headers });
  if (!response.ok) {
    throw new Error(`${url} answered ${response.status}`);
  }
  return (await response.json()) as QueryPage;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function expectedByKind(entities: Entity[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { kind } of entities)
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/**
 * Every listed entity's relations: how many, a digest of them all (to see
 * any change, not only in number) and those pointing at no listed entity.
 */
async function relationState(api: CatalogHttp) {
  const refs = new Set<string>();
  const relations: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await query(api, {
      ...(cursor ? { cursor } : {}),
      fields: 'kind,metadata.namespace,metadata.name,relations',
      limit: '2000',
    });
    for (const entity of page.items) {
      const ref = stringifyEntityRef(entity);
      refs.add(ref);
      for (const { type, targetRef } of entity.relations ?? []) {
        relations.push(`${ref} ${type} ${targetRef}`);
      }
    }
    cursor = page.pageInfo.nextCursor;
  } while (cursor);
  return {
    count: relations.length,
    digest: createHash('sha1')
      .update(relations.sort().join('\n'))
      .digest('hex'),
    unresolved: relations.filter(r => !refs.has(r.split(' ')[2])),
  };
}

export type Ingestion = {
  /** From the start until the API lists every entity. */
  listedMs: number;
  /** From the start until the last change to any relation was seen. */
  settledMs: number;
  relations: number;
};

type Deadline = {
  /** Throws if the catalog reported errors or the time is up. */
  check(state: () => string): void;
};

function deadline(errors: string[], startedAt: number, timeoutMs: number) {
  return {
    check(state: () => string) {
      if (errors.length) {
        throw new Error(
          `The catalog could not process ${
            errors.length
          } entities, e.g. ${errors.slice(0, 3).join('; ')}`,
        );
      }
      if (performance.now() > startedAt + timeoutMs) {
        throw new Error(
          `Timed out after ${seconds(
            timeoutMs,
          )} waiting for the catalog: ${state()}`,
        );
      }
    },
  };
}

/** Polls the count of every kind until each matches `entities`. */
async function waitForListing(
  api: CatalogHttp,
  entities: Entity[],
  time: Deadline,
  startedAt: number,
) {
  const expected = expectedByKind(entities);
  let listed = new Map<string, number>();
  const text = () =>
    [...expected]
      .map(([kind, n]) => `${kind} ${listed.get(kind) ?? 0} of ${n}`)
      .join(', ');
  let lastLog = performance.now();
  for (;;) {
    listed = new Map();
    for (const kind of expected.keys()) {
      const page = await query(api, { filter: `kind=${kind}`, limit: '0' });
      listed.set(kind, page.totalItems);
    }
    if ([...expected].every(([kind, n]) => listed.get(kind) === n)) return;
    time.check(() => `listed ${text()}`);
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      console.log(`catalog after ${seconds(lastLog - startedAt)}: ${text()}`);
    }
    await sleep(1000);
  }
}

/**
 * Polls every relation until none has changed for 6 s and all point at
 * listed entities; returns when the last change was seen.
 */
async function waitForRelations(api: CatalogHttp, time: Deadline) {
  let state = await relationState(api);
  let changedAt = performance.now();
  for (;;) {
    await sleep(2000);
    const next = await relationState(api);
    if (next.digest !== state.digest) changedAt = performance.now();
    state = next;
    const stableMs = performance.now() - changedAt;
    if (stableMs >= 6000 && state.unresolved.length === 0) {
      return { changedAt, relations: state.count };
    }
    time.check(
      () =>
        `${state.count} relations, ${
          state.unresolved.length
        } pointing nowhere (e.g. ${state.unresolved
          .slice(0, 3)
          .join(', ')}), unchanged for ${seconds(stableMs)}`,
    );
  }
}

/**
 * Waits until the catalog API lists every one of `entities` (counted by
 * kind), then until their relations have stopped changing (every reverse
 * relation stitched) and all point at listed entities. Fails with what it
 * saw when `timeoutMs` passes, or as soon as the catalog reports processing
 * errors (`errors`).
 */
export async function waitForIngestion(options: {
  api: CatalogHttp;
  entities: Entity[];
  errors: string[];
  startedAt: number;
  timeoutMs: number;
}): Promise<Ingestion> {
  const { api, errors, startedAt, timeoutMs } = options;
  const time = deadline(errors, startedAt, timeoutMs);
  await waitForListing(api, options.entities, time, startedAt);
  const listedMs = performance.now() - startedAt;
  console.log(`catalog lists every entity after ${seconds(listedMs)}`);
  const { changedAt, relations } = await waitForRelations(api, time);
  return { listedMs, settledMs: changedAt - startedAt, relations };
}
