import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { StoredResult } from '../AdoptionStore';
import { DatabaseAdoptionStore } from '../DatabaseAdoptionStore';
import { TABLES } from '../tables';

/** A migrated store on a test database, as the plugin would create it. */
export async function createTestStore(knex: Knex) {
  return DatabaseAdoptionStore.create({
    database: { getClient: async () => knex, migrations: { skip: false } },
  });
}

/** The store under test and its database, set before each file's tests. */
export type TestStore = { knex: Knex; store: DatabaseAdoptionStore };

/**
 * Runs `body`'s tests once per database (PostgreSQL 15 where one is
 * configured, SQLite always), each on a migrated store emptied after every
 * test.
 */
export function describeEachDatabase(
  title: string,
  body: (db: TestStore) => void,
) {
  const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });
  describe.each(databases.eachSupportedId())(`${title} (%s)`, databaseId => {
    const db = {} as TestStore;
    beforeAll(async () => {
      db.knex = await databases.init(databaseId);
      db.store = await createTestStore(db.knex);
    });
    afterEach(() => clearTables(db.knex));
    body(db);
  });
}

/** Empties every table, children first. */
export async function clearTables(knex: Knex) {
  await knex(TABLES.partitions).delete();
  await knex(TABLES.scans).delete();
  await knex(TABLES.snapshots).delete();
  await knex(TABLES.repositories).delete();
  await knex(TABLES.results).delete();
}

export const PATTERN_DOCKER = 'pattern:default/dockerfile';
export const PATTERN_RENOVATE = 'pattern:default/renovate';
export const COMMUNITY_PLATFORM = 'community:default/platform';
export const STREAM_CHECKOUT = 'domain:default/checkout';
export const STREAM_SEARCH = 'domain:default/search';

/** A stored result with defaults a test overrides where it matters. */
export function storedResult(
  entityName: string,
  overrides: Partial<StoredResult> = {},
): StoredResult {
  return {
    entityRef: `component:default/${entityName}`,
    patternRef: PATTERN_DOCKER,
    communityRef: COMMUNITY_PLATFORM,
    valueStream: STREAM_CHECKOUT,
    status: 'adopted',
    evidence: [],
    tried: [],
    notes: [],
    checkedAt: '2026-11-20T10:00:00.000Z',
    partition: 0,
    fingerprint: `fp-${entityName}`,
    ...overrides,
  };
}
