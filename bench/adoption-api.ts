/*
 * Adoption engine benchmark 3: `GET /adoption/summary` and
 * `GET /entities/component/default/<name>/communities` at 10,000 entities ×
 * 50 patterns (500,000 result rows), on SQLite and on PostgreSQL, under load
 * from a second process, against one backend holding the real catalog (fed
 * by an entity provider) and the community plugin, which reads the catalog
 * over its HTTP API as in production.
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
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { catalogModuleCommunityEntityModel } from '@copkit/plugin-catalog-backend-module-community';
import { communityPlugin } from '@copkit/plugin-community-backend';
import { DatabaseAdoptionStore } from '../plugins/community-backend/src/database/DatabaseAdoptionStore';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  apiEntities,
  apiPatterns,
  apiResults,
  serviceName,
} from './lib/apiCatalog';
import { ApiRun, Scenario, report } from './lib/apiReport';
import { waitForIngestion } from './lib/catalogIngestion';
import { BenchEntityProvider } from './lib/catalogProvider';
import {
  BenchDatabase,
  POSTGRES_URL,
  dropPostgresDatabases,
  postgresDatabase,
  sqliteDatabase,
} from './lib/db';
import { runLoad } from './lib/load';
import { ServerMeter } from './lib/serverMeter';
import { writeSection } from './report';

const ENTITIES = Number(process.env.COPKIT_BENCH_ENTITIES ?? 10_000);
const PATTERNS = 50;
const CONNECTIONS = [1, 10];
const WARMUP_MS = 2_000;
const DURATION_MS = 8_000;
const INGESTION_TIMEOUT_MS = 20 * 60_000;
const WORK = path.join(os.tmpdir(), 'copkit-bench-api');
const headers = { authorization: mockCredentials.user.header() };
// Every communities request asks about a different service, spread over
// the catalog.
const SERVICES = Array.from(
  { length: 1000 },
  (_, i) =>
    `entities/component/default/${serviceName(
      (i * 7919) % ENTITIES,
    )}/communities`,
);
const COMMUNITIES = 'GET /entities/component/default/<name>/communities';
// The plugin keeps entity reads for 10 s per caller; a new caller on every
// request never finds one kept, so this row is the cost without that cache.
const NEW_CALLERS = {
  authorization: mockCredentials.user.header('user:default/caller-{n}'),
};
const ENDPOINTS: Array<{
  endpoint: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number[];
}> = [
  {
    endpoint: 'GET /adoption/summary',
    paths: ['adoption/summary'],
    headers,
    connections: CONNECTIONS,
  },
  { endpoint: COMMUNITIES, paths: SERVICES, headers, connections: CONNECTIONS },
  {
    endpoint: `${COMMUNITIES}, a new caller per request`,
    paths: SERVICES,
    headers: NEW_CALLERS,
    connections: [10],
  },
];

/** `backend.database`: one SQLite file or PostgreSQL database per plugin. */
type DatabaseConfig =
  | { client: 'better-sqlite3'; connection: { directory: string } }
  | { client: 'pg'; connection: string; prefix: string };

/** The backend's database config, and the community plugin's database in it. */
type Setup = {
  label: string;
  database: DatabaseConfig;
  community: BenchDatabase;
  cleanup(): Promise<void>;
};

function sqliteSetup(): Setup {
  const directory = path.join(WORK, 'sqlite');
  fs.rmSync(directory, { recursive: true, force: true });
  return {
    label: 'SQLite files',
    // one file per plugin: catalog.sqlite, community.sqlite
    database: { client: 'better-sqlite3', connection: { directory } },
    community: sqliteDatabase(path.join(directory, 'community.sqlite')),
    cleanup: async () => fs.rmSync(directory, { recursive: true, force: true }),
  };
}

async function postgresSetup(): Promise<Setup | undefined> {
  const prefix = `copkit_bench_api_${Date.now().toString(36)}_`;
  const community = await postgresDatabase(`${prefix}community`);
  if (!community) return undefined;
  return {
    label: community.label,
    database: { client: 'pg', connection: POSTGRES_URL, prefix },
    community,
    cleanup: () => dropPostgresDatabases(prefix),
  };
}

/** Writes every result row into the community plugin's database. */
async function fill(db: BenchDatabase, components: Entity[]) {
  const store = await DatabaseAdoptionStore.create({ database: db.service });
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
  await db.knex.destroy();
  return { fillMs, rows: Number(count) };
}

function startBackend(setup: Setup, provider: BenchEntityProvider) {
  return startTestBackend({
    features: [
      catalogPlugin,
      scaffolderEntityModel,
      catalogModuleCommunityEntityModel,
      provider.module(),
      communityPlugin,
      mockServices.rootConfig.factory({
        data: {
          backend: { database: setup.database },
          // No scan: the store already holds the results.
          community: {
            scan: {
              schedule: {
                frequency: { trigger: 'manual' },
                timeout: { minutes: 30 },
              },
            },
          },
        },
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
    ],
  });
}

/** Hands the entities to the catalog and waits until it has them all. */
async function ingest(
  origin: string,
  provider: BenchEntityProvider,
  entities: Entity[],
) {
  const start = performance.now();
  await provider.run();
  const mutationMs = performance.now() - start;
  const ingestion = await waitForIngestion({
    api: { baseUrl: `${origin}/api/catalog/`, headers },
    entities,
    errors: provider.errors,
    startedAt: start,
    timeoutMs: INGESTION_TIMEOUT_MS,
  });
  console.log(
    `mutation stored in ${seconds(mutationMs)}, ` +
      `every entity listed after ${seconds(ingestion.listedMs)}, ` +
      `${ingestion.relations} relations settled after ${seconds(
        ingestion.settledMs,
      )}`,
  );
  return { mutationMs, ingestion };
}

/** The backend's CPU use (% of one core) with no requests, over 5 s. */
async function idleCpu(meter: ServerMeter) {
  meter.reset();
  await new Promise(resolve => setTimeout(resolve, 5000));
  const { cpuMs, wallMs } = meter.read();
  return (100 * cpuMs) / wallMs;
}

/** Every endpoint at every connection count, counting what the server did. */
async function measure(baseUrl: string, meter: ServerMeter, label: string) {
  const scenarios: Scenario[] = [];
  for (const { endpoint, paths, headers: callers, ...rest } of ENDPOINTS) {
    for (const connections of rest.connections) {
      meter.reset();
      const stats = await runLoad({
        baseUrl,
        paths,
        headers: callers,
        connections,
        warmupMs: WARMUP_MS,
        durationMs: DURATION_MS,
        maxRequests: 200_000,
      });
      const usage = meter.read();
      console.log(
        `${label} ${endpoint} ×${connections}: p50 ${stats.p50.toFixed(
          1,
        )} ms, p95 ${stats.p95.toFixed(1)} ms, ${stats.rps.toFixed(0)} req/s, ${
          stats.errors
        } errors`,
      );
      scenarios.push({ endpoint, connections, stats, usage });
    }
  }
  return scenarios;
}

async function runDatabase(setup: Setup, entities: Entity[]): Promise<ApiRun> {
  const components = entities.filter(e => e.kind === 'Component');
  const { fillMs, rows } = await fill(setup.community, components);
  console.log(`${setup.label}: ${rows} rows written in ${seconds(fillMs)}`);

  const provider = new BenchEntityProvider(entities);
  const backend = await startBackend(setup, provider);
  const meter = new ServerMeter();
  try {
    const origin = `http://127.0.0.1:${backend.server.port()}`;
    const { mutationMs, ingestion } = await ingest(origin, provider, entities);
    const baseUrl = `${origin}/api/community/`;
    await check(baseUrl);
    const idleCpuPercent = await idleCpu(meter);
    const scenarios = await measure(baseUrl, meter, setup.label);
    return {
      label: setup.label,
      fillMs,
      rows,
      mutationMs,
      ingestion,
      idleCpuPercent,
      scenarios,
    };
  } finally {
    meter.close();
    await backend.stop();
    await setup.cleanup();
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** One request to each endpoint, so that a broken setup fails loudly. */
async function check(baseUrl: string) {
  for (const {
    paths: [p],
  } of ENDPOINTS) {
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
  const runs: ApiRun[] = [];
  runs.push(await runDatabase(sqliteSetup(), entities));
  const postgres = await postgresSetup();
  if (postgres) runs.push(await runDatabase(postgres, entities));
  fs.rmSync(WORK, { recursive: true, force: true });
  writeSection(
    'adoption-api',
    report({
      runs,
      entities,
      components: ENTITIES,
      patterns: PATTERNS,
      load,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      authHeader: headers.authorization,
    }),
  );
}

main().then(
  // Backstage leaves SQLite connections open when a backend stops (its
  // DatabaseManager skips them on shutdown), and their pools keep the
  // process alive.
  () => process.exit(0),
  e => {
    console.error(e);
    process.exit(1);
  },
);
