import { DatabaseService } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';

/** A database for one benchmark run, as the plugin's DatabaseService sees it. */
export type BenchDatabase = {
  label: string;
  knex: Knex;
  /** What `coreServices.database` would hand the plugin. */
  service: DatabaseService;
  destroy(): Promise<void>;
};

const service = (knex: Knex): DatabaseService => ({
  getClient: async () => knex,
  migrations: { skip: false },
});

/**
 * SQLite in a file through better-sqlite3, configured the way Backstage's
 * own SQLite connector does it (null as default, foreign keys on).
 */
export function sqliteDatabase(filename: string): BenchDatabase {
  if (filename !== ':memory:') {
    fs.mkdirSync(path.dirname(filename), { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      fs.rmSync(`${filename}${suffix}`, { force: true });
    }
  }
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      afterCreate: (conn: any, done: (error: unknown, conn: any) => void) => {
        conn.pragma('foreign_keys = ON');
        done(null, conn);
      },
    },
  });
  return {
    label: filename === ':memory:' ? 'SQLite in memory' : 'SQLite file',
    knex,
    service: service(knex),
    destroy: () => knex.destroy(),
  };
}

/** The PostgreSQL server the benchmarks use, if one answers. */
export const POSTGRES_URL =
  process.env.COPKIT_BENCH_POSTGRES_URL ??
  'postgresql://postgres@127.0.0.1:5432';

/** Runs `statement` on the server's `postgres` database; false if unreachable. */
async function onServer(statement: string, name: string): Promise<boolean> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 5000,
  });
  try {
    await admin.raw(statement, [name]);
    return true;
  } catch (error) {
    console.warn(`PostgreSQL at ${POSTGRES_URL}: ${error}`);
    return false;
  } finally {
    await admin.destroy();
  }
}

/**
 * A fresh PostgreSQL database `name` (dropped first, and dropped again by
 * `destroy`), or undefined if the server is unreachable.
 */
export async function postgresDatabase(
  name: string,
): Promise<BenchDatabase | undefined> {
  const drop = `DROP DATABASE IF EXISTS ?? WITH (FORCE)`;
  if (!(await onServer(drop, name))) return undefined;
  if (!(await onServer(`CREATE DATABASE ??`, name))) return undefined;
  const knex = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/${name}`,
    pool: { min: 0, max: 10 },
  });
  const version = await knex.raw('SHOW server_version');
  return {
    label: `PostgreSQL ${String(version.rows[0].server_version).split(' ')[0]}`,
    knex,
    service: service(knex),
    destroy: async () => {
      await knex.destroy();
      await onServer(drop, name);
    },
  };
}

/** Drops every database on the server whose name starts with `prefix`. */
export async function dropPostgresDatabases(prefix: string) {
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
    pool: { min: 0, max: 1 },
  });
  try {
    const { rows } = await admin.raw<{ rows: Array<{ datname: string }> }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, ?)',
      [prefix],
    );
    for (const { datname } of rows) {
      await admin.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [datname]);
    }
  } finally {
    await admin.destroy();
  }
}
