import { PartitionOutcome } from './AdoptionStore';
import { describeEachDatabase } from './__testUtils__/testFixtures';

jest.setTimeout(60_000);

const at = (minute: number) =>
  new Date(Date.UTC(2026, 10, 24, 8, minute, 0, 0));

const succeeded = (scanned: number, results: number): PartitionOutcome => ({
  status: 'succeeded',
  repositories: { scanned, unchanged: 1, failed: 0 },
  results,
});

describeEachDatabase('DatabaseAdoptionStore scans', db => {
  it('starts a scan only when none is running', async () => {
    expect(await db.store.getLatestScan()).toBeUndefined();
    const first = await db.store.createScan({
      trigger: 'manual',
      partitions: 3,
      now: at(0),
    });
    expect(first).toEqual({
      created: true,
      scan: {
        id: expect.any(String),
        trigger: 'manual',
        status: 'running',
        startedAt: '2026-11-24T08:00:00.000Z',
        partitions: { total: 3, done: 0, failed: 0 },
        repositories: { scanned: 0, unchanged: 0, failed: 0 },
        results: 0,
      },
    });

    const second = await db.store.createScan({
      trigger: 'schedule',
      partitions: 3,
      now: at(1),
    });
    expect(second).toEqual({ created: false, scan: first.scan });
    expect(await db.store.getRunningScan()).toEqual(first.scan);
    expect(await db.store.getLatestScan()).toEqual(first.scan);
  });

  it('starts one scan when replicas race to start one', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.store.createScan({ trigger: 'schedule', partitions: 2, now: at(0) }),
      ),
    );
    expect(attempts.filter(a => a.created)).toHaveLength(1);
    expect(new Set(attempts.map(a => a.scan.id)).size).toBe(1);
    const [{ scans }] = await db.knex('community_scans').count({ scans: '*' });
    expect(Number(scans)).toBe(1);
  });

  it('lets each partition be claimed once', async () => {
    const { scan } = await db.store.createScan({
      trigger: 'schedule',
      partitions: 2,
      now: at(0),
    });
    expect(await db.store.getPartitionStatus(scan.id, 0)).toBeUndefined();
    expect(await db.store.claimPartition(scan.id, 0, at(1))).toBe(true);
    expect(await db.store.claimPartition(scan.id, 0, at(2))).toBe(false);
    expect(await db.store.getPartitionStatus(scan.id, 0)).toBe('running');

    const racing = await Promise.all([
      db.store.claimPartition(scan.id, 1, at(1)),
      db.store.claimPartition(scan.id, 1, at(1)),
      db.store.claimPartition(scan.id, 1, at(1)),
    ]);
    expect(racing.filter(Boolean)).toHaveLength(1);

    await expect(db.store.claimPartition(scan.id, 2, at(1))).rejects.toThrow(
      /outside/,
    );
    expect(await db.store.claimPartition('no-such-scan', 0, at(1))).toBe(false);
  });

  it('finishes the scan with the last partition, with totals', async () => {
    const { scan } = await db.store.createScan({
      trigger: 'manual',
      partitions: 2,
      now: at(0),
    });
    await db.store.claimPartition(scan.id, 0, at(1));
    await db.store.claimPartition(scan.id, 1, at(1));

    expect(
      await db.store.finishPartition(scan.id, 1, succeeded(3, 30), at(4)),
    ).toEqual({ scanFinished: false });
    // A repeated report of the same partition counts once.
    expect(
      await db.store.finishPartition(scan.id, 1, succeeded(3, 30), at(4)),
    ).toEqual({ scanFinished: false });
    expect(await db.store.getRunningScan()).toMatchObject({
      partitions: { total: 2, done: 1, failed: 0 },
    });

    expect(
      await db.store.finishPartition(scan.id, 0, succeeded(5, 50), at(6)),
    ).toEqual({ scanFinished: true });
    expect(await db.store.getRunningScan()).toBeUndefined();
    expect(await db.store.getLatestScan()).toEqual({
      ...scan,
      status: 'succeeded',
      finishedAt: '2026-11-24T08:06:00.000Z',
      durationMs: 6 * 60_000,
      partitions: { total: 2, done: 2, failed: 0 },
      repositories: { scanned: 8, unchanged: 2, failed: 0 },
      results: 80,
    });
    expect(await db.store.getPartitionStatus(scan.id, 0)).toBe('succeeded');

    const next = await db.store.createScan({
      trigger: 'schedule',
      partitions: 2,
      now: at(30),
    });
    expect(next.created).toBe(true);
    expect((await db.store.getLatestScan())?.id).toBe(next.scan.id);
  });

  it('finishes the scan exactly once when partitions finish together', async () => {
    const partitions = [0, 1, 2, 3, 4, 5];
    const { scan } = await db.store.createScan({
      trigger: 'schedule',
      partitions: partitions.length,
      now: at(0),
    });
    for (const p of partitions)
      await db.store.claimPartition(scan.id, p, at(1));

    const outcomes = await Promise.all(
      partitions.map(p =>
        db.store.finishPartition(scan.id, p, succeeded(1, 10), at(2)),
      ),
    );
    expect(outcomes.filter(o => o.scanFinished)).toHaveLength(1);
    expect(await db.store.getLatestScan()).toMatchObject({
      status: 'succeeded',
      partitions: { total: 6, done: 6, failed: 0 },
      results: 60,
    });
  });

  it('fails the scan when a partition failed', async () => {
    const { scan } = await db.store.createScan({
      trigger: 'schedule',
      partitions: 2,
      now: at(0),
    });
    await db.store.claimPartition(scan.id, 0, at(1));
    await db.store.claimPartition(scan.id, 1, at(1));
    await db.store.finishPartition(
      scan.id,
      0,
      { status: 'failed', error: 'catalog unavailable' },
      at(2),
    );
    expect(await db.store.getPartitionStatus(scan.id, 0)).toBe('failed');
    expect(
      await db.store.finishPartition(scan.id, 1, succeeded(2, 20), at(3)),
    ).toEqual({ scanFinished: true });
    expect(await db.store.getLatestScan()).toMatchObject({
      status: 'failed',
      error: '1 of 2 partitions failed',
      partitions: { total: 2, done: 2, failed: 1 },
      repositories: { scanned: 2, unchanged: 1, failed: 0 },
    });
  });

  it('gives up on scans that ran for too long', async () => {
    const { scan } = await db.store.createScan({
      trigger: 'schedule',
      partitions: 2,
      now: at(0),
    });
    await db.store.claimPartition(scan.id, 0, at(1));

    expect(await db.store.failStaleScans(at(0), 'timed out')).toBe(0);
    expect((await db.store.getRunningScan())?.id).toBe(scan.id);

    expect(await db.store.failStaleScans(at(31), 'timed out')).toBe(1);
    expect(await db.store.getRunningScan()).toBeUndefined();
    expect(await db.store.getLatestScan()).toMatchObject({
      id: scan.id,
      status: 'failed',
      error: 'timed out',
      finishedAt: expect.any(String),
    });
    expect(await db.store.getPartitionStatus(scan.id, 0)).toBe('failed');
    // A replica still working on it reports too late: nothing changes.
    expect(
      await db.store.finishPartition(scan.id, 1, succeeded(1, 1), at(40)),
    ).toEqual({ scanFinished: false });
    expect(await db.store.claimPartition(scan.id, 1, at(40))).toBe(false);

    const next = await db.store.createScan({
      trigger: 'schedule',
      partitions: 2,
      now: at(45),
    });
    expect(next.created).toBe(true);
  });
});
