import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * A spec ref in full, lower-case form (`kind:namespace/name`), resolved the
 * way the catalog resolves it; undefined when it is not a valid ref.
 */
export function normalizeRef(
  ref: string,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

/** {@link normalizeRef} over a list, dropping invalid refs and duplicates. */
export function normalizeRefs(
  refs: string[] | undefined,
  defaultKind: string,
  defaultNamespace: string,
): string[] {
  const normalized = (refs ?? [])
    .map(ref => normalizeRef(ref, defaultKind, defaultNamespace))
    .filter((ref): ref is string => ref !== undefined);
  return [...new Set(normalized)];
}

/** The kind part of a normalized ref. */
export function kindOfRef(ref: string): string {
  return parseEntityRef(ref).kind;
}
