import {
  COMMUNITY_PLATFORM,
  PATTERN_DOCKER,
  PATTERN_RENOVATE,
  storedResult,
  STREAM_CHECKOUT,
  STREAM_SEARCH,
  describeEachDatabase,
} from './__testUtils__/testFixtures';

jest.setTimeout(60_000);

const ref = (name: string) => `component:default/${name}`;

describeEachDatabase('DatabaseAdoptionStore results', db => {
  it('reads back what was written, and replaces it on the next write', async () => {
    await db.store.upsertResults([
      storedResult('cart', {
        ownerRef: 'group:default/team-a',
        evidence: [
          {
            rule: 'file: Dockerfile',
            path: 'Dockerfile',
            line: 1,
            text: 'FROM node',
          },
        ],
        notes: ['package-lock.json skipped: over 1 MiB'],
        checkedAt: '2026-11-20T10:15:30.123Z',
      }),
      storedResult('search-api', {
        status: 'exempt',
        reason: 'legacy, retired next quarter',
        exemptUntil: '2027-03-31',
      }),
    ]);

    const { items } = await db.store.listResults({}, { offset: 0, limit: 10 });
    expect(items).toEqual([
      {
        entityRef: ref('cart'),
        patternRef: PATTERN_DOCKER,
        communityRef: COMMUNITY_PLATFORM,
        valueStream: STREAM_CHECKOUT,
        ownerRef: 'group:default/team-a',
        status: 'adopted',
        evidence: [
          {
            rule: 'file: Dockerfile',
            path: 'Dockerfile',
            line: 1,
            text: 'FROM node',
          },
        ],
        tried: [],
        notes: ['package-lock.json skipped: over 1 MiB'],
        checkedAt: '2026-11-20T10:15:30.123Z',
      },
      {
        entityRef: ref('search-api'),
        patternRef: PATTERN_DOCKER,
        communityRef: COMMUNITY_PLATFORM,
        valueStream: STREAM_CHECKOUT,
        status: 'exempt',
        evidence: [],
        tried: [],
        notes: [],
        reason: 'legacy, retired next quarter',
        exemptUntil: '2027-03-31',
        checkedAt: '2026-11-20T10:00:00.000Z',
      },
    ]);

    await db.store.upsertResults([
      storedResult('cart', {
        status: 'not-adopted',
        tried: ['file: Dockerfile'],
        fingerprint: 'fp-cart-2',
      }),
    ]);
    const after = await db.store.listResults(
      { entityRef: ref('cart') },
      { offset: 0, limit: 10 },
    );
    expect(after.totalCount).toBe(1);
    expect(after.items[0]).toMatchObject({
      status: 'not-adopted',
      tried: ['file: Dockerfile'],
      evidence: [],
    });
    expect(after.items[0].ownerRef).toBeUndefined();
    expect(await db.store.getFingerprints([ref('cart')])).toEqual(
      new Map([[`${ref('cart')}|${PATTERN_DOCKER}`, 'fp-cart-2']]),
    );
  });

  it('keeps the last of duplicate results in one batch', async () => {
    await db.store.upsertResults([
      storedResult('cart', { status: 'error', fingerprint: 'first' }),
      storedResult('cart', { status: 'adopted', fingerprint: 'second' }),
    ]);
    const { items, totalCount } = await db.store.listResults(
      {},
      { offset: 0, limit: 10 },
    );
    expect(totalCount).toBe(1);
    expect(items[0].status).toBe('adopted');
  });

  it('writes and finds results of thousands of entities', async () => {
    const names = Array.from({ length: 1500 }, (_, i) => `svc-${i}`);
    await db.store.upsertResults(
      names.flatMap(name => [
        storedResult(name),
        storedResult(name, { patternRef: PATTERN_RENOVATE }),
      ]),
    );
    const asked = names.slice(0, 1200).map(ref);
    const fingerprints = await db.store.getFingerprints(asked);
    expect(fingerprints.size).toBe(2400);
    expect(fingerprints.get(`${ref('svc-7')}|${PATTERN_RENOVATE}`)).toBe(
      'fp-svc-7',
    );
    expect(fingerprints.has(`${ref('svc-1300')}|${PATTERN_DOCKER}`)).toBe(
      false,
    );
  });

  describe('listResults', () => {
    beforeEach(() =>
      db.store.upsertResults([
        storedResult('b-cart'),
        storedResult('b-cart', {
          patternRef: PATTERN_RENOVATE,
          status: 'not-adopted',
        }),
        storedResult('a-search', {
          valueStream: STREAM_SEARCH,
          status: 'error',
        }),
        storedResult('c-pay', {
          patternRef: PATTERN_RENOVATE,
          communityRef: 'community:default/other',
        }),
      ]),
    );

    const keys = (items: { entityRef: string; patternRef: string }[]) =>
      items.map(
        i => `${i.entityRef.split('/')[1]}|${i.patternRef.split('/')[1]}`,
      );

    it('orders by entity then pattern, and pages', async () => {
      const all = await db.store.listResults({}, { offset: 0, limit: 10 });
      expect(keys(all.items)).toEqual([
        'a-search|dockerfile',
        'b-cart|dockerfile',
        'b-cart|renovate',
        'c-pay|renovate',
      ]);
      const page = await db.store.listResults({}, { offset: 1, limit: 2 });
      expect(page.totalCount).toBe(4);
      expect(keys(page.items)).toEqual([
        'b-cart|dockerfile',
        'b-cart|renovate',
      ]);
      const beyond = await db.store.listResults({}, { offset: 10, limit: 2 });
      expect(beyond).toEqual({ items: [], totalCount: 4 });
    });

    it('narrows by every filter field', async () => {
      const list = async (filter: Parameters<typeof db.store.listResults>[0]) =>
        keys(
          (await db.store.listResults(filter, { offset: 0, limit: 10 })).items,
        );

      expect(await list({ patternRef: PATTERN_RENOVATE })).toEqual([
        'b-cart|renovate',
        'c-pay|renovate',
      ]);
      expect(await list({ entityRef: ref('b-cart') })).toEqual([
        'b-cart|dockerfile',
        'b-cart|renovate',
      ]);
      expect(await list({ communityRef: 'community:default/other' })).toEqual([
        'c-pay|renovate',
      ]);
      expect(await list({ statuses: ['error', 'not-adopted'] })).toEqual([
        'a-search|dockerfile',
        'b-cart|renovate',
      ]);
      expect(await list({ valueStreams: [STREAM_SEARCH] })).toEqual([
        'a-search|dockerfile',
      ]);
      expect(
        await list({ patternRef: PATTERN_RENOVATE, statuses: ['adopted'] }),
      ).toEqual(['c-pay|renovate']);
      expect(await list({ statuses: [] })).toEqual([]);
    });

    it('shows only the entities the caller may see', async () => {
      const visible = await db.store.listResults(
        { visibleEntityRefs: new Set([ref('b-cart'), ref('c-pay')]) },
        { offset: 0, limit: 10 },
      );
      expect(visible.totalCount).toBe(3);
      expect(keys(visible.items)).toEqual([
        'b-cart|dockerfile',
        'b-cart|renovate',
        'c-pay|renovate',
      ]);

      // As many refs as a large catalog gives, past any bound-parameter limit.
      const many = new Set(
        Array.from({ length: 40_000 }, (_, i) => ref(`other-${i}`)),
      );
      many.add(ref('a-search'));
      const large = await db.store.listResults(
        { visibleEntityRefs: many },
        { offset: 0, limit: 10 },
      );
      expect(keys(large.items)).toEqual(['a-search|dockerfile']);
      expect(
        await db.store.listResults(
          { visibleEntityRefs: new Set() },
          { offset: 0, limit: 10 },
        ),
      ).toEqual({ items: [], totalCount: 0 });
    });
  });

  describe('removeDeparted', () => {
    it('removes results whose entity or pattern left, in that partition only', async () => {
      await db.store.upsertResults([
        storedResult('stays', { partition: 1 }),
        storedResult('stays', { partition: 1, patternRef: PATTERN_RENOVATE }),
        storedResult('leaves', { partition: 1 }),
        storedResult('elsewhere', { partition: 2 }),
        storedResult('elsewhere', {
          partition: 2,
          patternRef: PATTERN_RENOVATE,
        }),
      ]);
      const removed = await db.store.removeDeparted({
        partition: 1,
        partitions: 4,
        entityRefs: new Set([ref('stays')]),
        patternRefs: new Set([PATTERN_DOCKER]),
      });
      expect(removed).toBe(2);
      const { items } = await db.store.listResults(
        {},
        { offset: 0, limit: 10 },
      );
      expect(items.map(i => [i.entityRef, i.patternRef])).toEqual([
        [ref('elsewhere'), PATTERN_DOCKER],
        [ref('elsewhere'), PATTERN_RENOVATE],
        [ref('stays'), PATTERN_DOCKER],
      ]);
    });

    it('in partition 0 also removes partitions past the current count', async () => {
      await db.store.upsertResults([
        storedResult('zero', { partition: 0 }),
        storedResult('one', { partition: 1 }),
        storedResult('was-five', { partition: 5 }),
      ]);
      const removed = await db.store.removeDeparted({
        partition: 0,
        partitions: 2,
        entityRefs: new Set([ref('zero')]),
        patternRefs: new Set([PATTERN_DOCKER]),
      });
      expect(removed).toBe(1);
      const { items } = await db.store.listResults(
        {},
        { offset: 0, limit: 10 },
      );
      expect(items.map(i => i.entityRef)).toEqual([ref('one'), ref('zero')]);
    });
  });

  it('remembers repository ETags', async () => {
    const now = new Date('2026-11-24T08:00:00Z');
    await db.store.setRepositoryEtag('https://git.example/a', '"v1"', now);
    await db.store.setRepositoryEtag('https://git.example/b', '"v1"', now);
    await db.store.setRepositoryEtag('https://git.example/a', '"v2"', now);
    expect(
      await db.store.getRepositoryEtags([
        'https://git.example/a',
        'https://git.example/b',
        'https://git.example/unknown',
      ]),
    ).toEqual(
      new Map([
        ['https://git.example/a', '"v2"'],
        ['https://git.example/b', '"v1"'],
      ]),
    );
  });
});
