import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseAdoptionStore } from './DatabaseAdoptionStore';
import {
  clearTables,
  COMMUNITY_PLATFORM,
  createTestStore,
  PATTERN_DOCKER,
  PATTERN_RENOVATE,
  storedResult,
  STREAM_SEARCH,
} from './testFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

describe.each(databases.eachSupportedId())(
  'DatabaseAdoptionStore snapshots (%s)',
  databaseId => {
    let knex: Knex;
    let store: DatabaseAdoptionStore;

    beforeAll(async () => {
      knex = await databases.init(databaseId);
      store = await createTestStore(knex);
    });

    afterEach(() => clearTables(knex));

    const range = { from: '2026-01-01', to: '2026-12-31' };

    it('keeps a daily history that trends sum up', async () => {
      await store.upsertResults([
        storedResult('cart', { status: 'not-adopted' }),
        storedResult('basket', { status: 'not-adopted' }),
        storedResult('search', { valueStream: STREAM_SEARCH, status: 'error' }),
        storedResult('docs', { status: 'not-applicable' }),
        storedResult('cart', { patternRef: PATTERN_RENOVATE }),
      ]);
      await store.writeSnapshot('2026-11-01', 365);

      await store.upsertResults([
        storedResult('cart'),
        storedResult('search', {
          valueStream: STREAM_SEARCH,
          status: 'exempt',
        }),
      ]);
      await store.writeSnapshot('2026-11-02', 365);

      expect(
        await store.trends({ ...range, patternRef: PATTERN_DOCKER }),
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
        await store.trends({
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
        await store.trends({ from: '2026-11-02', to: '2026-11-02' }),
      ).toEqual([
        expect.objectContaining({
          day: '2026-11-02',
          adopted: 2,
          notAdopted: 1,
        }),
      ]);
      expect(
        await store.trends({ ...range, communityRef: 'community:default/x' }),
      ).toEqual([]);
    });

    it('replaces the snapshot of a day written twice', async () => {
      await store.upsertResults([
        storedResult('cart', { status: 'not-adopted' }),
      ]);
      await store.writeSnapshot('2026-11-01', 365);
      await store.upsertResults([storedResult('cart')]);
      await store.writeSnapshot('2026-11-01', 365);

      expect(await store.trends(range)).toEqual([
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
      await store.upsertResults([storedResult('cart')]);
      for (const day of [
        '2026-10-20',
        '2026-10-24',
        '2026-10-25',
        '2026-10-31',
      ]) {
        await store.writeSnapshot(day, 365);
      }
      await store.writeSnapshot('2026-11-01', 7);

      expect((await store.trends(range)).map(point => point.day)).toEqual([
        '2026-10-25',
        '2026-10-31',
        '2026-11-01',
      ]);
    });

    it('refuses a day that is not YYYY-MM-DD', async () => {
      await expect(store.writeSnapshot('2026-11-1', 30)).rejects.toThrow(
        /Invalid day/,
      );
    });
  },
);
