import { Entity } from '@backstage/catalog-model';
import { machine } from '../report';
import { Ingestion } from './catalogIngestion';
import { LoadStats } from './load';
import { loadNote } from './machineLoad';
import { RouteTimes, ServerUsage } from './serverMeter';

/** One endpoint at one connection count. */
export type Scenario = {
  endpoint: string;
  connections: number;
  stats: LoadStats;
  usage: ServerUsage;
};

/** Everything measured on one database. */
export type ApiRun = {
  label: string;
  fillMs: number;
  rows: number;
  mutationMs: number;
  ingestion: Ingestion;
  /** The backend's CPU use with no requests: the catalog's own work. */
  idleCpuPercent: number;
  scenarios: Scenario[];
};

const GOAL_MS = 100;
const n = (value: number) => value.toLocaleString('en-US');
const ms = (value: number) => value.toFixed(1);
const s = (value: number) => `${(value / 1000).toFixed(0)} s`;

function sum(routes: Array<[string, RouteTimes]>): RouteTimes {
  return routes.reduce(
    (total, [, t]) => ({
      count: total.count + t.count,
      totalMs: total.totalMs + t.totalMs,
    }),
    { count: 0, totalMs: 0 },
  );
}

/** A scenario's server figures, per request to the plugin. */
function perRequest({ usage }: Scenario) {
  const routes = Object.entries(usage.routes);
  const served = sum(routes.filter(([r]) => r.includes(' /api/community/')));
  const catalog = routes.filter(([r]) => r.includes(' /api/catalog/'));
  const lists = sum(catalog.filter(([r]) => r.includes('/entities?filter=')));
  const per = (value: number) => value / Math.max(1, served.count);
  return {
    serverMs: per(served.totalMs),
    calls: per(sum(catalog).count),
    catalogMs: per(sum(catalog).totalMs),
    lists: per(lists.count),
    listMs: per(lists.totalMs),
    cpuMs: per(usage.cpuMs),
    catalog,
    requests: served.count,
  };
}

const isCommunities = (x: Scenario) =>
  x.endpoint.includes('communities') && !isNewCallers(x);
const isNewCallers = (x: Scenario) => x.endpoint.endsWith('per request');

function resultRows(runs: ApiRun[]) {
  return runs.flatMap(run =>
    run.scenarios.map(({ endpoint, connections, stats }) => {
      const met = stats.p95 < GOAL_MS && stats.errors === 0;
      return `| ${run.label} | \`${endpoint}\` | ${connections} | ${n(
        stats.requests,
      )} | ${stats.rps.toFixed(0)} | ${ms(stats.p50)} | ${ms(stats.p95)} | ${ms(
        stats.p99,
      )} | ${stats.errors} | ${met ? '**met**' : '**not met**'} |`;
    }),
  );
}

function ingestionRows(runs: ApiRun[]) {
  return runs.map(
    run =>
      `| ${run.label} | ${s(run.fillMs)} | ${ms(run.mutationMs / 1000)} s | ${s(
        run.ingestion.listedMs,
      )} | ${s(run.ingestion.settledMs)} | ${n(
        run.ingestion.relations,
      )} | ${run.idleCpuPercent.toFixed(0)}% |`,
  );
}

function costRows(runs: ApiRun[]) {
  return runs.flatMap(run =>
    run.scenarios.map(scenario => {
      const x = perRequest(scenario);
      const core = (100 * scenario.usage.cpuMs) / scenario.usage.wallMs;
      return `| ${run.label} | \`${scenario.endpoint}\` | ${
        scenario.connections
      } | ${ms(x.serverMs)} | ${x.calls.toFixed(1)} | ${ms(x.catalogMs)} | ${ms(
        x.cpuMs,
      )} | ${core.toFixed(0)}% |`;
    }),
  );
}

/** The catalog calls of one communities request with nothing kept. */
function callRows(runs: ApiRun[]) {
  return runs.flatMap(run => {
    const scenario = run.scenarios.find(isNewCallers);
    if (!scenario) return [];
    const { catalog, requests } = perRequest(scenario);
    return catalog
      .sort(([, a], [, b]) => b.totalMs - a.totalMs)
      .map(
        ([route, t]) =>
          `| ${run.label} | \`${route}\` | ${(
            t.count / Math.max(1, requests)
          ).toFixed(2)} | ${ms(t.totalMs / t.count)} |`,
      );
  });
}

/** One sentence per database on the communities endpoint. */
function findings(runs: ApiRun[]) {
  return runs.flatMap(run => {
    const ten = run.scenarios.find(x => isCommunities(x) && x.connections > 1);
    const fresh = run.scenarios.find(isNewCallers);
    if (!ten || !fresh) return [];
    const kept = perRequest(ten);
    const x = perRequest(fresh);
    return [
      `- **${
        run.label
      }**: with nothing kept (a new caller on every request), a communities request causes ${x.calls.toFixed(
        1,
      )} catalog calls worth ${ms(x.catalogMs)} ms of catalog server time${
        x.lists > 0
          ? `, ${ms(x.listMs)} ms of it in the ${x.lists.toFixed(
              0,
            )} lists (every Community, every Pattern)`
          : ' (no lists)'
      }, and burns ${ms(
        x.cpuMs,
      )} ms of the backend's CPU, so its JavaScript thread answers at most about ${Math.round(
        1000 / x.cpuMs,
      )} a second; at ${
        fresh.connections
      } connections it answered ${fresh.stats.rps.toFixed(
        0,
      )} a second with a p95 of ${ms(
        fresh.stats.p95,
      )} ms. With one caller, whose reads are kept for 10 s, it causes ${kept.calls.toFixed(
        1,
      )} calls and burns ${ms(kept.cpuMs)} ms (p95 ${ms(ten.stats.p95)} ms at ${
        ten.connections
      } connections, ${ms(
        fresh.stats.p95 / ten.stats.p95,
      )}× faster than with nothing kept).`,
    ];
  });
}

function catalogText(entities: Entity[]) {
  const byKind = new Map<string, number>();
  for (const { kind } of entities) {
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  }
  return [...byKind].map(([kind, count]) => `${n(count)} ${kind}`).join(', ');
}

/** The adoption-api section of docs/benchmarks.md. */
export function report(options: {
  runs: ApiRun[];
  entities: Entity[];
  components: number;
  patterns: number;
  load: number;
  warmupMs: number;
  durationMs: number;
  authHeader: string;
}) {
  const { runs, entities } = options;
  return [
    `## Adoption API (engine benchmark 3)`,
    ``,
    `\`yarn workspace @copkit/bench adoption-api\` (about seven minutes; \`COPKIT_BENCH_POSTGRES_URL\` for another PostgreSQL server, without one the PostgreSQL rows are left out). Machine: ${machine()}; ${loadNote(
      options.load,
    )}. The load average counts this benchmark's own processes too: during the 10-connection runs the backend alone keeps a core busy (see the CPU column below).`,
    ``,
    `**What runs.** One backend, started with \`startTestBackend\`, holding the real catalog (\`@backstage/plugin-catalog-backend\` with the scaffolder entity model and \`@copkit/plugin-catalog-backend-module-community\`) and the community plugin (\`@copkit/plugin-community-backend\`), on a real database: one SQLite file per plugin in one run, one PostgreSQL database per plugin in the other. The community plugin reads the catalog as in production, through the default \`catalogServiceRef\`: an HTTP call to the catalog's REST API inside the same backend for every lookup, on behalf of the caller. Auth and permissions are Backstage's mocks: requests carry \`${options.authHeader}\` and every decision is allow, so the plugin never has to list what a caller may see. No scan runs. The catalog keeps its default processing loop (each entity processed again every 100–150 s), as in production.`,
    ``,
    `**The catalog** holds ${n(entities.length)} entities: ${catalogText(
      entities,
    )}. A small catalog module (\`bench/lib/catalogProvider.ts\`) adds an entity provider that hands them over as one full mutation; the catalog then processes and stitches them itself. "Listed" is when the catalog API counts every entity of every kind; "settled" is the last time any relation changed, once every relation points at a listed entity. The catalog processes at most 10 entities at a time and has no setting to raise that (\`catalog.processingInterval\` only sets when an entity is processed again).`,
    ``,
    `| database | results written | mutation stored | all listed | relations settled | relations | backend CPU when idle (% of one core) |`,
    `|---|---:|---:|---:|---:|---:|---:|`,
    ...ingestionRows(runs),
    ``,
    `**The adoption results**: ${n(runs[0]?.rows ?? 0)} rows (${n(
      options.components,
    )} Components × ${
      options.patterns
    } Patterns; 35% adopted, 45% not adopted, 12% not applicable, 3% exempt, 5% errors), written with \`DatabaseAdoptionStore.upsertResults\` into the community plugin's own database before the backend starts. A second process (\`bench/lib/loadgen.ts\`) keeps 1 or 10 keep-alive connections busy for ${
      options.warmupMs / 1000
    } s of warm-up and ${
      options.durationMs / 1000
    } s of measurement; the communities requests cycle through 1,000 different services.`,
    ``,
    `| database | endpoint | connections | requests | req/s | p50 (ms) | p95 (ms) | p99 (ms) | errors | p95 < ${GOAL_MS} ms |`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---|`,
    ...resultRows(runs),
    ``,
    `### Where the time goes`,
    ``,
    `What the backend served during each measurement, from Node's \`http.server\` diagnostics channels (\`bench/lib/serverMeter.ts\`): a request's server time (arrival to last byte), the catalog calls it caused and their summed server time (calls made in parallel overlap), and the backend process's CPU time per request (all of it, the catalog's processing loop included, which the idle figure above shows; the load generator and PostgreSQL are other processes).`,
    ``,
    `| database | endpoint | connections | server ms / request | catalog calls / request | catalog server ms / request | backend CPU ms / request | backend CPU (% of one core) |`,
    `|---|---|---:|---:|---:|---:|---:|---:|`,
    ...costRows(runs),
    ``,
    `The catalog calls of one communities request with nothing kept (a new caller on every request, 10 connections):`,
    ``,
    `| database | catalog route | calls / request | server ms / call |`,
    `|---|---|---:|---:|`,
    ...callRows(runs),
    ``,
    ...findings(runs),
    ``,
    `The summary makes no catalog call (the caller may read everything, and the plugin caches unrestricted summaries per scan step). Find-my-community reads the service by name, then makes three \`by-refs\` reads: its template, owner and system; its value stream, the owner's members and the patterns it adopted or its template implements; and the communities those entities' relations point at, each then judged on its own spec. Those \`by-refs\` answers are kept for 10 s per caller: the services of one team share their owner, system, value stream and communities. Each catalog call costs about a millisecond of the backend's CPU (routing, request validation, serialization, the HTTP client), so the number of calls sets the cost of a request; the 10-connection p95 is that cost times the queue, plus the catalog's own processing loop, which shares the JavaScript thread.`,
    ``,
    `Earlier runs of the same benchmark, one caller: with these three reads but nothing kept, 4.0 catalog calls per request and at 10 connections a p95 of 99.3 ms on SQLite and 66.5 ms on PostgreSQL; before that, when find-my-community also listed every Community and every Pattern on each request, 7.4 catalog calls per request and a p95 of 741 ms on SQLite (each list walks every stitched entity, \`SCAN final_entities\` with a correlated \`EXISTS\` on \`search\`, on the JavaScript thread through better-sqlite3) and 103.5 ms on PostgreSQL.`,
  ].join('\n');
}
