import {
  AuthService,
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { HumanDuration, durationToMilliseconds } from '@backstage/types';
import { ScanSummary } from '@copkit/plugin-community-common';
import { AdoptionStore } from '../database/AdoptionStore';
import { readCatalogSnapshot } from './catalogSnapshot';
import { partitionTaskId } from './partition';
import { PartitionScanner } from './PartitionScanner';
import { ScanController } from './ScanController';
import { errorMessage as message, isInputOrNotFound, retry } from './retry';
import { setTimeout as sleep } from 'node:timers/promises';

export type ScanRunnerOptions = {
  store: AdoptionStore;
  scanner: Pick<PartitionScanner, 'run'>;
  catalog: CatalogService;
  auth: AuthService;
  scheduler: SchedulerService;
  logger: LoggerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  partitions: number;
  retentionDays: number;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Store calls around a partition's run outlast a dropped connection pool. */
const storeRetries = {
  attempts: 5,
  firstDelayMs: 200,
  isFinal: isInputOrNotFound,
};

/**
 * Runs scans as one scheduled task per partition (global scope: one replica
 * runs a partition at a time), and starts them on demand.
 */
export class ScanRunner implements ScanController {
  constructor(private readonly options: ScanRunnerOptions) {}

  /** Schedules every partition's task. */
  async schedule(): Promise<void> {
    const { scheduler, schedule, partitions } = this.options;
    for (let partition = 0; partition < partitions; partition++) {
      await scheduler.scheduleTask({
        ...schedule,
        id: partitionTaskId(partition),
        scope: 'global',
        fn: signal => this.runPartition(partition, signal),
      });
    }
  }

  async startScan(): Promise<{ created: boolean; scan: ScanSummary }> {
    const { store, partitions } = this.options;
    await this.#failStaleScans();
    const result = await store.createScan({
      trigger: 'manual',
      partitions,
      now: new Date(),
    });
    if (result.created) {
      await Promise.all(
        Array.from({ length: partitions }, (_, partition) =>
          this.#trigger(partition, result.scan.id),
        ),
      );
    }
    return result;
  }

  /**
   * Triggers a partition's task. The scheduler refuses while the task's
   * previous run is being wrapped up (snapshot, release), which happens
   * just after a scan shows as finished: wait for it rather than leave the
   * new scan waiting for the partition's next scheduled run. Other errors
   * (the scheduler's database dropped its connections) get a few tries.
   */
  async #trigger(partition: number, scanId: string) {
    const { scheduler, store, logger } = this.options;
    for (let attempt = 1; ; attempt++) {
      try {
        await scheduler.triggerTask(partitionTaskId(partition));
        return;
      } catch (error) {
        const busy = isError(error) && error.name === 'ConflictError';
        const started = await store
          .getPartitionStatus(scanId, partition)
          .catch(() => undefined);
        if (started) return;
        if (attempt >= (busy ? 40 : storeRetries.attempts)) {
          logger.warn(
            `Partition ${partition} of scan ${scanId} not started now, only on its next scheduled run: ${message(
              error,
            )}`,
          );
          return;
        }
        await sleep(busy ? 250 : storeRetries.firstDelayMs * 2 ** attempt);
      }
    }
  }

  /**
   * A partition task cannot run longer than the schedule's timeout, so a
   * scan still running after twice that lost a partition (a replica died,
   * or its failure could not be recorded): give up on it.
   */
  async #failStaleScans() {
    const timeout = durationToMilliseconds(
      this.options.schedule.timeout as HumanDuration,
    );
    await this.options.store.failStaleScans(
      new Date(Date.now() - 2 * timeout),
      'the scan did not finish in time; a replica may have stopped during it',
    );
  }

  getLatestScan(): Promise<ScanSummary | undefined> {
    return this.options.store.getLatestScan();
  }

  /** The scan this run of `partition` works for: the running one, or a new one. */
  async #scanFor(partition: number): Promise<ScanSummary> {
    const { store, partitions } = this.options;
    await this.#failStaleScans();
    const running = await store.getRunningScan();
    if (running) {
      const status = await store.getPartitionStatus(running.id, partition);
      if (status === 'running') {
        // Only one run of this task at a time: the previous one died.
        await store.finishPartition(
          running.id,
          partition,
          { status: 'failed', error: 'the run was interrupted' },
          new Date(),
        );
      } else if (!status) {
        return running;
      }
    }
    const { scan } = await store.createScan({
      trigger: 'schedule',
      partitions,
      now: new Date(),
    });
    return scan;
  }

  /** One run of one partition's task. */
  async runPartition(partition: number, signal?: AbortSignal): Promise<void> {
    const { store, logger, partitions } = this.options;
    const started = Date.now();
    const scan = await retry(() => this.#scanFor(partition), storeRetries);
    const claimed = await retry(
      () => store.claimPartition(scan.id, partition, new Date()),
      storeRetries,
    );
    if (!claimed) {
      logger.info(
        `Adoption scan ${scan.id}: partition ${partition} already done; waiting for the other partitions`,
      );
      return;
    }
    const label = `Adoption scan ${scan.id} partition ${
      partition + 1
    }/${partitions}`;
    let finished: { scanFinished: boolean };
    try {
      const snapshot = await readCatalogSnapshot(
        this.options.catalog,
        this.options.auth,
      );
      const counts = await this.options.scanner.run(
        snapshot,
        partition,
        partitions,
        signal,
      );
      finished = await retry(
        () =>
          store.finishPartition(
            scan.id,
            partition,
            { status: 'succeeded', ...counts },
            new Date(),
          ),
        storeRetries,
      );
      const { scanned, unchanged, failed } = counts.repositories;
      logger.info(
        `${label}: ${scanned} repositories scanned, ${unchanged} unchanged, ${failed} failed, ${
          counts.results
        } results written in ${seconds(Date.now() - started)}`,
      );
    } catch (error) {
      logger.error(`${label} failed: ${message(error)}`);
      const recorded = await this.#recordFailure(scan.id, partition, error);
      if (recorded.scanFinished) {
        await retry(() => this.#finishScan(scan.id), storeRetries).catch(e =>
          logger.error(`${label}: could not finish the scan: ${message(e)}`),
        );
      }
      throw error;
    }
    if (finished.scanFinished) {
      await retry(() => this.#finishScan(scan.id), storeRetries);
    }
  }

  /**
   * Records a failed partition. When even that fails, the partition stays
   * running until #failStaleScans gives up on the scan.
   */
  async #recordFailure(
    scanId: string,
    partition: number,
    error: unknown,
  ): Promise<{ scanFinished: boolean }> {
    try {
      return await retry(
        () =>
          this.options.store.finishPartition(
            scanId,
            partition,
            { status: 'failed', error: message(error) },
            new Date(),
          ),
        storeRetries,
      );
    } catch (e) {
      this.options.logger.error(
        `Adoption scan ${scanId} partition ${
          partition + 1
        }: could not record the failure: ${message(e)}`,
      );
      return { scanFinished: false };
    }
  }

  async #finishScan(scanId: string) {
    const { store, logger, retentionDays } = this.options;
    const today = new Date().toISOString().slice(0, 10);
    await store.writeSnapshot(today, retentionDays);
    const scan = await store.getLatestScan();
    if (scan?.id !== scanId) return;
    const { scanned, unchanged, failed } = scan.repositories;
    logger.info(
      `Adoption scan ${scan.id} ${
        scan.status
      }: ${scanned} repositories scanned, ${unchanged} unchanged, ${failed} failed, ${
        scan.results
      } results written, ${scan.partitions.failed} of ${
        scan.partitions.total
      } partitions failed, in ${seconds(scan.durationMs ?? 0)}`,
    );
  }
}
