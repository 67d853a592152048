/*
 * The load generator of the API benchmark, run as a child process so that
 * the client does not share the server's event loop. It receives a job on
 * the IPC channel, keeps `connections` keep-alive connections busy for the
 * warm-up and the measured period (or until `maxRequests`), and answers
 * with the latency of every measured request.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type LoadJob = {
  baseUrl: string;
  paths: string[];
  /** `{n}` in a value becomes the request's number (a new caller each). */
  headers: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
  maxRequests: number;
};

export type LoadResult = {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  seconds: number;
  latenciesMs: number[];
  bytes: number;
};

function get(agent: http.Agent, url: URL, headers: Record<string, string>) {
  return new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const req = http.get(url, { agent, headers }, res => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function run(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: job.connections,
  });
  const started = performance.now();
  const measureFrom = started + job.warmupMs;
  const stopAt = measureFrom + job.durationMs;
  const result: LoadResult = {
    requests: 0,
    errors: 0,
    statuses: {},
    seconds: 0,
    latenciesMs: [],
    bytes: 0,
  };
  let issued = 0;
  const worker = async () => {
    while (performance.now() < stopAt && issued < job.maxRequests) {
      const n = issued++;
      const path = job.paths[n % job.paths.length];
      const headers = Object.fromEntries(
        Object.entries(job.headers).map(([k, v]) => [
          k,
          v.replaceAll('{n}', String(n)),
        ]),
      );
      const t0 = performance.now();
      let status = 0;
      let bytes = 0;
      try {
        ({ status, bytes } = await get(
          agent,
          new URL(path, job.baseUrl),
          headers,
        ));
      } catch {
        status = -1;
      }
      const t1 = performance.now();
      if (t0 < measureFrom) continue;
      result.requests += 1;
      result.bytes += bytes;
      result.statuses[status] = (result.statuses[status] ?? 0) + 1;
      if (status !== 200) result.errors += 1;
      result.latenciesMs.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: job.connections }, worker));
  result.seconds = (performance.now() - measureFrom) / 1000;
  agent.destroy();
  return result;
}

process.once('message', async (job: LoadJob) => {
  const result = await run(job);
  process.send!(result, () => process.exit(0));
});
