/*
 * One database's part of the scan benchmark, run in a child process of
 * bench/adoption-scan.ts so that its memory is measured from a fresh
 * process: a full scan, a second scan with nothing changed, and the reader's
 * share of that second scan.
 */
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { ConfigReader } from '@backstage/config';
import { DatabaseAdoptionStore } from '../../plugins/community-backend/src/database/DatabaseAdoptionStore';
import { builtinDetectors } from '../../plugins/community-backend/src/detectors/builtinDetectors';
import { DetectorRegistry } from '../../plugins/community-backend/src/engine/DetectorRegistry';
import { LocalDirectoryUrlReader } from '@copkit/backend-module-local-repositories';
import {
  PartitionCounts,
  PartitionScanner,
} from '../../plugins/community-backend/src/scan/PartitionScanner';
import { fork } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { REPO_HOST, catalogSnapshot } from './catalog';
import { BenchDatabase, postgresDatabase, sqliteDatabase } from './db';
import { CountingReader, ReadCounts, peakRss } from './instrument';
import { quietLogger } from './logger';
import { SCAN_PATTERNS } from './patterns';
import { generateSpecs } from './repoSpecs';

export const PARTITIONS = 4; // the plugin's default community.scan.partitions
export const CONCURRENCY = 4; // the plugin's default community.scan.concurrency
const MAX_FILE_BYTES = 1024 * 1024;
/** Rounds of the second (unchanged) scan and of the reader-only walk. */
export const ROUNDS = 3;

export type EngineJob = {
  database: 'sqlite-memory' | 'sqlite-file' | 'postgres';
  repos: number;
  seed: number;
  root: string;
  work: string;
};

export type ScanTotals = PartitionCounts & { ms: number; cpuMs: number };

export type EngineRun = {
  label: string;
  full: ScanTotals;
  fullReads: ReadCounts;
  /** The median of {@link ROUNDS} scans with nothing changed. */
  again: ScanTotals;
  /** What all of those scans read together. */
  againReads: ReadCounts;
  /** Every repository's readTree with its stored ETag, alone. */
  walkMs: number;
  memory: { idle: number; peak: number; method: string };
  rows: Array<{ entity_ref: string; pattern_ref: string; status: string }>;
  warnings: number;
};

async function scanAll(
  scanner: PartitionScanner,
  snapshot: ReturnType<typeof catalogSnapshot>,
): Promise<ScanTotals> {
  const totals: ScanTotals = {
    repositories: { scanned: 0, unchanged: 0, failed: 0 },
    results: 0,
    ms: 0,
    cpuMs: 0,
  };
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let partition = 0; partition < PARTITIONS; partition++) {
    const counts = await scanner.run(snapshot, partition, PARTITIONS);
    totals.repositories.scanned += counts.repositories.scanned;
    totals.repositories.unchanged += counts.repositories.unchanged;
    totals.repositories.failed += counts.repositories.failed;
    totals.results += counts.results;
  }
  totals.ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  totals.cpuMs = (used.user + used.system) / 1000;
  return totals;
}

/** What the second scan asks of the reader, without the scanner around it. */
async function walkAll(
  reader: UrlReaderService,
  etags: Map<string, string>,
): Promise<number> {
  const limit = pLimit(CONCURRENCY);
  const start = performance.now();
  await Promise.all(
    [...etags].map(([location, etag]) =>
      limit(() => reader.readTree(location, { etag }).catch(() => undefined)),
    ),
  );
  return performance.now() - start;
}

async function openDatabase(job: EngineJob): Promise<BenchDatabase> {
  if (job.database === 'sqlite-memory') return sqliteDatabase(':memory:');
  if (job.database === 'sqlite-file') {
    return sqliteDatabase(path.join(job.work, 'adoption.sqlite'));
  }
  const db = await postgresDatabase('copkit_bench_scan');
  if (!db) throw new Error('PostgreSQL is not reachable');
  return db;
}

async function runEngine(job: EngineJob): Promise<EngineRun> {
  const db = await openDatabase(job);
  const store = await DatabaseAdoptionStore.create({ database: db.service });
  const logger = quietLogger();
  const local = UrlReaders.default({
    logger,
    config: new ConfigReader({
      localRepositories: [{ host: REPO_HOST, root: job.root }],
    }),
    factories: [LocalDirectoryUrlReader.factory],
  });
  const reader = new CountingReader(local);
  const scanner = new PartitionScanner({
    store,
    reader,
    detectors: new DetectorRegistry(builtinDetectors()),
    logger,
    concurrency: CONCURRENCY,
    maxFileBytes: MAX_FILE_BYTES,
  });
  const snapshot = catalogSnapshot(
    generateSpecs(job.repos, job.seed),
    SCAN_PATTERNS,
  );
  const stopSpy = reader.spyOnOpens();
  try {
    const full = await peakRss(() => scanAll(scanner, snapshot));
    const fullReads = reader.counts;
    // Unchanged scans are short and the machine may be shared: the median
    // of a few, with every file body any of them read.
    reader.reset();
    const agains: ScanTotals[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      agains.push(await scanAll(scanner, snapshot));
    }
    const againReads = reader.counts;
    stopSpy();
    const again = agains.sort((a, b) => a.ms - b.ms)[Math.floor(ROUNDS / 2)];
    const locations = snapshot.entities.map(e =>
      e.metadata.annotations!['backstage.io/source-location'].slice(4),
    );
    const etags = await store.getRepositoryEtags(locations);
    const walks: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      walks.push(await walkAll(local, etags));
    }
    const walkMs = walks.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)];
    const rows = await db
      .knex('community_adoption_results')
      .select('entity_ref', 'pattern_ref', 'status');
    return {
      label: db.label,
      full: full.value,
      fullReads,
      again,
      againReads,
      walkMs,
      memory: { idle: full.idle, peak: full.peak, method: full.method },
      rows,
      warnings: logger.warnings.length,
    };
  } finally {
    stopSpy();
    await db.destroy();
  }
}

/** Runs `job` in a fresh child process. */
export function runEngineInChild(job: EngineJob): Promise<EngineRun> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], {
      execArgv: [
        '--expose-gc',
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // nodeTransform in the child reports every file it compiles on the same
    // channel ({ type: 'watch' }); only the answer counts.
    child.on('message', (message: { run?: EngineRun; error?: string }) => {
      if (message.run) resolve(message.run);
      else if (message.error) reject(new Error(message.error));
    });
    child.once('error', reject);
    child.once('exit', code => {
      if (code) reject(new Error(`scan engine child exited with ${code}`));
    });
    child.send(job);
  });
}

if (require.main === module) {
  process.once('message', (job: EngineJob) => {
    runEngine(job).then(
      run => process.send!({ run }, () => process.exit(0)),
      error =>
        process.send!({ error: String(error?.stack ?? error) }, () =>
          process.exit(1),
        ),
    );
  });
}
