import { Worker } from 'node:worker_threads';
import { MATCH_WORKER_SOURCE } from './matchWorkerSource';

/** Options for {@link RegexWorkerPool}. */
export type RegexWorkerPoolOptions = {
  /** Workers at most; each runs one match at a time. */
  size: number;
  /** How long one match may run before its worker is terminated. */
  timeoutMs: number;
  /** An idle worker is terminated after this long; a later match starts another. */
  idleMs?: number;
};

/** Where the first match's line starts, -1 for none, or `timeout`. */
export type MatchIndex = number | 'timeout';

type Job = {
  source: string;
  text: string;
  signal?: AbortSignal;
  resolve: (index: MatchIndex) => void;
  reject: (error: unknown) => void;
  onAbort?: () => void;
};

type Slot = { worker: Worker; job?: Job; timer?: NodeJS.Timeout };

type Reply = { index: number } | { error: string };

// Resolved here, on the main thread, where module resolution knows this
// package; an eval'd worker would resolve from the working directory.
const RE2JS_PATH = require.resolve('re2js');

/**
 * Runs `contains` regexes in worker threads, so that a regex that is slow on
 * some text (re2js falls back to its NFA, whose cost is program size times
 * text length) neither blocks the backend's event loop nor runs past a
 * deadline. Workers start on first use, are unref'd so they never keep the
 * process alive, and stop after being idle for a while.
 */
export class RegexWorkerPool {
  readonly timeoutMs: number;
  readonly #size: number;
  readonly #idleMs: number;
  readonly #slots = new Set<Slot>();
  readonly #queue: Job[] = [];

  constructor(options: RegexWorkerPoolOptions) {
    this.#size = Math.max(1, options.size);
    this.timeoutMs = options.timeoutMs;
    this.#idleMs = options.idleMs ?? 30_000;
  }

  /**
   * Where the first line matching `source` starts in `text`. Rejects with
   * the signal's reason when it aborts, even mid-match.
   */
  async match(
    source: string,
    text: string,
    signal?: AbortSignal,
  ): Promise<MatchIndex> {
    signal?.throwIfAborted();
    return new Promise<MatchIndex>((resolve, reject) => {
      const job: Job = { source, text, signal, resolve, reject };
      if (signal) {
        job.onAbort = () => this.#abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.#queue.push(job);
      this.#dispatch();
    });
  }

  /** Stops every worker; pending matches reject. */
  async close(): Promise<void> {
    const error = new Error('the regex worker pool was closed');
    for (const job of this.#queue.splice(0)) {
      this.#finish(job, undefined, error);
    }
    await Promise.all([...this.#slots].map(slot => this.#retire(slot, error)));
  }

  #dispatch() {
    while (this.#queue.length > 0) {
      const slot = this.#idleSlot() ?? this.#spawn();
      if (!slot) return;
      const job = this.#queue.shift()!;
      clearTimeout(slot.timer);
      slot.job = job;
      slot.timer = setTimeout(() => this.#timeOut(slot), this.timeoutMs);
      slot.worker.postMessage({ source: job.source, text: job.text });
    }
  }

  #idleSlot(): Slot | undefined {
    return [...this.#slots].find(slot => !slot.job);
  }

  #spawn(): Slot | undefined {
    if (this.#slots.size >= this.#size) return undefined;
    const worker = new Worker(MATCH_WORKER_SOURCE, {
      eval: true,
      workerData: { re2js: RE2JS_PATH },
    });
    const slot: Slot = { worker };
    worker.on('message', (reply: Reply) => this.#reply(slot, reply));
    worker.on('error', error => this.#crash(slot, error));
    worker.on('exit', code =>
      this.#crash(slot, new Error(`the regex worker exited with code ${code}`)),
    );
    // After the listeners: adding a 'message' listener refs the worker again.
    // While a match runs, its deadline timer keeps the process alive.
    worker.unref();
    this.#slots.add(slot);
    return slot;
  }

  #reply(slot: Slot, reply: Reply) {
    const job = slot.job;
    if (!job) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if ('error' in reply) this.#finish(job, undefined, new Error(reply.error));
    else this.#finish(job, reply.index);
    slot.timer = setTimeout(() => this.#retire(slot), this.#idleMs).unref();
    this.#dispatch();
  }

  #crash(slot: Slot, error: unknown) {
    if (!this.#slots.delete(slot)) return;
    clearTimeout(slot.timer);
    if (slot.job) this.#finish(slot.job, undefined, error);
    this.#dispatch();
  }

  async #timeOut(slot: Slot) {
    const job = slot.job;
    await this.#retire(slot);
    if (job) this.#finish(job, 'timeout');
  }

  async #abort(job: Job) {
    const index = this.#queue.indexOf(job);
    if (index >= 0) this.#queue.splice(index, 1);
    const slot = [...this.#slots].find(s => s.job === job);
    // The worker may be deep in a slow match: stop it rather than wait.
    if (slot) await this.#retire(slot);
    this.#finish(job, undefined, job.signal?.reason);
  }

  /** Terminates a worker; its job, if any, is left for the caller to settle. */
  async #retire(slot: Slot, error?: unknown) {
    if (!this.#slots.delete(slot)) return;
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    if (job && error) this.#finish(job, undefined, error);
    await slot.worker.terminate();
    this.#dispatch();
  }

  #finish(job: Job, index?: MatchIndex, error?: unknown) {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
    if (error !== undefined || index === undefined) job.reject(error);
    else job.resolve(index);
  }
}
