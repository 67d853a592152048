import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Knex } from 'knex';
import { AdoptionStore } from '../database/AdoptionStore';
import {
  clearTables,
  createTestStore,
} from '../database/__testUtils__/testFixtures';
import { TABLES } from '../database/tables';
import { PartitionCounts } from './PartitionScanner';
import { ScanRunner } from './ScanRunner';

/*
 * The database can drop every connection at any moment (a failover, a
 * restarted pooler). The pool then hands out dead connections a few times
 * before live ones: a partition's run must outlast that, and a scan must
 * never stay "running" for good, since a running scan refuses new ones.
 */

jest.setTimeout(30_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const counts: PartitionCounts = {
  repositories: { scanned: 3, unchanged: 0, failed: 0 },
  results: 6,
};

/** The store, with `failures[method]` calls of each method failing first. */
function flaky(
  store: AdoptionStore,
  failures: Partial<Record<keyof AdoptionStore, number>>,
): AdoptionStore {
  const left = { ...failures } as Record<string, number>;
  return new Proxy(store, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        if ((left[key] ?? 0) > 0) {
          left[key]--;
          return Promise.reject(
            new Error('Connection terminated unexpectedly'),
          );
        }
        return value.apply(target, args);
      };
    },
  });
}

describe('ScanRunner', () => {
  let knex: Knex;
  let store: AdoptionStore;
  const logger = mockServices.logger.mock();
  const scheduler = mockServices.scheduler.mock();

  function runner(
    options: {
      store?: AdoptionStore;
      run?: () => Promise<PartitionCounts>;
      partitions?: number;
      timeout?: { milliseconds: number };
    } = {},
  ) {
    return new ScanRunner({
      store: options.store ?? store,
      scanner: { run: options.run ?? (async () => counts) },
      catalog: catalogServiceMock({ entities: [] }),
      auth: mockServices.auth(),
      scheduler,
      logger,
      schedule: {
        frequency: { trigger: 'manual' },
        timeout: options.timeout ?? { minutes: 2 },
      },
      partitions: options.partitions ?? 1,
      retentionDays: 30,
    });
  }

  beforeAll(async () => {
    knex = await databases.init('SQLITE_3');
    store = await createTestStore(knex);
  });

  afterEach(async () => {
    jest.resetAllMocks();
    await clearTables(knex);
  });

  it('finishes the scan when the store drops connections around a run', async () => {
    const dropping = flaky(store, {
      getRunningScan: 2,
      claimPartition: 2,
      finishPartition: 3,
      getLatestScan: 1,
    });

    await runner({ store: dropping }).runPartition(0);

    expect(await store.getLatestScan()).toMatchObject({
      trigger: 'schedule',
      status: 'succeeded',
      partitions: { total: 1, done: 1, failed: 0 },
      repositories: { scanned: 3 },
      results: 6,
    });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('records a failed partition even when the first tries to record it fail', async () => {
    const dropping = flaky(store, { finishPartition: 2 });
    const run = () => Promise.reject(new Error('the catalog is unreachable'));

    await expect(
      runner({ store: dropping, run }).runPartition(0),
    ).rejects.toThrow('the catalog is unreachable');

    expect(await store.getLatestScan()).toMatchObject({
      status: 'failed',
      partitions: { total: 1, done: 1, failed: 1 },
    });
  });

  it('gives up on a scan whose failure could not be recorded, so the next scan can start', async () => {
    const dead = flaky(store, { finishPartition: 100 });
    const run = () => Promise.reject(new Error('the catalog is unreachable'));
    const timeout = { milliseconds: 100 };

    await expect(
      runner({ store: dead, run, timeout }).runPartition(0),
    ).rejects.toThrow('the catalog is unreachable');
    const stuck = await store.getLatestScan();
    expect(stuck?.status).toBe('running');
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('could not record the failure'),
    );

    // the stale check waits for twice the schedule's timeout
    await new Promise(resolve => setTimeout(resolve, 250));
    const next = await runner({ timeout }).startScan();

    expect(next.created).toBe(true);
    expect(next.scan.id).not.toBe(stuck?.id);
    const given = await knex(TABLES.scans).where('id', stuck!.id).first();
    expect(given).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('did not finish in time'),
    });
  });

  it('keeps triggering a partition while the scheduler cannot reach its database', async () => {
    scheduler.triggerTask
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'))
      .mockRejectedValueOnce(new Error('Connection terminated unexpectedly'))
      .mockResolvedValue(undefined);

    const { created } = await runner().startScan();

    expect(created).toBe(true);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(3);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('waits for a partition task that is still wrapping up its previous run', async () => {
    scheduler.triggerTask
      .mockRejectedValueOnce(new ConflictError('task is running'))
      .mockResolvedValue(undefined);

    await runner().startScan();

    expect(scheduler.triggerTask).toHaveBeenCalledTimes(2);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('says when a partition will only run on its next scheduled run', async () => {
    scheduler.triggerTask.mockRejectedValue(new Error('no such task'));

    const { created } = await runner({ partitions: 2 }).startScan();

    expect(created).toBe(true);
    expect(scheduler.triggerTask).toHaveBeenCalledTimes(10);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Partition 1 of scan .* not started now, only on its next scheduled run: no such task$/,
      ),
    );
  });
});
