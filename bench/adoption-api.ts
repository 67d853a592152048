/*
 * Adoption engine benchmark 3: `GET /adoption/summary` and
 * `GET /entities/component/default/<name>/communities` at 10,000 entities ×
 * 50 patterns (500,000 result rows), on SQLite and on PostgreSQL, under load
 * from a second process, against the community plugin in a real backend
 * HTTP server.
 *
 *   yarn workspace @copkit/bench adoption-api
 *
 * COPKIT_BENCH_ENTITIES (default 10000) sets the number of Components.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { communityPlugin } from '@copkit/plugin-community-backend';
import { DatabaseAdoptionStore } from '@copkit/plugin-community-backend/src/database/DatabaseAdoptionStore';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { apiEntities, apiPatterns, apiResults } from './lib/apiCatalog';
import { BenchDatabase, postgresDatabase, sqliteDatabase } from './lib/db';
import { indexedCatalog, switchableCatalog } from './lib/indexedCatalog';
import { LoadStats, runLoad } from './lib/load';
import { loadNote } from './lib/machineLoad';
import { machine, writeSection } from './report';

const ENTITIES = Number(process.env.COPKIT_BENCH_ENTITIES ?? 10_000);
const PATTERNS = 50;
const CONNECTIONS = [1, 10];
const WARMUP_MS = 2_000;
const DURATION_MS = 8_000;
const WORK = path.join(os.tmpdir(), 'copkit-bench-api');

type Scenario = {
  endpoint: string;
  catalog: 'catalogServiceMock' | 'indexed' | 'not used';
  connections: number;
  stats: LoadStats;
};

type DatabaseRun = {
  label: string;
  fillMs: number;
  rows: number;
  scenarios: Scenario[];
};

async function fill(db: BenchDatabase, entities: Entity[]) {
  const store = await DatabaseAdoptionStore.create({ database: db.service });
  const components = entities.filter(e => e.kind === 'Component');
  const start = performance.now();
  for (const batch of apiResults(components, apiPatterns(PATTERNS), 5000)) {
    await store.upsertResults(batch);
  }
  const fillMs = performance.now() - start;
  // PostgreSQL's autovacuum would analyze the table within a minute of a
  // bulk load; doing it now makes the plans the same on every run.
  if (db.knex.client.dialect === 'postgresql') {
    await db.knex.raw('ANALYZE community_adoption_results');
  }
  const [{ count }] = await db
    .knex('community_adoption_results')
    .count({ count: '*' });
  return { fillMs, rows: Number(count) };
}

async function runDatabase(
  db: BenchDatabase,
  entities: Entity[],
): Promise<DatabaseRun> {
  const { fillMs, rows } = await fill(db, entities);
  console.log(
    `${db.label}: ${rows} rows written in ${(fillMs / 1000).toFixed(1)} s`,
  );

  const mock = catalogServiceMock({ entities });
  const indexed = indexedCatalog(entities, mock);
  const catalog = switchableCatalog(mock);
  const backend = await startTestBackend({
    features: [
      communityPlugin,
      mockServices.database.factory({ knex: db.knex }),
      mockServices.rootConfig.factory({
        data: {
          community: {
            scan: {
              // No scan during the measurement: the store holds the rows.
              schedule: {
                frequency: { hours: 24 },
                timeout: { minutes: 30 },
                initialDelay: { hours: 24 },
              },
            },
          },
        },
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      createServiceFactory({
        service: catalogServiceRef,
        deps: {},
        factory: () => catalog.catalog,
      }),
    ],
  });
  const baseUrl = `http://127.0.0.1:${backend.server.port()}/api/community/`;
  const headers = { authorization: mockCredentials.user.header() };
  const components = entities
    .filter(e => e.kind === 'Component')
    .map(e => e.metadata.name);
  // Every request asks about a different service, spread over the catalog.
  const communityPaths = Array.from(
    { length: 1000 },
    (_, i) =>
      `entities/component/default/${
        components[(i * 7919) % components.length]
      }/communities`,
  );

  const scenarios: Scenario[] = [];
  const measure = async (
    endpoint: string,
    paths: string[],
    catalogName: Scenario['catalog'],
  ) => {
    catalog.use(catalogName === 'indexed' ? indexed : mock);
    for (const connections of CONNECTIONS) {
      const stats = await runLoad({
        baseUrl,
        paths,
        headers,
        connections,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
        maxRequests: 200_000,
      });
      console.log(
        `${
          db.label
        } ${endpoint} (${catalogName}) ×${connections}: p50 ${stats.p50.toFixed(
          1,
        )} ms, p95 ${stats.p95.toFixed(1)} ms, ${stats.rps.toFixed(0)} req/s, ${
          stats.errors
        } errors`,
      );
      scenarios.push({ endpoint, catalog: catalogName, connections, stats });
    }
  };
  try {
    await check(baseUrl, headers, communityPaths[0]);
    await measure('GET /adoption/summary', ['adoption/summary'], 'not used');
    await measure(
      'GET /entities/component/default/<name>/communities',
      communityPaths,
      'catalogServiceMock',
    );
    await measure(
      'GET /entities/component/default/<name>/communities',
      communityPaths,
      'indexed',
    );
  } finally {
    await backend.stop();
    await db.destroy();
  }
  return { label: db.label, fillMs, rows, scenarios };
}

/** One request to each endpoint, so that a broken setup fails loudly. */
async function check(
  baseUrl: string,
  headers: Record<string, string>,
  communityPath: string,
) {
  for (const p of ['adoption/summary', communityPath]) {
    const response = await fetch(new URL(p, baseUrl), { headers });
    const body = await response.json();
    if (!response.ok || !Array.isArray(body.items) || !body.items.length) {
      throw new Error(
        `${p} answered ${response.status}: ${JSON.stringify(body).slice(
          0,
          300,
        )}`,
      );
    }
    console.log(`${p}: ${response.status}, ${body.items.length} items`);
  }
}

async function main() {
  const load = os.loadavg()[0];
  const entities = apiEntities(ENTITIES, apiPatterns(PATTERNS));
  const runs: DatabaseRun[] = [];
  runs.push(
    await runDatabase(
      sqliteDatabase(path.join(WORK, 'adoption.sqlite')),
      entities,
    ),
  );
  const postgres = await postgresDatabase('copkit_bench_api');
  if (postgres) runs.push(await runDatabase(postgres, entities));
  fs.rmSync(WORK, { recursive: true, force: true });
  writeSection('adoption-api', report(runs, entities.length, load));
}

const n = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => value.toFixed(1);

function report(runs: DatabaseRun[], catalogSize: number, load: number) {
  const rows = runs.flatMap(run =>
    run.scenarios.map(({ endpoint, catalog, connections, stats }) => {
      const met = stats.p95 < 100 && stats.errors === 0;
      return `| ${
        run.label
      } | \`${endpoint}\` | ${catalog} | ${connections} | ${n(
        stats.requests,
      )} | ${stats.rps.toFixed(0)} | ${ms(stats.p50)} | ${ms(stats.p95)} | ${ms(
        stats.p99,
      )} | ${stats.errors} | ${met ? '**met**' : '**not met**'} |`;
    }),
  );
  return [
    `## Adoption API (engine benchmark 3)`,
    ``,
    `\`yarn workspace @copkit/bench adoption-api\` (a few minutes; \`COPKIT_BENCH_POSTGRES_URL\` for another PostgreSQL server, without one the PostgreSQL rows are left out). Machine: ${machine()}; ${loadNote(
      load,
    )}.`,
    ``,
    `**What runs.** The community plugin (\`@copkit/plugin-community-backend\`) in a real HTTP server started with \`startTestBackend\`: mock auth (requests carry \`${mockCredentials.user.header()}\`), the allow-all permission mock, no scheduled scan. Its database holds ${n(
      runs[0]?.rows ?? 0,
    )} result rows (${n(
      ENTITIES,
    )} Components × ${PATTERNS} Patterns; 35% adopted, 45% not adopted, 12% not applicable, 3% exempt, 5% errors), written through \`DatabaseAdoptionStore.upsertResults\` on the same connection (${runs
      .map(run => `${run.label}: ${(run.fillMs / 1000).toFixed(1)} s to write`)
      .join(', ')}). The catalog holds ${n(
      catalogSize,
    )} entities: the Components, the Patterns, their Communities, Templates published by communities, 50 Groups with 300 Users, Systems and Domains. A second process (\`bench/lib/loadgen.ts\`) keeps 1 or 10 keep-alive connections busy for ${
      WARMUP_MS / 1000
    } s of warm-up and ${
      DURATION_MS / 1000
    } s of measurement; the communities requests cycle through 1,000 different services.`,
    ``,
    `Two catalogs: \`catalogServiceMock\` from \`@backstage/plugin-catalog-node/testUtils\` answers every lookup by scanning all entities (it rebuilds a ref map on every \`getEntityByRef\`), which dominates at this size and says little about a real catalog; "indexed" answers the same calls from maps (\`bench/lib/indexedCatalog.ts\`), so its rows measure the plugin and its database. A real catalog answers each call over HTTP from its database, a few milliseconds each; find-my-community makes 7 or 8 catalog calls per request, at most 3 of them one after the other. The summary makes none when the caller may read every entity, as here.`,
    ``,
    `| database | endpoint | catalog | connections | requests | req/s | p50 (ms) | p95 (ms) | p99 (ms) | errors | p95 < 100 ms |`,
    `|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|`,
    ...rows,
  ].join('\n');
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
