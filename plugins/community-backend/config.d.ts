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
    /**
     * Directories served to Backstage's UrlReader, for example repositories.
     * `https://<host>/<path>` is read from `<root>/<path>`; nothing outside
     * `root` is ever read, symlinks included.
     */
    localRepositories?: Array<{
      /** Host name the URLs use, e.g. `repos.acme.example`. */
      host: string;
      /** Directory, absolute or relative to the backend's working directory. */
      root: string;
    }>;
  };
}
