import { fork } from 'node:child_process';
import path from 'node:path';
import type { LoadJob, LoadResult } from './loadgen';

export type LoadStats = {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Runs `job` in a child process (bench/lib/loadgen.ts) and summarizes it. */
export function runLoad(job: LoadJob): Promise<LoadStats> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'loadgen.ts'), [], {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    // Bounded: the child stops by itself; this is the backstop.
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('load generator did not finish in time'));
    }, job.warmupMs + job.durationMs + 60_000);
    // nodeTransform in the child reports every file it compiles on the same
    // channel ({ type: 'watch' }); only the answer counts.
    child.on('message', (result: LoadResult & { type?: string }) => {
      if (result.type === 'watch') return;
      clearTimeout(timer);
      const sorted = result.latenciesMs.sort((a, b) => a - b);
      resolve({
        requests: result.requests,
        errors: result.errors,
        rps: result.requests / result.seconds,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        max: sorted[sorted.length - 1] ?? NaN,
      });
    });
    child.once('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    child.send(job);
  });
}
