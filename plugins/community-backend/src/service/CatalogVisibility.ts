import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { refKey } from '@copkit/plugin-community-common';
import { TtlCache, principalKey } from './TtlCache';

/** The entities a caller may read; `undefined` means every entity. */
export type VisibleEntityRefs = ReadonlySet<string> | undefined;

/** Whether `ref` is among the visible entities. */
export function isVisible(visible: VisibleEntityRefs, ref: string): boolean {
  return visible === undefined || visible.has(refKey(ref));
}

const DEFAULT_TTL_MS = 10_000;
const MAX_CACHED_PRINCIPALS = 500;

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
  readonly #cache: TtlCache<VisibleEntityRefs>;

  constructor(options: {
    permissions: PermissionsService;
    catalog: CatalogService;
    ttlMs?: number;
    now?: () => number;
  }) {
    this.#permissions = options.permissions;
    this.#catalog = options.catalog;
    this.#cache = new TtlCache({
      ttlMs: options.ttlMs ?? DEFAULT_TTL_MS,
      maxEntries: MAX_CACHED_PRINCIPALS,
      now: options.now,
    });
  }

  /**
   * `undefined` when the caller may read every entity, otherwise the refs
   * (`refKey`: `kind:namespace/name`, lower case) of the entities they may
   * read.
   */
  async visibleEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<VisibleEntityRefs> {
    return this.#cache.get(principalKey(credentials), () =>
      this.#resolve(credentials),
    );
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
    return new Set(items.map(entity => refKey(entity)));
  }
}
