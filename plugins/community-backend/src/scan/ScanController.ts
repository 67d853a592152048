import { ScanSummary } from '@copkit/plugin-community-common';

/** What the REST API needs from the scan machinery. */
export interface ScanController {
  /**
   * Starts a scan of every partition now. `created: false` (and the running
   * scan) when one is already running.
   */
  startScan(): Promise<{ created: boolean; scan: ScanSummary }>;

  /** The most recent scan with its progress, if any scan ever started. */
  getLatestScan(): Promise<ScanSummary | undefined>;
}
