import {
  AdoptionResult,
  AdoptionStatus,
  AdoptionSummaryCell,
  AdoptionTrendPoint,
  ScanSummary,
} from '@copkit/plugin-community-common';

/**
 * A result as stored: the public result plus what the scanner needs to skip
 * unchanged work.
 */
export type StoredResult = AdoptionResult & {
  /** The scan partition the entity belongs to. */
  partition: number;
  /**
   * Hash of every input of the judgement (pattern spec, the entity fields the
   * rules read, the repository's ETag, whether an exemption is in force).
   * Same fingerprint, same result: the row is not rewritten.
   */
  fingerprint: string;
};

/** Which results to read. Every field narrows; absent fields do not. */
export type ResultFilter = {
  patternRef?: string;
  entityRef?: string;
  communityRef?: string;
  statuses?: AdoptionStatus[];
  valueStreams?: string[];
  /**
   * When set, only these entities may appear in the answer (the caller's
   * catalog read permission). Absent means the caller may read every entity.
   */
  visibleEntityRefs?: ReadonlySet<string>;
};

export type PageRequest = { offset: number; limit: number };

/** Filter of the daily snapshots. */
export type TrendFilter = {
  patternRef?: string;
  valueStream?: string;
  communityRef?: string;
  /** YYYY-MM-DD, inclusive. */
  from: string;
  /** YYYY-MM-DD, inclusive. */
  to: string;
};

export type PartitionOutcome =
  | {
      status: 'succeeded';
      repositories: { scanned: number; unchanged: number; failed: number };
      results: number;
    }
  | { status: 'failed'; error: string };

/**
 * Everything the adoption engine keeps. One implementation on knex
 * ({@link DatabaseAdoptionStore}) serves SQLite and PostgreSQL.
 */
export interface AdoptionStore {
  // --- scans -------------------------------------------------------------

  /**
   * Starts a scan of `partitions` partitions unless one is running. Returns
   * the running scan with `created: false` if there is one.
   */
  createScan(options: {
    trigger: ScanSummary['trigger'];
    partitions: number;
    now: Date;
  }): Promise<{ created: boolean; scan: ScanSummary }>;

  /** The scan that is running, if any. */
  getRunningScan(): Promise<ScanSummary | undefined>;

  /** The most recently started scan, if any. */
  getLatestScan(): Promise<ScanSummary | undefined>;

  /**
   * Claims a partition of a scan for this replica. False when it was already
   * claimed (by this or another replica): each partition runs once per scan.
   */
  claimPartition(
    scanId: string,
    partition: number,
    now: Date,
  ): Promise<boolean>;

  /**
   * The state of a partition in a scan: undefined when not claimed yet.
   * The scheduler never runs a partition's task twice at once, so a task
   * that finds its own partition `running` knows its previous run died.
   */
  getPartitionStatus(
    scanId: string,
    partition: number,
  ): Promise<'running' | 'succeeded' | 'failed' | undefined>;

  /**
   * Records a partition's outcome. When it was the last partition, the scan
   * is finished (failed if any partition failed) and `scanFinished` is true.
   */
  finishPartition(
    scanId: string,
    partition: number,
    outcome: PartitionOutcome,
    now: Date,
  ): Promise<{ scanFinished: boolean }>;

  /** Marks scans still running that started before `startedBefore` failed. */
  failStaleScans(startedBefore: Date, reason: string): Promise<number>;

  // --- repositories ------------------------------------------------------

  /** The ETag each repository had when its results were last written. */
  getRepositoryEtags(locations: string[]): Promise<Map<string, string>>;

  /** Records the ETag whose content the stored results were computed from. */
  setRepositoryEtag(location: string, etag: string, now: Date): Promise<void>;

  // --- results -----------------------------------------------------------

  /** Fingerprints of the stored results of these entities, by `entityRef|patternRef`. */
  getFingerprints(entityRefs: string[]): Promise<Map<string, string>>;

  /** Inserts or replaces results, keyed by (entityRef, patternRef). */
  upsertResults(results: StoredResult[]): Promise<void>;

  /**
   * Removes the results of a partition whose entity or pattern left the
   * catalog. Partition 0 also removes rows of partitions >= `partitions`
   * (left over after the partition count was lowered). Returns rows removed.
   */
  removeDeparted(options: {
    partition: number;
    partitions: number;
    entityRefs: ReadonlySet<string>;
    patternRefs: ReadonlySet<string>;
  }): Promise<number>;

  /** A page of results, ordered by entity ref then pattern ref. */
  listResults(
    filter: ResultFilter,
    page: PageRequest,
  ): Promise<{ items: AdoptionResult[]; totalCount: number }>;

  /** Counts per (pattern, value stream), ordered by pattern then value stream. */
  summarize(filter: ResultFilter): Promise<AdoptionSummaryCell[]>;

  // --- snapshots ---------------------------------------------------------

  /**
   * Writes (replaces) the snapshot of `day` (YYYY-MM-DD) per (pattern, value
   * stream, community) from the current results, and removes snapshots older
   * than `retentionDays`.
   */
  writeSnapshot(day: string, retentionDays: number): Promise<void>;

  /** One point per day in range that has a snapshot, summed over the filter. */
  trends(filter: TrendFilter): Promise<AdoptionTrendPoint[]>;
}
