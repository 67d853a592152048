import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { refKey } from '@copkit/plugin-community-common';
import { TtlCache, principalKey } from './TtlCache';

const DEFAULT_TTL_MS = 10_000;
const MAX_CACHED_ENTITIES = 5_000;

/**
 * Reads entities by ref as the caller, in one catalog call per read, and
 * keeps each answer for a few seconds per principal and field list.
 *
 * Service pages of one team ask about the same owner, members, system,
 * value stream, patterns and communities; under load most of those reads
 * are answered from here. The catalog itself takes minutes to reprocess a
 * changed entity, so a few seconds more are not noticed. A failed read is
 * not kept. Answers are shared: callers must not change the entities.
 */
export class CatalogEntityReader {
  readonly #catalog: CatalogService;
  readonly #cache: TtlCache<Entity | undefined>;

  constructor(options: {
    catalog: CatalogService;
    /** How long an answer is kept; 0 turns the cache off. Default 10 s. */
    ttlMs?: number;
    now?: () => number;
  }) {
    this.#catalog = options.catalog;
    this.#cache = new TtlCache({
      ttlMs: options.ttlMs ?? DEFAULT_TTL_MS,
      maxEntries: MAX_CACHED_ENTITIES,
      now: options.now,
    });
  }

  /**
   * The entities, lined up with `refs`: `undefined` where a ref is absent,
   * unknown or hidden from the caller. Only `fields` are read.
   */
  async read(
    credentials: BackstageCredentials,
    refs: Array<string | undefined>,
    fields: string[],
  ): Promise<Array<Entity | undefined>> {
    const prefix = `${principalKey(credentials)}\n${fields.join(',')}\n`;
    const keyOf = (ref: string) => prefix + refKey(ref);
    const missing = [
      ...new Set(
        refs.filter(
          (ref): ref is string => !!ref && !this.#cache.find(keyOf(ref)),
        ),
      ),
    ];
    const fetched = new Map<string, Promise<Entity | undefined>>();
    if (missing.length > 0) {
      const answer = this.#catalog.getEntitiesByRefs(
        { entityRefs: missing, fields },
        { credentials },
      );
      missing.forEach((ref, i) => {
        const value = answer.then(({ items }) => items[i] ?? undefined);
        fetched.set(ref, this.#cache.remember(keyOf(ref), value));
      });
    }
    return Promise.all(
      refs.map(ref =>
        ref ? fetched.get(ref) ?? this.#cache.find(keyOf(ref)) : undefined,
      ),
    );
  }
}
