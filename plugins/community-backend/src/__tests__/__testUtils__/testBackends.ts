import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ScanSummary } from '@copkit/plugin-community-common';
import {
  PatternDetector,
  communityDetectorsExtensionPoint,
} from '@copkit/plugin-community-node';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';
import knexFactory, { Knex } from 'knex';
import request from 'supertest';

// Shared by the tests in this folder that start whole backends.

/** What startTestBackend's `server` is. */
export type TestServer = Parameters<typeof request>[0];

export const userAuth = { Authorization: mockCredentials.user.header() };

export const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns something other than undefined. Fails with
 * `what` and the last value seen when `timeoutMs` passes.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 200 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(intervalMs);
  }
}

export async function latestScan(
  server: TestServer,
  options: { retryServerErrors?: boolean } = {},
): Promise<ScanSummary | undefined> {
  const res = await request(server)
    .get('/api/community/scans/latest')
    .set(userAuth);
  if (res.status === 404) return undefined;
  if (res.status >= 500 && options.retryServerErrors) return undefined;
  if (res.status !== 200) {
    throw new Error(`GET /scans/latest answered ${res.status}: ${res.text}`);
  }
  return res.body;
}

/**
 * Polls `GET /scans/latest` until scan `id` is no longer running. With
 * `retryServerErrors`, a 5xx answer is polled again (the database may be
 * away for a moment).
 */
export async function waitForScan(
  server: TestServer,
  id: string,
  options: { timeoutMs?: number; retryServerErrors?: boolean } = {},
): Promise<ScanSummary> {
  let last: ScanSummary | undefined;
  try {
    return await waitFor(
      `scan ${id} to finish`,
      async () => {
        last = (await latestScan(server, options)) ?? last;
        return last?.id === id && last.status !== 'running' ? last : undefined;
      },
      { timeoutMs: options.timeoutMs ?? 30_000, intervalMs: 250 },
    );
  } catch (error) {
    throw new Error(`${error}; last seen: ${JSON.stringify(last)}`);
  }
}

/**
 * Waits until the scheduler has released every scan partition task. A task
 * is released only after its run returns, a moment after its scan shows as
 * finished; `POST /scans` in that moment cannot trigger it (see
 * scanAfterScan.test.ts).
 */
export async function waitForIdleScanTasks(server: TestServer) {
  await waitFor(
    'the scan partition tasks to be released',
    async () => {
      const res = await request(server)
        .get('/api/community/.backstage/scheduler/v1/tasks')
        .set(userAuth);
      const tasks = (res.body.tasks ?? []) as Array<{
        taskId: string;
        taskState: { status: string } | null;
      }>;
      const scanTasks = tasks.filter(t =>
        t.taskId.startsWith('community-adoption-scan-'),
      );
      return res.status === 200 &&
        scanTasks.length > 0 &&
        scanTasks.every(t => t.taskState?.status === 'idle')
        ? true
        : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 100 },
  );
}

/**
 * Starts a scan with `POST /scans` (expecting 202) once the partition tasks
 * are free, then waits for it to finish.
 */
export async function runScan(
  server: TestServer,
  options: { timeoutMs?: number; retryServerErrors?: boolean } = {},
): Promise<ScanSummary> {
  await waitForIdleScanTasks(server);
  const res = await request(server).post('/api/community/scans').set(userAuth);
  if (res.status !== 202) {
    throw new Error(`POST /scans answered ${res.status}: ${res.text}`);
  }
  return waitForScan(server, res.body.id, options);
}

/**
 * The scan schedule for tests: only ever triggered by `POST /scans`.
 * (With an `initialDelay`, the real scheduler would not start a triggered
 * task before the delay has passed.)
 */
export const manualSchedule = {
  frequency: { trigger: 'manual' },
  timeout: { minutes: 2 },
};

/** A module that adds detectors to the community backend. */
export function detectorModule(
  moduleId: string,
  ...detectors: PatternDetector[]
) {
  return createBackendModule({
    pluginId: 'community',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { detectors: communityDetectorsExtensionPoint },
        async init({ detectors: point }) {
          point.addDetector(...detectors);
        },
      });
    },
  });
}

/** A custom detector that never matches and calls `onCall` for each entity. */
export function callbackDetector(
  shape: string,
  onCall: (entity: Entity) => Promise<void> | void,
): PatternDetector {
  return {
    shape,
    needs: 'catalog',
    describe: () => `custom: ${shape}`,
    async detect({ entity }) {
      await onCall(entity);
      return { matched: false };
    },
  };
}

/** A service Component; `spec` overrides the defaults. */
export const component = (name: string, spec: JsonObject = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/team',
    ...spec,
  },
});

/** A Pattern whose rules match `any`; `spec` overrides the defaults. */
export const pattern = (
  name: string,
  rules: JsonObject[],
  spec: JsonObject = {},
): Entity => ({
  apiVersion: 'copkit.io/v1alpha1',
  kind: 'Pattern',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'code',
    status: 'adopt',
    owner: 'group:default/team',
    community: 'community:default/guild',
    detection: { match: 'any', rules },
    ...spec,
  },
});

// --- PostgreSQL ------------------------------------------------------------

/**
 * The connection string of the PostgreSQL server the database tests use,
 * from `BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING` (as
 * `.ci/run` and `scripts/test.sh` set it). Throws, saying how to set it,
 * when there is none: these tests are about PostgreSQL and are not skipped.
 */
export function postgresConnectionString(): string {
  const names = Object.keys(process.env)
    .filter(name =>
      /^BACKSTAGE_TEST_DATABASE_POSTGRES\d+_CONNECTION_STRING$/.test(name),
    )
    .sort((a, b) => Number(b.match(/\d+/)![0]) - Number(a.match(/\d+/)![0]));
  const value = names.length ? process.env[names[0]] : undefined;
  if (!value) {
    throw new Error(
      'This test needs PostgreSQL. Set BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING ' +
        '(e.g. BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432, ' +
        'the major version from `psql --version`) and BACKSTAGE_TEST_DISABLE_DOCKER=1, or run ' +
        '`bash scripts/test.sh`, which sets both when a server answers at 127.0.0.1:5432.',
    );
  }
  return value;
}

/** A prefix for the databases of one test run, so runs never share data. */
export function uniqueDatabasePrefix(name: string): string {
  const random = Math.random().toString(36).slice(2, 8);
  return `copkit_${name}_${Date.now().toString(36)}_${random}_`;
}

/**
 * A connection of its own to the server, for admin work: to the database
 * the connection string names, or to `database`.
 */
export function adminKnex(connectionString: string, database?: string): Knex {
  const url = new URL(connectionString);
  if (database) url.pathname = `/${database}`;
  return knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 2 },
  });
}

/** Drops every database whose name starts with `prefix`. */
export async function dropDatabases(admin: Knex, prefix: string) {
  const { rows } = await admin.raw<{ rows: Array<{ datname: string }> }>(
    `SELECT datname FROM pg_database WHERE starts_with(datname, ?)`,
    [prefix],
  );
  for (const { datname } of rows) {
    await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
  }
}
