import { Entity } from '@backstage/catalog-model';
import {
  PatternEntityV1alpha1,
  refKey,
  refKindKey,
  specRefKey,
} from '@copkit/plugin-community-common';

const lower = (values: string[] | undefined) =>
  values?.map(v => v.toLocaleLowerCase('en-US'));

/**
 * Why `pattern` does not apply to `entity`, or undefined when it does.
 * Each listed `appliesTo` criterion must hold; within one, any value does.
 */
export function notApplicableReason(
  pattern: PatternEntityV1alpha1,
  entity: Entity,
): string | undefined {
  const { kinds, types, lifecycles, tags } = pattern.spec.appliesTo ?? {};
  const kind = refKindKey(entity);
  const wanted = kinds?.map(k => refKindKey({ kind: k }));
  if (wanted ? !wanted.includes(kind) : kind !== 'component') {
    return `applies to kinds ${(kinds ?? ['Component']).join(
      ', ',
    )}; this is a ${entity.kind}`;
  }
  const type = String(entity.spec?.type ?? '');
  if (types && !lower(types)!.includes(type.toLocaleLowerCase('en-US'))) {
    return `applies to types ${types.join(', ')}; this is ${
      type ? `type ${type}` : 'of no type'
    }`;
  }
  const lifecycle = String(entity.spec?.lifecycle ?? '');
  if (
    lifecycles &&
    !lower(lifecycles)!.includes(lifecycle.toLocaleLowerCase('en-US'))
  ) {
    return `applies to lifecycles ${lifecycles.join(', ')}; this is ${
      lifecycle || 'of no lifecycle'
    }`;
  }
  const entityTags = entity.metadata.tags ?? [];
  if (tags && !tags.some(tag => entityTags.includes(tag))) {
    return `applies to entities tagged ${tags.join(', ')}; this has ${
      entityTags.length ? entityTags.join(', ') : 'no tags'
    }`;
  }
  return undefined;
}

/** The exemption of `entity` that is in force on `today`, if any. */
export function activeExemption(
  pattern: PatternEntityV1alpha1,
  entity: Entity,
  today: string,
): { reason: string; until?: string } | undefined {
  const ref = refKey(entity);
  return pattern.spec.exemptions?.find(
    exemption =>
      specRefKey(exemption.entity, {
        defaultKind: 'component',
        holder: pattern,
      }) === ref &&
      (!exemption.until || exemption.until >= today),
  );
}

/** The exemption of `entity` that ran out before `today`, if any. */
export function expiredExemption(
  pattern: PatternEntityV1alpha1,
  entity: Entity,
  today: string,
): { until?: string } | undefined {
  const ref = refKey(entity);
  return pattern.spec.exemptions?.find(
    exemption =>
      specRefKey(exemption.entity, {
        defaultKind: 'component',
        holder: pattern,
      }) === ref &&
      !!exemption.until &&
      exemption.until < today,
  );
}
