import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { parse, stringify } from 'yaml';
import { POSTGRES_URL } from './db';

const REPO = path.resolve(__dirname, '../..');
/** Away from the ports the e2e tests use (3000, 7007, 8000). */
export const PORT = Number(process.env.COPKIT_BENCH_UI_PORT ?? 7107);
export const BASE_URL = `http://localhost:${PORT}`;
const PG_PREFIX = 'copkit_bench_ui_';

/** Where the portal keeps its data, and how the benchmark reaches it. */
export type PortalDatabase = {
  label: string;
  /** `backend.database` of the portal's config. */
  config: Record<string, unknown>;
  /** A connection to the community plugin's own database. */
  community(): Knex;
  /** Drops what the portal created. */
  drop(): Promise<void>;
};

async function adminRaw(sql: string): Promise<any> {
  const admin = knexFactory({
    client: 'pg',
    connection: `${POSTGRES_URL}/postgres`,
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 5000,
  });
  try {
    return await admin.raw(sql);
  } finally {
    await admin.destroy();
  }
}

async function dropPrefixed(): Promise<void> {
  const { rows } = await adminRaw(
    `SELECT datname FROM pg_database WHERE starts_with(datname, '${PG_PREFIX}')`,
  );
  for (const { datname } of rows as Array<{ datname: string }>) {
    await adminRaw(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

/**
 * PostgreSQL when the server answers (each plugin in its own database
 * `copkit_bench_ui_<plugin>`, dropped before and after), else SQLite files
 * in `dir`.
 */
export async function portalDatabase(dir: string): Promise<PortalDatabase> {
  try {
    const { rows } = await adminRaw('SHOW server_version');
    await dropPrefixed();
    const version = String(rows[0].server_version).split(' ')[0];
    return {
      label: `PostgreSQL ${version}`,
      config: { client: 'pg', connection: POSTGRES_URL, prefix: PG_PREFIX },
      community: () =>
        knexFactory({
          client: 'pg',
          connection: `${POSTGRES_URL}/${PG_PREFIX}community`,
          pool: { min: 0, max: 2 },
        }),
      drop: dropPrefixed,
    };
  } catch (error) {
    console.warn(`PostgreSQL at ${POSTGRES_URL}: ${error}; using SQLite`);
  }
  const directory = path.join(dir, 'sqlite');
  fs.mkdirSync(directory, { recursive: true });
  return {
    label: 'SQLite files',
    config: { client: 'better-sqlite3', connection: { directory } },
    community: () =>
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(directory, 'community.sqlite') },
        useNullAsDefault: true,
      }),
    drop: async () => {},
  };
}

/**
 * The portal's config: the repository's app-config.yaml with the bench's
 * ports and database, the generated catalog as the only location, and the
 * adoption scan and search indexing run only on demand. Written as one
 * file, since config files merge objects: a second file could not drop
 * app-config.yaml's `initialDelay`, which would start a scan on its own.
 */
export function writePortalConfig(options: {
  dir: string;
  catalogFile: string;
  database: PortalDatabase;
}): string {
  const onDemand = { frequency: { trigger: 'manual' }, timeout: { hours: 1 } };
  const base = parse(
    fs.readFileSync(path.join(REPO, 'app-config.yaml'), 'utf8'),
  );
  const config = {
    ...base,
    app: { ...base.app, baseUrl: BASE_URL },
    backend: {
      ...base.backend,
      baseUrl: BASE_URL,
      listen: { port: PORT },
      cors: { ...base.backend.cors, origin: BASE_URL },
      database: options.database.config,
    },
    auth: {
      ...base.auth,
      providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
    },
    catalog: {
      ...base.catalog,
      locations: [{ type: 'file', target: options.catalogFile }],
    },
    community: { ...base.community, scan: { schedule: onDemand } },
    search: { collators: { catalog: { schedule: onDemand } } },
  };
  const file = path.join(options.dir, 'app-config.bench-ui.yaml');
  fs.writeFileSync(file, stringify(config));
  return file;
}

/** Builds the frontend for production (packages/app/dist). */
export function buildApp(): Promise<void> {
  const cli = require.resolve('@backstage/cli/bin/backstage-cli', {
    paths: [path.join(REPO, 'packages/app')],
  });
  return run(process.execPath, [cli, 'package', 'build'], 'packages/app');
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: path.join(REPO, cwd),
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', code =>
      code === 0 ? resolve() : reject(new Error(`${command} exited ${code}`)),
    );
  });
}

/** The running backend (which also serves the built frontend). */
export type Portal = { pid: number; log: string; stop(): Promise<void> };

/**
 * Starts packages/backend without the CLI's file watcher (a change in the
 * checkout must not restart it mid-run), in its own process group.
 */
export function startPortal(configFile: string, log: string): Portal {
  const out = fs.openSync(log, 'w');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      configFile,
    ],
    {
      cwd: path.join(REPO, 'packages/backend'),
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', out, out],
      detached: true,
    },
  );
  const exited = new Promise<void>(resolve => child.once('exit', resolve));
  return {
    pid: child.pid!,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(-child.pid!, 'SIGTERM');
      const timer = setTimeout(
        () => process.kill(-child.pid!, 'SIGKILL'),
        15_000,
      );
      await exited;
      clearTimeout(timer);
    },
  };
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Polls `check` every `everyMs` until it returns a value, or throws. */
export async function poll<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  everyMs = 2000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

/** A guest token, as the sign-in page gets it. */
export async function guestToken(): Promise<string> {
  const response = await fetch(
    `${BASE_URL}/api/auth/guest/refresh?env=development`,
    { headers: { 'X-Requested-With': 'XMLHttpRequest' } },
  );
  if (!response.ok) throw new Error(`guest refresh: ${response.status}`);
  const body = await response.json();
  return body.backstageIdentity.token;
}

/** JSON from the portal's API with a guest token. */
export async function api<T>(
  token: string,
  pathAndQuery: string,
  method = 'GET',
): Promise<T> {
  const response = await fetch(`${BASE_URL}/api/${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) {
    throw new Error(
      `${method} ${pathAndQuery}: ${response.status} ${await response.text()}`,
    );
  }
  return response.json() as Promise<T>;
}

/** CPU seconds the process has used (Linux /proc), or undefined. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
