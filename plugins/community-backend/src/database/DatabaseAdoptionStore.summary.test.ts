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

describeEachDatabase('DatabaseAdoptionStore summary', db => {
  describe('summarize', () => {
    beforeEach(() =>
      db.store.upsertResults([
        storedResult('cart'),
        storedResult('checkout-ui'),
        storedResult('basket', { status: 'not-adopted' }),
        storedResult('legacy', { status: 'exempt' }),
        storedResult('broken', { status: 'error' }),
        storedResult('docs', { status: 'not-applicable' }),
        storedResult('search-api', {
          valueStream: STREAM_SEARCH,
          status: 'exempt',
        }),
        storedResult('search-docs', {
          valueStream: STREAM_SEARCH,
          status: 'not-applicable',
        }),
        storedResult('cart', {
          patternRef: PATTERN_RENOVATE,
          status: 'not-adopted',
        }),
      ]),
    );

    it('counts per pattern and value stream, with rate over adopted and not adopted', async () => {
      expect(await db.store.summarize({})).toEqual([
        {
          patternRef: PATTERN_DOCKER,
          communityRef: COMMUNITY_PLATFORM,
          valueStream: STREAM_CHECKOUT,
          adopted: 2,
          notAdopted: 1,
          exempt: 1,
          errors: 1,
          applicable: 4,
          rate: 2 / 3,
        },
        {
          patternRef: PATTERN_DOCKER,
          communityRef: COMMUNITY_PLATFORM,
          valueStream: STREAM_SEARCH,
          adopted: 0,
          notAdopted: 0,
          exempt: 1,
          errors: 0,
          applicable: 0,
          rate: null,
        },
        {
          patternRef: PATTERN_RENOVATE,
          communityRef: COMMUNITY_PLATFORM,
          valueStream: STREAM_CHECKOUT,
          adopted: 0,
          notAdopted: 1,
          exempt: 0,
          errors: 0,
          applicable: 1,
          rate: 0,
        },
      ]);
    });

    it('counts only the entities the caller may see', async () => {
      const hidden = new Set([ref('checkout-ui'), ref('broken')]);
      const everyone = [
        'cart',
        'checkout-ui',
        'basket',
        'legacy',
        'broken',
        'docs',
        'search-api',
        'search-docs',
      ].map(ref);
      const visible = new Set(everyone.filter(r => !hidden.has(r)));
      const cells = await db.store.summarize({
        patternRef: PATTERN_DOCKER,
        visibleEntityRefs: visible,
      });
      expect(cells[0]).toMatchObject({
        valueStream: STREAM_CHECKOUT,
        adopted: 1,
        notAdopted: 1,
        errors: 0,
        applicable: 2,
        rate: 0.5,
      });

      // The same through the path for sets too large to bind one by one.
      for (let i = 0; i < 5000; i++) visible.add(ref(`elsewhere-${i}`));
      expect(
        await db.store.summarize({
          patternRef: PATTERN_DOCKER,
          visibleEntityRefs: visible,
        }),
      ).toEqual(cells);
    });

    it('narrows by community and value stream', async () => {
      const cells = await db.store.summarize({ valueStreams: [STREAM_SEARCH] });
      expect(cells.map(c => [c.patternRef, c.valueStream])).toEqual([
        [PATTERN_DOCKER, STREAM_SEARCH],
      ]);
      expect(
        await db.store.summarize({ communityRef: 'community:default/other' }),
      ).toEqual([]);
    });
  });
});
