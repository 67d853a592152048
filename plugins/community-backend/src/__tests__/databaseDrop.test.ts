import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { communityPlugin } from '../plugin';
import {
  TestServer,
  adminKnex,
  callbackDetector,
  component,
  detectorModule,
  dropDatabases,
  manualSchedule,
  pattern,
  postgresConnectionString,
  runScan,
  uniqueDatabasePrefix,
  userAuth,
  waitForScan,
} from './__testUtils__/testBackends';

/*
 * PostgreSQL drops the plugin's connections in the middle of a scan (a
 * failover, an administrator, a restarted pooler). The scan must end, the
 * API must keep answering, and the next scan must work without a restart.
 */

jest.setTimeout(120_000);

const connection = postgresConnectionString();
const prefix = uniqueDatabasePrefix('dbdrop');
const pluginDatabase = `${prefix}community`;

const entities = [
  ...Array.from({ length: 24 }, (_, i) => component(`svc-${i}`)),
  pattern('judged', [{ custom: { detector: 'drop' } }]),
];

describe('the plugin database dropping its connections during a scan', () => {
  let admin: Knex;
  let server: TestServer;
  let stop: (() => Promise<void>) | undefined;
  let dropOnNextCall = false;
  let terminated = 0;

  const detector = callbackDetector('drop', async () => {
    if (!dropOnNextCall) return;
    dropOnNextCall = false;
    const { rows } = await admin.raw<{ rows: unknown[] }>(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = ? AND pid <> pg_backend_pid()`,
      [pluginDatabase],
    );
    terminated = rows.length;
  });

  beforeAll(async () => {
    // knex reports every connection the server drops on console.log;
    // here that is the point, not news
    jest.spyOn(console, 'log').mockImplementation(() => {});
    admin = adminKnex(connection);
    const backend = await startTestBackend({
      features: [
        communityPlugin,
        detectorModule('drop', detector),
        catalogServiceMock.factory({ entities }),
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { database: { client: 'pg', connection, prefix } },
            community: {
              scan: {
                schedule: manualSchedule,
                partitions: 4,
                concurrency: 2,
              },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await stop?.();
    try {
      await dropDatabases(admin, prefix);
    } finally {
      await admin.destroy();
    }
  });

  it('ends the interrupted scan, keeps answering, and scans again without a restart', async () => {
    // a scan before the drop, so that the pool holds open connections
    expect(await runScan(server)).toMatchObject({ status: 'succeeded' });

    dropOnNextCall = true;
    const started = await request(server)
      .post('/api/community/scans')
      .set(userAuth);
    expect(started.status).toBe(202);
    const interrupted = await waitForScan(server, started.body.id, {
      timeoutMs: 60_000,
      retryServerErrors: true,
    }).catch(error => {
      throw new Error(
        `The interrupted scan never ends, so every POST /scans is refused with 409: ${error}. ` +
          'A partition whose failure could not be recorded (ScanRunner logs "could not record the failure") ' +
          'stays running, and nothing gives up on a stale scan.',
      );
    });
    expect(terminated).toBeGreaterThan(0);
    expect(dropOnNextCall).toBe(false);
    // it may have failed, or recovered by itself; it must not hang
    expect(['succeeded', 'failed']).toContain(interrupted.status);
    expect(interrupted.partitions.done).toBe(4);

    const read = await request(server)
      .get('/api/community/patterns/default/judged/adoption')
      .set(userAuth);
    expect(read.status).toBe(200);

    const next = await runScan(server, { timeoutMs: 45_000 });
    expect(next).toMatchObject({
      status: 'succeeded',
      partitions: { total: 4, done: 4, failed: 0 },
      results: 24,
    });
  });
});
