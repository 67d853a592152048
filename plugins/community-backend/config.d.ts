import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Configuration of copkit's community backend (the adoption engine). */
  community?: {
    scan?: {
      /**
       * When the scan runs. Default: every 30 minutes, first run 15 seconds
       * after start, timeout 30 minutes.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Repositories read at once per replica. Default 4. */
      concurrency?: number;
      /**
       * Pieces the work is split into; each is a scheduled task that one
       * replica runs at a time. Default 4.
       */
      partitions?: number;
      /** Files bigger than this are skipped by `contains` and manifest rules. Default 1048576 (1 MiB). */
      maxFileBytes?: number;
    };
    /** Days of daily adoption snapshots to keep. Default 365. */
    retentionDays?: number;
  };
}
