import { randomUUID } from 'node:crypto';
import { ConflictError, InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { ScanSummary } from '@copkit/plugin-community-common';
import { PartitionOutcome } from './AdoptionStore';
import { RawScanPartitionRow, RawScanRow, TABLES } from './tables';
import { isUniqueViolation, toIsoString } from './util';

/**
 * Scans and their partitions. Every decision that replicas could race on is
 * left to the database:
 *
 * - one running scan: a partial unique index on `status` where it is
 *   `running` (see the migration), so a second insert fails;
 * - one claim per partition: the (scan_id, partition) primary key;
 * - the last partition finishes the scan: an atomic increment of the
 *   scan's counter, whose row lock orders concurrent finishers.
 */
export class ScanRecords {
  constructor(private readonly knex: Knex) {}

  async create(options: {
    trigger: ScanSummary['trigger'];
    partitions: number;
    now: Date;
  }): Promise<{ created: boolean; scan: ScanSummary }> {
    if (!Number.isInteger(options.partitions) || options.partitions < 1) {
      throw new InputError(
        `A scan needs at least one partition, got ${options.partitions}`,
      );
    }
    // A conflicting insert means another replica started a scan between our
    // read and our insert; that scan may finish before we read it, hence
    // the retry.
    for (let attempt = 0; attempt < 3; attempt++) {
      const running = await this.getRunning();
      if (running) {
        return { created: false, scan: running };
      }
      const row: RawScanRow = {
        id: randomUUID(),
        trigger: options.trigger,
        status: 'running',
        partitions_total: options.partitions,
        partitions_done: 0,
        partitions_failed: 0,
        started_at: options.now,
        finished_at: null,
        error: null,
      };
      try {
        await this.knex<RawScanRow>(TABLES.scans).insert(row);
        return { created: true, scan: toSummary(row, undefined) };
      } catch (error) {
        if (!isUniqueViolation(error)) {
          throw error;
        }
      }
    }
    throw new ConflictError('Another scan keeps starting; try again');
  }

  async getRunning(): Promise<ScanSummary | undefined> {
    const row = await this.knex<RawScanRow>(TABLES.scans)
      .where('status', 'running')
      .first();
    return row ? this.withTotals(row) : undefined;
  }

  async getLatest(): Promise<ScanSummary | undefined> {
    const row = await this.knex<RawScanRow>(TABLES.scans)
      .orderBy('started_at', 'desc')
      .orderBy('id', 'desc')
      .first();
    return row ? this.withTotals(row) : undefined;
  }

  async claimPartition(
    scanId: string,
    partition: number,
    now: Date,
  ): Promise<boolean> {
    const scan = await this.knex<RawScanRow>(TABLES.scans)
      .where('id', scanId)
      .first('status', 'partitions_total');
    if (!scan || scan.status !== 'running') {
      return false;
    }
    if (
      !Number.isInteger(partition) ||
      partition < 0 ||
      partition >= scan.partitions_total
    ) {
      throw new InputError(
        `Partition ${partition} is outside scan ${scanId}'s ${scan.partitions_total} partitions`,
      );
    }
    try {
      await this.knex<RawScanPartitionRow>(TABLES.partitions).insert({
        scan_id: scanId,
        partition,
        status: 'running',
        started_at: now,
      });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) {
        return false;
      }
      throw error;
    }
  }

  async getPartitionStatus(
    scanId: string,
    partition: number,
  ): Promise<'running' | 'succeeded' | 'failed' | undefined> {
    const row = await this.knex<RawScanPartitionRow>(TABLES.partitions)
      .where({ scan_id: scanId, partition })
      .first('status');
    return row?.status as 'running' | 'succeeded' | 'failed' | undefined;
  }

  async finishPartition(
    scanId: string,
    partition: number,
    outcome: PartitionOutcome,
    now: Date,
  ): Promise<{ scanFinished: boolean }> {
    return this.knex.transaction(async trx => {
      // Only a running partition moves on, so a repeated call (or one after
      // failStaleScans gave up on the scan) counts nothing twice.
      const recorded = await trx<RawScanPartitionRow>(TABLES.partitions)
        .where({ scan_id: scanId, partition, status: 'running' })
        .update(partitionOutcomeColumns(outcome, now));
      if (recorded === 0) {
        return { scanFinished: false };
      }
      const failed = outcome.status === 'failed' ? 1 : 0;
      const counted = await trx<RawScanRow>(TABLES.scans)
        .where({ id: scanId, status: 'running' })
        .update({
          partitions_done: trx.raw('?? + 1', ['partitions_done']),
          partitions_failed: trx.raw('?? + ?', ['partitions_failed', failed]),
        });
      if (counted === 0) {
        return { scanFinished: false };
      }
      // The update above holds the scan row's lock until commit: whoever
      // reads done === total here is the only one that can.
      const scan = await trx<RawScanRow>(TABLES.scans)
        .where('id', scanId)
        .first();
      if (!scan || scan.partitions_done < scan.partitions_total) {
        return { scanFinished: false };
      }
      const scanFailed = scan.partitions_failed > 0;
      await trx<RawScanRow>(TABLES.scans)
        .where('id', scanId)
        .update({
          status: scanFailed ? 'failed' : 'succeeded',
          finished_at: now,
          error: scanFailed
            ? `${scan.partitions_failed} of ${scan.partitions_total} partitions failed`
            : null,
        });
      return { scanFinished: true };
    });
  }

  async failStale(startedBefore: Date, reason: string): Promise<number> {
    const now = new Date();
    return this.knex.transaction(async trx => {
      const stale = await trx<RawScanRow>(TABLES.scans)
        .where('status', 'running')
        .where('started_at', '<', startedBefore)
        .select('id');
      if (stale.length === 0) {
        return 0;
      }
      const ids = stale.map(row => row.id);
      await trx<RawScanPartitionRow>(TABLES.partitions)
        .whereIn('scan_id', ids)
        .where('status', 'running')
        .update({ status: 'failed', finished_at: now, error: reason });
      const failed: number = await trx<RawScanRow>(TABLES.scans)
        .whereIn('id', ids)
        .where('status', 'running')
        .update({ status: 'failed', finished_at: now, error: reason });
      return failed;
    });
  }

  private async withTotals(row: RawScanRow): Promise<ScanSummary> {
    const [totals]: Totals[] = await this.knex(TABLES.partitions)
      .where('scan_id', row.id)
      .sum({
        scanned: 'repositories_scanned',
        unchanged: 'repositories_unchanged',
        failed: 'repositories_failed',
        results: 'results',
      });
    return toSummary(row, totals);
  }
}

function partitionOutcomeColumns(
  outcome: PartitionOutcome,
  now: Date,
): Partial<RawScanPartitionRow> {
  if (outcome.status === 'failed') {
    return { status: 'failed', finished_at: now, error: outcome.error };
  }
  return {
    status: 'succeeded',
    finished_at: now,
    repositories_scanned: outcome.repositories.scanned,
    repositories_unchanged: outcome.repositories.unchanged,
    repositories_failed: outcome.repositories.failed,
    results: outcome.results,
  };
}

type Totals = Record<'scanned' | 'unchanged' | 'failed' | 'results', unknown>;

function toSummary(row: RawScanRow, totals: Totals | undefined): ScanSummary {
  const startedAt = toIsoString(row.started_at);
  const finishedAt = row.finished_at ? toIsoString(row.finished_at) : undefined;
  return {
    id: row.id,
    trigger: row.trigger as ScanSummary['trigger'],
    status: row.status as ScanSummary['status'],
    startedAt,
    ...(finishedAt
      ? {
          finishedAt,
          durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
        }
      : {}),
    partitions: {
      total: row.partitions_total,
      done: row.partitions_done,
      failed: row.partitions_failed,
    },
    repositories: {
      scanned: Number(totals?.scanned ?? 0),
      unchanged: Number(totals?.unchanged ?? 0),
      failed: Number(totals?.failed ?? 0),
    },
    results: Number(totals?.results ?? 0),
    ...(row.error ? { error: row.error } : {}),
  };
}
