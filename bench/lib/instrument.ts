import {
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
} from '@backstage/backend-plugin-api';
import fs from 'node:fs';

/** Counts what the scanner asks of the reader. */
export type ReadCounts = {
  trees: number;
  notModified: number;
  /** `content()` calls on tree files: file bodies the scanner read. */
  bodies: number;
  /** `fs.promises.open` calls while counting: bodies read from disk. */
  opens: number;
};

/** A UrlReader that counts tree reads and file bodies, passing all through. */
export class CountingReader implements UrlReaderService {
  counts: ReadCounts = { trees: 0, notModified: 0, bodies: 0, opens: 0 };

  constructor(private readonly inner: UrlReaderService) {}

  reset() {
    this.counts = { trees: 0, notModified: 0, bodies: 0, opens: 0 };
  }

  readUrl: UrlReaderService['readUrl'] = (url, options) =>
    this.inner.readUrl(url, options);

  search: UrlReaderService['search'] = (url, options) =>
    this.inner.search(url, options);

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    this.counts.trees += 1;
    let tree: UrlReaderServiceReadTreeResponse;
    try {
      tree = await this.inner.readTree(url, options);
    } catch (error) {
      if ((error as Error)?.name === 'NotModifiedError') {
        this.counts.notModified += 1;
      }
      throw error;
    }
    const counts = () => this.counts;
    return {
      etag: tree.etag,
      archive: () => tree.archive(),
      dir: o => tree.dir(o),
      files: async () =>
        (await tree.files()).map(file => ({
          ...file,
          content: () => {
            counts().bodies += 1;
            return file.content();
          },
        })),
    };
  }

  /** Counts `fs.promises.open` (how the local reader opens bodies) until stopped. */
  spyOnOpens(): () => void {
    const original = fs.promises.open;
    const counts = () => this.counts;
    fs.promises.open = function open(...args: Parameters<typeof original>) {
      counts().opens += 1;
      return original.apply(fs.promises, args);
    } as typeof original;
    return () => {
      fs.promises.open = original;
    };
  }
}

function statusKb(field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Peak resident memory while `fn` runs. Linux's high-water mark (VmHWM) is
 * reset first, so nothing the process did before counts; elsewhere a 10 ms
 * sampler stands in (it can miss short peaks).
 */
export async function peakRss<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; idle: number; peak: number; method: string }> {
  (global as any).gc?.();
  (global as any).gc?.();
  const idle = process.memoryUsage.rss();
  let resetWorked = false;
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    resetWorked = statusKb('VmHWM') !== undefined;
  } catch {
    resetWorked = false;
  }
  let sampled = idle;
  const timer = setInterval(() => {
    sampled = Math.max(sampled, process.memoryUsage.rss());
  }, 10);
  try {
    const value = await fn();
    sampled = Math.max(sampled, process.memoryUsage.rss());
    const hwm = resetWorked ? statusKb('VmHWM') : undefined;
    return {
      value,
      idle,
      peak: Math.max(hwm ?? 0, sampled),
      method: hwm
        ? 'VmHWM (reset before the scan) and a 10 ms sampler'
        : '10 ms sampler',
    };
  } finally {
    clearInterval(timer);
  }
}
