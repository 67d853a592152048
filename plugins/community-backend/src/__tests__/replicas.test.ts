import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
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
  sleep,
  uniqueDatabasePrefix,
  userAuth,
  waitForIdleScanTasks,
  waitForScan,
} from './__testUtils__/testBackends';

/*
 * Two replicas of the backend on one PostgreSQL database. A scan started on
 * one is shared out by partition (one global scheduler task each), so every
 * entity is judged exactly once, by whichever replica ran its partition.
 */

jest.setTimeout(60_000);

const connection = postgresConnectionString();
const prefix = uniqueDatabasePrefix('replicas');
const PARTITIONS = 6;

const entities = [
  ...Array.from({ length: 40 }, (_, i) =>
    component(`svc-${String(i).padStart(2, '0')}`, {
      lifecycle: i % 5 === 0 ? 'experimental' : 'production',
    }),
  ),
  // judged by the counting detector
  pattern('counted', [{ custom: { detector: 'count' } }]),
  // counted only when the tag rule misses (catalog rules run first)
  pattern('counted-unless-tagged', [
    { tag: 'never-set' },
    { custom: { detector: 'count' } },
  ]),
  // counted for experimental services only; the others are not-applicable
  pattern('experimental-only', [{ custom: { detector: 'count' } }], {
    appliesTo: { lifecycles: ['experimental'] },
  }),
];
const componentRefs = entities
  .filter(e => e.kind === 'Component')
  .map(e => stringifyEntityRef(e));
const experimental = new Set(
  entities
    .filter(e => e.kind === 'Component' && e.spec?.lifecycle === 'experimental')
    .map(e => stringifyEntityRef(e)),
);

/** entity ref → replicas that judged it, one entry per detector call */
const calls = new Map<string, string[]>();

async function startReplica(name: string) {
  return startTestBackend({
    features: [
      communityPlugin,
      detectorModule(
        'count',
        callbackDetector('count', async entity => {
          const ref = stringifyEntityRef(entity);
          calls.set(ref, [...(calls.get(ref) ?? []), name]);
          await sleep(5); // long enough for the replicas to overlap
        }),
      ),
      catalogServiceMock.factory({ entities }),
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            database: { client: 'pg', connection, prefix },
          },
          community: {
            scan: { schedule: manualSchedule, partitions: PARTITIONS },
          },
        },
      }),
    ],
  });
}

describe('two replicas sharing one PostgreSQL database', () => {
  const replicas: Array<Awaited<ReturnType<typeof startReplica>>> = [];
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    replicas.push(await startReplica('a'), await startReplica('b'));
    [a, b] = replicas.map(r => r.server);
  });

  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    const admin = adminKnex(connection);
    try {
      await dropDatabases(admin, prefix);
    } finally {
      await admin.destroy();
    }
  });

  it('judges every entity exactly once per scan, each partition on one replica', async () => {
    const started = await request(a).post('/api/community/scans').set(userAuth);
    expect(started.status).toBe(202);

    // the other replica sees the same running scan and will not start another
    const again = await request(b).post('/api/community/scans').set(userAuth);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain(started.body.id);

    const scan = await waitForScan(b, started.body.id);
    expect(scan).toMatchObject({
      status: 'succeeded',
      partitions: { total: PARTITIONS, done: PARTITIONS, failed: 0 },
      results: componentRefs.length * 3,
    });

    // counted: every component; counted-unless-tagged: every component;
    // experimental-only: the experimental ones
    const expected = componentRefs.map(ref => [
      ref,
      experimental.has(ref) ? 3 : 2,
    ]);
    expect(componentRefs.map(ref => [ref, calls.get(ref)?.length])).toEqual(
      expected,
    );
    // all calls for one entity on one replica: its partition ran once
    const split = [...calls].filter(([, by]) => new Set(by).size > 1);
    expect(split).toEqual([]);

    // both replicas answer for the same results
    for (const server of [a, b]) {
      const res = await request(server)
        .get('/api/community/patterns/default/counted/adoption')
        .query({ limit: 100 })
        .set(userAuth);
      expect(res.status).toBe(200);
      expect(res.body.totalCount).toBe(componentRefs.length);
    }
  });

  it('runs the next scan, started on the other replica, exactly once too', async () => {
    calls.clear();
    await waitForIdleScanTasks(b);
    const started = await request(b).post('/api/community/scans').set(userAuth);
    expect(started.status).toBe(202);
    const scan = await waitForScan(a, started.body.id);
    expect(scan).toMatchObject({
      status: 'succeeded',
      partitions: { total: PARTITIONS, done: PARTITIONS, failed: 0 },
    });
    expect(
      componentRefs.filter(
        ref => calls.get(ref)?.length !== (experimental.has(ref) ? 3 : 2),
      ),
    ).toEqual([]);
    expect([...calls].filter(([, by]) => new Set(by).size > 1)).toEqual([]);
  });
});
