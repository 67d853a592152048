import { setTimeout as sleep } from 'node:timers/promises';
import { RegexWorkerPool } from './RegexWorkerPool';
import { SLOW_REGEX, slowText } from './__testUtils__/slowRegex';

// Seconds of work for SLOW_REGEX, far past the pool's 300 ms deadline.
const slow = slowText(256 * 1024);

describe('RegexWorkerPool', () => {
  let pool: RegexWorkerPool;
  beforeEach(() => {
    pool = new RegexWorkerPool({ size: 1, timeoutMs: 300 });
  });
  afterEach(() => pool.close());

  it('gives where the first matching line starts, or -1', async () => {
    await expect(pool.match('^b', 'a\nb\nb')).resolves.toBe(2);
    await expect(pool.match('b', 'a\nxxb\nb')).resolves.toBe(2);
    await expect(pool.match('(?s)x.y', 'ax\nyb')).resolves.toBe(1);
    await expect(pool.match('z', 'a\nb')).resolves.toBe(-1);
  });

  it('rejects a regex that does not compile', async () => {
    await expect(pool.match('(a', 'a')).rejects.toThrow(/missing/);
    await expect(pool.match('a', 'a')).resolves.toBe(0);
  });

  it('stops a match at its deadline and answers the next with a new worker', async () => {
    const started = Date.now();
    await expect(pool.match(SLOW_REGEX, slow)).resolves.toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
    await expect(pool.match('b', 'ab')).resolves.toBe(0);
  });

  it('queues matches beyond its size and answers each', async () => {
    const texts = ['a', '\na', '\n\na', '\n\n\na', 'none'];
    await expect(
      Promise.all(texts.map(text => pool.match('a', text))),
    ).resolves.toEqual([0, 1, 2, 3, -1]);
  });

  it('gives a queued match its own deadline', async () => {
    const first = pool.match(SLOW_REGEX, slow);
    const second = pool.match('b', 'ab');
    await expect(first).resolves.toBe('timeout');
    await expect(second).resolves.toBe(0);
  });

  it('rejects at once on abort, running or queued, and keeps working', async () => {
    const controller = new AbortController();
    const running = pool.match(SLOW_REGEX, slow, controller.signal);
    const queued = pool.match('b', 'ab', controller.signal);
    const settled = Promise.allSettled([running, queued]);
    await sleep(100);
    const abortedAt = Date.now();
    const reason = new Error('cancelled');
    controller.abort(reason);
    expect(await settled).toEqual([
      { status: 'rejected', reason },
      { status: 'rejected', reason },
    ]);
    expect(Date.now() - abortedAt).toBeLessThan(200);
    await expect(pool.match('b', 'ab', controller.signal)).rejects.toThrow(
      'cancelled',
    );
    await expect(pool.match('b', 'ab')).resolves.toBe(0);
  });

  it('rejects pending matches when closed', async () => {
    const running = pool.match(SLOW_REGEX, slow);
    const queued = pool.match('b', 'ab');
    const settled = Promise.allSettled([running, queued]);
    await sleep(100);
    await pool.close();
    const reason = new Error('the regex worker pool was closed');
    expect(await settled).toEqual([
      { status: 'rejected', reason },
      { status: 'rejected', reason },
    ]);
  });
});
