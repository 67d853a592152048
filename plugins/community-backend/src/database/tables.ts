/** Table names of the adoption engine, as created by the migrations. */
export const TABLES = {
  results: 'community_adoption_results',
  repositories: 'community_repositories',
  snapshots: 'community_adoption_snapshots',
  scans: 'community_scans',
  partitions: 'community_scan_partitions',
} as const;

/**
 * A timestamp as the driver returns it: a Date from PostgreSQL, epoch
 * milliseconds from SQLite (knex binds Dates as numbers there).
 */
export type RawTimestamp = Date | number | string;

export type RawResultRow = {
  entity_ref: string;
  pattern_ref: string;
  community_ref: string;
  value_stream: string;
  owner_ref: string | null;
  status: string;
  /** JSON array of AdoptionEvidence. */
  evidence: string;
  /** JSON array of strings. */
  tried: string;
  /** JSON array of strings. */
  notes: string;
  reason: string | null;
  exempt_until: string | null;
  checked_at: RawTimestamp;
  partition: number;
  fingerprint: string;
};

export type RawRepositoryRow = {
  location: string;
  etag: string;
  updated_at: RawTimestamp;
};

export type RawSnapshotRow = {
  day: string;
  pattern_ref: string;
  value_stream: string;
  community_ref: string;
  adopted: number;
  not_adopted: number;
  exempt: number;
  errors: number;
};

export type RawScanRow = {
  id: string;
  trigger: string;
  status: string;
  partitions_total: number;
  partitions_done: number;
  partitions_failed: number;
  started_at: RawTimestamp;
  finished_at: RawTimestamp | null;
  error: string | null;
};

export type RawScanPartitionRow = {
  scan_id: string;
  partition: number;
  status: string;
  started_at: RawTimestamp;
  finished_at: RawTimestamp | null;
  repositories_scanned: number;
  repositories_unchanged: number;
  repositories_failed: number;
  results: number;
  error: string | null;
};
