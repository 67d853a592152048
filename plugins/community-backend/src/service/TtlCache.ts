import { BackstageCredentials } from '@backstage/backend-plugin-api';

type Entry<V> = { expires: number; value: Promise<V> };

/**
 * Promises kept for a fixed time, at most `maxEntries` of them (expired
 * ones go first, then the oldest). A promise that rejects is forgotten, so
 * the next caller asks again.
 */
export class TtlCache<V> {
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry<V>>();

  constructor(options: {
    ttlMs: number;
    maxEntries: number;
    now?: () => number;
  }) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? Date.now;
  }

  /** The live promise under `key`, if any. */
  find(key: string): Promise<V> | undefined {
    const entry = this.#entries.get(key);
    return entry && entry.expires > this.#now() ? entry.value : undefined;
  }

  /** Keeps `value` under `key` for the cache's time, unless it fails. */
  remember(key: string, value: Promise<V>): Promise<V> {
    if (this.#ttlMs <= 0) return value;
    this.#makeRoom();
    this.#entries.delete(key);
    this.#entries.set(key, { expires: this.#now() + this.#ttlMs, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }

  /** The live promise under `key`, or `load`'s, remembered. */
  get(key: string, load: () => Promise<V>): Promise<V> {
    return this.find(key) ?? this.remember(key, load());
  }

  // One time to live for all: entries expire in the order they were added,
  // so the expired ones, then the oldest, are at the head of the Map.
  #makeRoom() {
    const now = this.#now();
    for (const [key, entry] of this.#entries) {
      if (entry.expires > now && this.#entries.size < this.#maxEntries) break;
      this.#entries.delete(key);
    }
  }
}

/**
 * Who is asking, as a cache key: answers read as one principal are never
 * given to another.
 */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  switch (principal.type) {
    case 'user':
      return `user:${principal.userEntityRef}`;
    case 'service':
      return `service:${principal.subject}`;
    default:
      return String(principal.type);
  }
}
