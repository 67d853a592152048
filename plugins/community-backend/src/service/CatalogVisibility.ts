import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';

/** The entities a caller may read; `undefined` means every entity. */
export type VisibleEntityRefs = ReadonlySet<string> | undefined;

/** Whether `ref` is among the visible entities. */
export function isVisible(visible: VisibleEntityRefs, ref: string): boolean {
  return visible === undefined || visible.has(ref.toLocaleLowerCase('en-US'));
}

const DEFAULT_TTL_MS = 10_000;
const MAX_CACHED_PRINCIPALS = 500;

type CacheEntry = { expires: number; value: Promise<VisibleEntityRefs> };

/**
 * Answers which catalog entities a caller may read, so that adoption
 * answers never mention an entity the catalog would hide from them.
 *
 * A conditional decision is resolved by listing the entities the catalog
 * returns to the caller; that list is kept for a few seconds per principal
 * because one page view makes several requests.
 */
export class CatalogVisibility {
  readonly #permissions: PermissionsService;
  readonly #catalog: CatalogService;
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #cache = new Map<string, CacheEntry>();

  constructor(options: {
    permissions: PermissionsService;
    catalog: CatalogService;
    ttlMs?: number;
    now?: () => number;
  }) {
    this.#permissions = options.permissions;
    this.#catalog = options.catalog;
    this.#ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.#now = options.now ?? Date.now;
  }

  /**
   * `undefined` when the caller may read every entity, otherwise the refs
   * (`kind:namespace/name`, lower case) of the entities they may read.
   */
  async visibleEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<VisibleEntityRefs> {
    const key = principalKey(credentials);
    const now = this.#now();
    const cached = this.#cache.get(key);
    if (cached && cached.expires > now) {
      return cached.value;
    }
    const value = this.#resolve(credentials);
    this.#remember(key, { expires: now + this.#ttlMs, value });
    // A failure is not remembered: the next request asks again.
    value.catch(() => {
      if (this.#cache.get(key)?.value === value) this.#cache.delete(key);
    });
    return value;
  }

  async #resolve(
    credentials: BackstageCredentials,
  ): Promise<VisibleEntityRefs> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: catalogEntityReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) {
      return undefined;
    }
    if (decision.result === AuthorizeResult.DENY) {
      return new Set();
    }
    const { items } = await this.#catalog.getEntities(
      { fields: ['kind', 'metadata.namespace', 'metadata.name'] },
      { credentials },
    );
    return new Set(items.map(entity => stringifyEntityRef(entity)));
  }

  #remember(key: string, entry: CacheEntry) {
    if (this.#cache.size >= MAX_CACHED_PRINCIPALS) {
      const now = this.#now();
      for (const [k, e] of this.#cache) {
        if (e.expires <= now) this.#cache.delete(k);
      }
      if (this.#cache.size >= MAX_CACHED_PRINCIPALS) {
        // Oldest first: Map keeps insertion order.
        const oldest = this.#cache.keys().next().value;
        if (oldest !== undefined) this.#cache.delete(oldest);
      }
    }
    this.#cache.delete(key);
    this.#cache.set(key, entry);
  }
}

function principalKey(credentials: BackstageCredentials): string {
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
