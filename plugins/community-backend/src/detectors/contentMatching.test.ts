import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileDetector } from './fileDetector';
import { containsPool } from './regex';
import { repositoryFilesFromRecord } from './testFiles';
import { testEntity as entity } from './__testUtils__/repositoryHarness';
import { SLOW_REGEX, slowText } from './__testUtils__/slowRegex';

// These run the shared pool the scanner uses, with its 2 s deadline.
afterAll(() => containsPool.close());

const MiB = 1 << 20;
// About 20 s of NFA work on a laptop; far past the deadline on any machine.
const slow = slowText(MiB);
const small = `a${'x'.repeat(1000)}Z\n`;
const files = repositoryFilesFromRecord(
  { 'a-large.txt': slow, 'b-small.txt': small },
  { maxFileBytes: 2 * MiB },
);
const rule = { path: '*.txt', contains: SLOW_REGEX };

describe('a contains regex that is slow on a file', () => {
  it('leaves the event loop free and says which file was not judged', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    await sleep(50); // the monitor records from its first tick on
    const outcome = await fileDetector.detect({ rule, entity, files });
    delay.disable();

    expect(outcome).toEqual({
      matched: true,
      evidence: { path: 'b-small.txt', line: 1, text: small.slice(0, 200) },
      notes: [
        '`contains` regex did not finish within 2 s on a-large.txt; the file was not judged',
      ],
    });
    expect(delay.max / 1e6).toBeLessThan(200);
  }, 15_000);

  it('stops within a second when the scan is cancelled mid-match', async () => {
    const controller = new AbortController();
    const outcome = fileDetector.detect({
      rule,
      entity,
      files,
      signal: controller.signal,
    });
    await sleep(500);
    const abortedAt = Date.now();
    controller.abort(new Error('scan cancelled'));

    await expect(outcome).rejects.toThrow('scan cancelled');
    expect(Date.now() - abortedAt).toBeLessThan(1000);
  });
});
