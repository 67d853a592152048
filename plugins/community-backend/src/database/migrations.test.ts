import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { TABLES } from './tables';
import { isUniqueViolation } from './util';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@copkit/plugin-community-backend',
  'migrations',
);

const databases = TestDatabases.create({ ids: ['POSTGRES_15', 'SQLITE_3'] });

async function existingTables(knex: Knex): Promise<string[]> {
  const found: string[] = [];
  for (const table of Object.values(TABLES)) {
    if (await knex.schema.hasTable(table)) {
      found.push(table);
    }
  }
  return found.sort();
}

const scan = (id: string, status: string) => ({
  id,
  trigger: 'manual',
  status,
  partitions_total: 1,
  started_at: new Date('2026-11-24T08:00:00Z'),
});

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    'go up, down and up again on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const everyTable = Object.values(TABLES).sort();

      await knex.migrate.latest({ directory });
      expect(await existingTables(knex)).toEqual(everyTable);

      await knex.migrate.rollback({ directory }, true);
      expect(await existingTables(knex)).toEqual([]);

      await knex.migrate.latest({ directory });
      expect(await existingTables(knex)).toEqual(everyTable);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'let only one scan be running at a time on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });

      await knex(TABLES.scans).insert(scan('a', 'running'));
      // Checked by code: better-sqlite3 builds its errors in whichever Jest
      // realm loaded it first, so they may fail `toThrow`'s Error check.
      const error = await knex(TABLES.scans)
        .insert(scan('b', 'running'))
        .then(
          () => undefined,
          e => e,
        );
      expect(isUniqueViolation(error)).toBe(true);

      // Finished scans are not limited.
      await knex(TABLES.scans).insert(scan('c', 'succeeded'));
      await knex(TABLES.scans).insert(scan('d', 'succeeded'));
      await knex(TABLES.scans).where('id', 'a').update({ status: 'failed' });
      await knex(TABLES.scans).insert(scan('e', 'running'));

      const running = await knex(TABLES.scans).where('status', 'running');
      expect(running.map(row => row.id)).toEqual(['e']);
      await knex.destroy();
    },
  );
});
