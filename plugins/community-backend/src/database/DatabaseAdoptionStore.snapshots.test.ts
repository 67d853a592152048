import {
  COMMUNITY_PLATFORM,
  PATTERN_DOCKER,
  PATTERN_RENOVATE,
  storedResult,
  STREAM_SEARCH,
  describeEachDatabase,
} from './__testUtils__/testFixtures';

jest.setTimeout(60_000);

describeEachDatabase('DatabaseAdoptionStore snapshots', db => {
  const range = { from: '2026-01-01', to: '2026-12-31' };

  it('keeps a daily history that trends sum up', async () => {
    await db.store.upsertResults([
      storedResult('cart', { status: 'not-adopted' }),
      storedResult('basket', { status: 'not-adopted' }),
      storedResult('search', { valueStream: STREAM_SEARCH, status: 'error' }),
      storedResult('docs', { status: 'not-applicable' }),
      storedResult('cart', { patternRef: PATTERN_RENOVATE }),
    ]);
    await db.store.writeSnapshot('2026-11-01', 365);

    await db.store.upsertResults([
      storedResult('cart'),
      storedResult('search', {
        valueStream: STREAM_SEARCH,
        status: 'exempt',
      }),
    ]);
    await db.store.writeSnapshot('2026-11-02', 365);

    expect(
      await db.store.trends({ ...range, patternRef: PATTERN_DOCKER }),
    ).toEqual([
      {
        day: '2026-11-01',
        adopted: 0,
        notAdopted: 2,
        exempt: 0,
        errors: 1,
        applicable: 3,
        rate: 0,
      },
      {
        day: '2026-11-02',
        adopted: 1,
        notAdopted: 1,
        exempt: 1,
        errors: 0,
        applicable: 2,
        rate: 0.5,
      },
    ]);

    // Every pattern of the community, in one value stream.
    expect(
      await db.store.trends({
        ...range,
        communityRef: COMMUNITY_PLATFORM,
        valueStream: STREAM_SEARCH,
      }),
    ).toEqual([
      expect.objectContaining({ day: '2026-11-01', errors: 1, rate: null }),
      expect.objectContaining({ day: '2026-11-02', exempt: 1, rate: null }),
    ]);

    // Over everything; the range bounds are inclusive.
    expect(
      await db.store.trends({ from: '2026-11-02', to: '2026-11-02' }),
    ).toEqual([
      expect.objectContaining({
        day: '2026-11-02',
        adopted: 2,
        notAdopted: 1,
      }),
    ]);
    expect(
      await db.store.trends({ ...range, communityRef: 'community:default/x' }),
    ).toEqual([]);
  });

  it('replaces the snapshot of a day written twice', async () => {
    await db.store.upsertResults([
      storedResult('cart', { status: 'not-adopted' }),
    ]);
    await db.store.writeSnapshot('2026-11-01', 365);
    await db.store.upsertResults([storedResult('cart')]);
    await db.store.writeSnapshot('2026-11-01', 365);

    expect(await db.store.trends(range)).toEqual([
      {
        day: '2026-11-01',
        adopted: 1,
        notAdopted: 0,
        exempt: 0,
        errors: 0,
        applicable: 1,
        rate: 1,
      },
    ]);
  });

  it('forgets days older than the retention', async () => {
    await db.store.upsertResults([storedResult('cart')]);
    for (const day of [
      '2026-10-20',
      '2026-10-24',
      '2026-10-25',
      '2026-10-31',
    ]) {
      await db.store.writeSnapshot(day, 365);
    }
    await db.store.writeSnapshot('2026-11-01', 7);

    expect((await db.store.trends(range)).map(point => point.day)).toEqual([
      '2026-10-25',
      '2026-10-31',
      '2026-11-01',
    ]);
  });

  it('refuses a day that is not YYYY-MM-DD', async () => {
    await expect(db.store.writeSnapshot('2026-11-1', 30)).rejects.toThrow(
      /Invalid day/,
    );
  });
});
