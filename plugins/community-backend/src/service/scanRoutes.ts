import { ConflictError, NotFoundError } from '@backstage/errors';
import { CommunityApiRouter, RouteDeps } from './routeDeps';

/** Starting a scan by hand and following the latest one. */
export function registerScanRoutes(
  router: CommunityApiRouter,
  { access, scans }: RouteDeps,
) {
  router.post('/scans', async (req, res) => {
    await access.startScan(req);
    const { created, scan } = await scans.startScan();
    if (!created) {
      throw new ConflictError(
        `A scan is already running (${scan.id}, started ${scan.startedAt}, ${scan.partitions.done} of ${scan.partitions.total} partitions done); wait for it to finish`,
      );
    }
    res.status(202).json(scan);
  });

  router.get('/scans/latest', async (req, res) => {
    await access.read(req);
    const scan = await scans.getLatestScan();
    if (!scan) {
      throw new NotFoundError(
        'No adoption scan has run yet; start one with POST /scans or wait for the scheduled scan',
      );
    }
    res.json(scan);
  });
}
