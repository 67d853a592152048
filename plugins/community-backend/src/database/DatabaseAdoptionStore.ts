import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  AdoptionResult,
  AdoptionSummaryCell,
  AdoptionTrendPoint,
  ScanSummary,
} from '@copkit/plugin-community-common';
import {
  AdoptionStore,
  PageRequest,
  PartitionOutcome,
  ResultFilter,
  StoredResult,
  TrendFilter,
} from './AdoptionStore';
import {
  applyResultFilter,
  fromResultRow,
  matchesNothing,
  RESULT_COLUMNS,
  toResultRow,
} from './results';
import { ScanRecords } from './scans';
import { SnapshotRecords } from './snapshots';
import {
  RawRepositoryRow,
  RawResultRow,
  RawSnapshotRow,
  TABLES,
} from './tables';
import { chunk, statusCountColumns, toCounts, whereInSet } from './util';

const migrationsDir = resolvePackagePath(
  '@copkit/plugin-community-backend',
  'migrations',
);

/**
 * The {@link AdoptionStore} on knex, for SQLite and PostgreSQL.
 */
export class DatabaseAdoptionStore implements AdoptionStore {
  private readonly scans: ScanRecords;
  private readonly snapshots: SnapshotRecords;

  /** Connects, and migrates unless the database service says not to. */
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAdoptionStore> {
    const { database } = options;
    const knex = await database.getClient();
    if (!database.migrations?.skip) {
      await knex.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAdoptionStore(knex);
  }

  private constructor(private readonly knex: Knex) {
    this.scans = new ScanRecords(knex);
    this.snapshots = new SnapshotRecords(knex);
  }

  // --- scans -------------------------------------------------------------

  createScan(options: {
    trigger: ScanSummary['trigger'];
    partitions: number;
    now: Date;
  }): Promise<{ created: boolean; scan: ScanSummary }> {
    return this.scans.create(options);
  }

  getRunningScan(): Promise<ScanSummary | undefined> {
    return this.scans.getRunning();
  }

  getLatestScan(): Promise<ScanSummary | undefined> {
    return this.scans.getLatest();
  }

  claimPartition(scanId: string, partition: number, now: Date) {
    return this.scans.claimPartition(scanId, partition, now);
  }

  getPartitionStatus(
    scanId: string,
    partition: number,
  ): Promise<'running' | 'succeeded' | 'failed' | undefined> {
    return this.scans.getPartitionStatus(scanId, partition);
  }

  finishPartition(
    scanId: string,
    partition: number,
    outcome: PartitionOutcome,
    now: Date,
  ): Promise<{ scanFinished: boolean }> {
    return this.scans.finishPartition(scanId, partition, outcome, now);
  }

  failStaleScans(startedBefore: Date, reason: string): Promise<number> {
    return this.scans.failStale(startedBefore, reason);
  }

  // --- repositories ------------------------------------------------------

  async getRepositoryEtags(locations: string[]): Promise<Map<string, string>> {
    const etags = new Map<string, string>();
    if (locations.length === 0) {
      return etags;
    }
    const query = this.knex<RawRepositoryRow>(TABLES.repositories).select(
      'location',
      'etag',
    );
    const rows: Pick<RawRepositoryRow, 'location' | 'etag'>[] =
      await whereInSet(this.knex, query, 'location', locations);
    for (const row of rows) {
      etags.set(row.location, row.etag);
    }
    return etags;
  }

  async setRepositoryEtag(
    location: string,
    etag: string,
    now: Date,
  ): Promise<void> {
    await this.knex<RawRepositoryRow>(TABLES.repositories)
      .insert({ location, etag, updated_at: now })
      .onConflict('location')
      .merge();
  }

  // --- results -----------------------------------------------------------

  async getFingerprints(entityRefs: string[]): Promise<Map<string, string>> {
    const fingerprints = new Map<string, string>();
    if (entityRefs.length === 0) {
      return fingerprints;
    }
    const query = this.knex<RawResultRow>(TABLES.results).select(
      'entity_ref',
      'pattern_ref',
      'fingerprint',
    );
    const rows: Pick<
      RawResultRow,
      'entity_ref' | 'pattern_ref' | 'fingerprint'
    >[] = await whereInSet(this.knex, query, 'entity_ref', entityRefs);
    for (const row of rows) {
      fingerprints.set(`${row.entity_ref}|${row.pattern_ref}`, row.fingerprint);
    }
    return fingerprints;
  }

  async upsertResults(results: StoredResult[]): Promise<void> {
    // One statement must not touch a row twice (PostgreSQL refuses), so
    // the last result for a key wins before anything is sent.
    const byKey = new Map<string, RawResultRow>();
    for (const result of results) {
      byKey.set(
        `${result.entityRef}|${result.patternRef}`,
        toResultRow(result),
      );
    }
    if (byKey.size === 0) {
      return;
    }
    await this.knex.transaction(async trx => {
      for (const rows of chunk([...byKey.values()])) {
        await trx<RawResultRow>(TABLES.results)
          .insert(rows)
          .onConflict(['entity_ref', 'pattern_ref'])
          .merge();
      }
    });
  }

  async removeDeparted(options: {
    partition: number;
    partitions: number;
    entityRefs: ReadonlySet<string>;
    patternRefs: ReadonlySet<string>;
  }): Promise<number> {
    const { partition, partitions, entityRefs, patternRefs } = options;
    const results = () => this.knex<RawResultRow>(TABLES.results);
    let removed = 0;
    if (partition === 0) {
      removed += await results().where('partition', '>=', partitions).delete();
    }
    // A partition holds a few thousand distinct refs at most: finding the
    // departed ones here and deleting them in chunks avoids a NOT IN over
    // every ref in the catalog, which would exceed the parameter limits.
    const departed = async (column: 'entity_ref' | 'pattern_ref') => {
      const present: Record<string, string>[] = await results()
        .where('partition', partition)
        .distinct(column);
      const keep = column === 'entity_ref' ? entityRefs : patternRefs;
      return present.map(row => row[column]).filter(ref => !keep.has(ref));
    };
    for (const column of ['entity_ref', 'pattern_ref'] as const) {
      for (const refs of chunk(await departed(column))) {
        removed += await results()
          .where('partition', partition)
          .whereIn(column, refs)
          .delete();
      }
    }
    return removed;
  }

  async listResults(
    filter: ResultFilter,
    page: PageRequest,
  ): Promise<{ items: AdoptionResult[]; totalCount: number }> {
    if (!isCount(page.offset) || !isCount(page.limit)) {
      throw new InputError(
        `Invalid page: offset ${page.offset}, limit ${page.limit}`,
      );
    }
    if (matchesNothing(filter)) {
      return { items: [], totalCount: 0 };
    }
    const filtered = () =>
      applyResultFilter(this.knex, this.knex(TABLES.results), filter);
    const [{ count }] = await filtered().count({ count: '*' });
    const totalCount = Number(count);
    if (page.limit === 0 || page.offset >= totalCount) {
      return { items: [], totalCount };
    }
    const rows = await filtered()
      .select(RESULT_COLUMNS)
      .orderBy([
        { column: 'entity_ref', order: 'asc' },
        { column: 'pattern_ref', order: 'asc' },
      ])
      .offset(page.offset)
      .limit(page.limit);
    return { items: rows.map(fromResultRow), totalCount };
  }

  async summarize(filter: ResultFilter): Promise<AdoptionSummaryCell[]> {
    if (matchesNothing(filter)) {
      return [];
    }
    // Not-applicable rows count nowhere; leaving them out keeps cells where
    // a pattern never applies out of the matrix.
    const query = this.knex(TABLES.results)
      .select(
        'pattern_ref',
        'value_stream',
        'community_ref',
        ...statusCountColumns(this.knex),
      )
      .whereNot('status', 'not-applicable')
      .groupBy('pattern_ref', 'value_stream', 'community_ref')
      .orderBy([
        { column: 'pattern_ref' },
        { column: 'value_stream' },
        { column: 'community_ref' },
      ]);
    const rows: Array<
      Pick<RawSnapshotRow, 'pattern_ref' | 'value_stream' | 'community_ref'> &
        Parameters<typeof toCounts>[0]
    > = await applyResultFilter(this.knex, query, filter);
    return rows.map(row => ({
      patternRef: row.pattern_ref,
      communityRef: row.community_ref,
      valueStream: row.value_stream,
      ...toCounts(row),
    }));
  }

  // --- snapshots ---------------------------------------------------------

  writeSnapshot(day: string, retentionDays: number): Promise<void> {
    return this.snapshots.write(day, retentionDays);
  }

  trends(filter: TrendFilter): Promise<AdoptionTrendPoint[]> {
    return this.snapshots.trends(filter);
  }
}

function isCount(value: number): boolean {
  return Number.isInteger(value) && value >= 0;
}
