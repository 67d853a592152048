import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { communityPlugin } from '../plugin';
import {
  TestServer,
  adminKnex,
  component,
  dropDatabases,
  latestScan,
  manualSchedule,
  pattern,
  postgresConnectionString,
  runScan,
  sleep,
  uniqueDatabasePrefix,
  userAuth,
  waitFor,
  waitForScan,
} from './__testUtils__/testBackends';

/*
 * A scan shows as finished when its last partition is recorded; the task
 * that ran that partition still writes the day's snapshot before the
 * scheduler releases it. A scan started in that moment ("Scan now" right
 * after a scan) must still run every partition. Holding a lock on the
 * snapshots table keeps the moment open for as long as the test needs.
 */

jest.setTimeout(60_000);

const connection = postgresConnectionString();
const prefix = uniqueDatabasePrefix('rescan');

describe('a scan started while the previous one is still being wrapped up', () => {
  let server: TestServer;
  let stop: (() => Promise<void>) | undefined;
  let admin: Knex;

  beforeAll(async () => {
    admin = adminKnex(connection);
    const backend = await startTestBackend({
      features: [
        communityPlugin,
        catalogServiceMock.factory({
          entities: [
            ...Array.from({ length: 12 }, (_, i) => component(`svc-${i}`)),
            pattern('tagged', [{ tag: 'java' }]),
          ],
        }),
        schedulerServiceFactory,
        mockServices.rootConfig.factory({
          data: {
            backend: { database: { client: 'pg', connection, prefix } },
            community: { scan: { schedule: manualSchedule, partitions: 4 } },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    try {
      await dropDatabases(admin, prefix);
    } finally {
      await admin.destroy();
    }
  });

  it('runs every partition of the new scan', async () => {
    await runScan(server); // creates the tables and a first snapshot

    const plugin = adminKnex(connection, `${prefix}community`);
    const locked = await plugin.transaction();
    try {
      await locked.raw(
        'LOCK TABLE community_adoption_snapshots IN ACCESS EXCLUSIVE MODE',
      );
      const first = await request(server)
        .post('/api/community/scans')
        .set(userAuth);
      expect(first.status).toBe(202);
      // finished, but its last partition's task is stuck writing the snapshot
      await waitForScan(server, first.body.id);

      const second = request(server)
        .post('/api/community/scans')
        .set(userAuth)
        .then(res => res);
      await sleep(1000);
      await locked.commit();
      const started = await second;
      expect(started.status).toBe(202);

      let last = await latestScan(server);
      try {
        await waitFor(
          'the second scan to finish',
          async () => {
            last = await latestScan(server);
            return last?.status === 'running' ? undefined : last;
          },
          { timeoutMs: 15_000 },
        );
      } catch {
        throw new Error(
          `The scan started right after another stays running: ${JSON.stringify(
            last?.partitions,
          )} partitions. A partition whose task was still being released ` +
            'was never triggered (ScanRunner.startScan logs "not started now").',
        );
      }
      expect(last).toMatchObject({
        id: started.body.id,
        status: 'succeeded',
        partitions: { total: 4, done: 4, failed: 0 },
      });
    } finally {
      if (!locked.isCompleted()) await locked.rollback();
      await plugin.destroy();
    }
  });
});
