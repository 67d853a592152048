import { mockCredentials } from '@backstage/backend-test-utils';
import { ScanSummary } from '@copkit/plugin-community-common';
import request from 'supertest';

// Drives a started demo backend through its REST API only, the way the
// portal and an operator do: no imports of a plugin's internals.

/** What startTestBackend's `server` is. */
export type TestServer = Parameters<typeof request>[0];

export const userAuth = { Authorization: mockCredentials.user.header() };

/**
 * The scan schedule for tests: only ever triggered by `POST /scans`.
 * (With an `initialDelay`, the real scheduler would not start a triggered
 * task before the delay has passed.)
 */
export const manualSchedule = {
  frequency: { trigger: 'manual' },
  timeout: { minutes: 2 },
};

/**
 * Polls `probe` until it returns something other than undefined. Fails with
 * `what` when `timeoutMs` passes.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const { timeoutMs = 30_000, intervalMs = 200 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, intervalMs));
  }
}

/** `GET /api/community/scans/latest`; undefined before the first scan. */
async function latestScan(server: TestServer) {
  const res = await request(server)
    .get('/api/community/scans/latest')
    .set(userAuth);
  if (res.status === 404) return undefined;
  if (res.status !== 200) {
    throw new Error(`GET /scans/latest answered ${res.status}: ${res.text}`);
  }
  return res.body as ScanSummary;
}

/**
 * Waits until the scheduler has released every scan task, through the
 * scheduler API every plugin serves. A task is released a moment after its
 * scan shows as finished; `POST /scans` in that moment would not start it.
 */
async function waitForIdleScanTasks(server: TestServer) {
  await waitFor(
    'the scan tasks to be released',
    async () => {
      const res = await request(server)
        .get('/api/community/.backstage/scheduler/v1/tasks')
        .set(userAuth);
      const tasks = (res.body.tasks ?? []) as Array<{
        taskId: string;
        taskState: { status: string } | null;
      }>;
      const scanTasks = tasks.filter(t =>
        t.taskId.startsWith('community-adoption-scan-'),
      );
      return res.status === 200 &&
        scanTasks.length > 0 &&
        scanTasks.every(t => t.taskState?.status === 'idle')
        ? true
        : undefined;
    },
    { timeoutMs: 10_000, intervalMs: 100 },
  );
}

/**
 * Starts a scan with `POST /api/community/scans` (expecting 202) once the
 * scan tasks are free, then polls `GET /scans/latest` until it has finished.
 */
export async function runScan(
  server: TestServer,
  timeoutMs = 30_000,
): Promise<ScanSummary> {
  await waitForIdleScanTasks(server);
  const res = await request(server).post('/api/community/scans').set(userAuth);
  if (res.status !== 202) {
    throw new Error(`POST /scans answered ${res.status}: ${res.text}`);
  }
  const id: string = res.body.id;
  let last: ScanSummary | undefined;
  try {
    return await waitFor(
      `scan ${id} to finish`,
      async () => {
        last = (await latestScan(server)) ?? last;
        return last?.id === id && last.status !== 'running' ? last : undefined;
      },
      { timeoutMs, intervalMs: 250 },
    );
  } catch (error) {
    throw new Error(`${error}; last seen: ${JSON.stringify(last)}`);
  }
}
