import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** Copies only the listed dotted fields of an entity, as the catalog does. */
function project(entity: Entity, fields?: string[]): Entity {
  if (!fields) return entity;
  const out: any = {};
  for (const field of fields) {
    const parts = field.split('.');
    let from: any = entity;
    let to = out;
    for (let i = 0; i < parts.length; i++) {
      if (from === undefined || from === null) break;
      from = from[parts[i]];
      if (from === undefined) break;
      if (i === parts.length - 1) to[parts[i]] = from;
      else to = to[parts[i]] ??= {};
    }
  }
  return out;
}

/**
 * The catalog calls the community router makes, answered from maps: a
 * stand-in for a catalog whose lookups are indexed (as the real catalog's
 * database is), so that latency measures the plugin rather than the linear
 * scans of the test catalog mock. Everything else goes to `fallback`.
 */
export function indexedCatalog(
  entities: Entity[],
  fallback: CatalogService,
): CatalogService {
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  const byKind = new Map<string, Entity[]>();
  for (const entity of entities) {
    const kind = entity.kind.toLocaleLowerCase('en-US');
    const list = byKind.get(kind) ?? [];
    list.push(entity);
    byKind.set(kind, list);
  }
  const kindOnly = (filter: unknown): string | undefined => {
    if (!filter || Array.isArray(filter)) return undefined;
    const keys = Object.keys(filter as object);
    const kind = (filter as Record<string, unknown>).kind;
    return keys.length === 1 && typeof kind === 'string'
      ? kind.toLocaleLowerCase('en-US')
      : undefined;
  };
  const lookup = (ref: string) => {
    try {
      return byRef.get(stringifyEntityRef(parseEntityRef(ref)));
    } catch {
      return undefined;
    }
  };
  return new Proxy(fallback, {
    get(target, prop, receiver) {
      if (prop === 'getEntityByRef') {
        return async (ref: string) => lookup(ref);
      }
      if (prop === 'getEntitiesByRefs') {
        return async (request: {
          entityRefs: string[];
          fields?: string[];
          filter?: unknown;
        }) => {
          if (request.filter)
            return target.getEntitiesByRefs(request as any, undefined as any);
          return {
            items: request.entityRefs.map(ref => {
              const entity = lookup(ref);
              return entity && project(entity, request.fields);
            }),
          };
        };
      }
      if (prop === 'getEntities') {
        return async (request: any, options: any) => {
          const kind = kindOnly(request?.filter);
          if (
            !kind ||
            request.offset ||
            request.limit ||
            request.after ||
            request.order
          ) {
            return target.getEntities(request, options);
          }
          return {
            items: (byKind.get(kind) ?? []).map(e =>
              project(e, request.fields),
            ),
          };
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A catalog whose implementation can be swapped between runs. */
export function switchableCatalog(initial: CatalogService) {
  const holder = { target: initial };
  const catalog = new Proxy({} as CatalogService, {
    get(_, prop) {
      const value = Reflect.get(holder.target, prop);
      return typeof value === 'function' ? value.bind(holder.target) : value;
    },
  });
  return {
    catalog,
    use(target: CatalogService) {
      holder.target = target;
    },
  };
}
