import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

/**
 * The value stream (or owner) of an entity that has none. Results are
 * stored and rolled up under this value, and `valueStream=unassigned` asks
 * for them.
 *
 * @public
 */
export const UNASSIGNED = 'unassigned';

/**
 * Where a ref was written: its field's default kind and the entity holding
 * it, whose namespace a ref without one is in.
 *
 * @public
 */
export type SpecRefContext = {
  /** The kind of a ref that names none, such as `Group` for `spec.owner`. */
  defaultKind: string;
  /** The entity whose spec or annotation holds the ref. */
  holder?: Pick<Entity, 'metadata'>;
};

/**
 * The key form of an entity ref, the one form stores, caches and
 * comparisons use: `kind:namespace/name`, the whole ref lower-cased
 * (`en-US`), as Backstage's catalog compares refs case-insensitively and
 * stores relation targets lower-cased. A string must already be a full
 * ref; use {@link specRefKey} for a ref as written in YAML.
 *
 * @public
 */
export function refKey(ref: string | Entity | CompoundEntityRef): string {
  const full = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
  return full.toLocaleLowerCase('en-US');
}

/**
 * The kind of a full ref, an entity or a compound ref, lower-cased like
 * {@link refKey}: kinds compare case-insensitively too.
 *
 * @public
 */
export function refKindKey(ref: string | { kind: string }): string {
  const kind = typeof ref === 'string' ? parseEntityRef(ref).kind : ref.kind;
  return kind.toLocaleLowerCase('en-US');
}

/**
 * A ref as written in an entity's YAML, resolved the way the catalog
 * resolves it: the field's default kind and the holder's namespace
 * (`default` without a holder). Parsing is `parseEntityRef`'s.
 *
 * @throws InputError naming the value and the expected form when it is
 * not a non-empty string or not a ref.
 * @public
 */
export function parseSpecRef(
  value: unknown,
  context: SpecRefContext,
): CompoundEntityRef {
  const expected = `an entity ref such as "${context.defaultKind.toLocaleLowerCase(
    'en-US',
  )}:default/name" (kind defaults to ${context.defaultKind})`;
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`Expected ${expected}; got ${quote(value)}`);
  }
  try {
    return parseEntityRef(value, {
      defaultKind: context.defaultKind,
      defaultNamespace: context.holder?.metadata.namespace ?? DEFAULT_NAMESPACE,
    });
  } catch {
    throw new InputError(`Expected ${expected}; got ${quote(value)}`);
  }
}

// An error message must not grow with the value it complains about.
function quote(value: unknown): string {
  const cut = (text: string) =>
    text.length > 100 ? `${text.slice(0, 100)}…` : text;
  return typeof value === 'string'
    ? JSON.stringify(cut(value))
    : cut(JSON.stringify(value) ?? String(value));
}

/**
 * {@link parseSpecRef} in key form ({@link refKey}), or `undefined` when the
 * value is missing or not a ref: spec fields are optional, and one bad
 * field must not stop the rest of an entity being read.
 *
 * @public
 */
export function specRefKey(
  value: unknown,
  context: SpecRefContext,
): string | undefined {
  try {
    return refKey(parseSpecRef(value, context));
  } catch {
    return undefined;
  }
}

/**
 * {@link specRefKey} over a list field, dropping values that are not refs
 * and duplicates; `[]` when the field is not a list.
 *
 * @public
 */
export function specRefKeys(
  values: unknown,
  context: SpecRefContext,
): string[] {
  if (!Array.isArray(values)) return [];
  const keys = values
    .map(value => specRefKey(value, context))
    .filter((key): key is string => key !== undefined);
  return [...new Set(keys)];
}
