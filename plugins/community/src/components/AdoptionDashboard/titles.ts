import { parseEntityRef } from '@backstage/catalog-model';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { UNASSIGNED, refKey } from '@copkit/plugin-community-common';

/** The title of a pattern or value stream, falling back to its short ref. */
export function titleOf(
  ref: string,
  titles: Map<string, string>,
  defaultKind: string,
): string {
  if (ref === UNASSIGNED) return 'No value stream';
  const title = titles.get(refKey(ref));
  if (title) return title;
  try {
    return humanizeEntityRef(parseEntityRef(ref), { defaultKind });
  } catch {
    return ref;
  }
}
