import {
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_VALUE_STREAM,
  PatternEntityV1alpha1,
  UNASSIGNED,
  refKey,
  specRefKey,
  specRefKeys,
} from '@copkit/plugin-community-common';

// What the scan stores about an entity, and the same facts read elsewhere.
// Refs are in -common's key form (refKey): the results table is keyed by
// it, so anything compared with stored rows must use these functions.

/**
 * Where Backstage's scaffolder records the template an entity came from. The
 * constant lives in scaffolder-common, which a backend plugin should not
 * need for one string.
 */
export const ANNOTATION_SOURCE_TEMPLATE = 'backstage.io/source-template';

/** The System an entity is part of, from `spec.system`. */
export function systemOf(entity: Entity): string | undefined {
  return specRefKey(entity.spec?.system, {
    defaultKind: 'system',
    holder: entity,
  });
}

/** The Domain of a System, from `spec.domain`. */
export function domainOf(system: Entity): string | undefined {
  return specRefKey(system.spec?.domain, {
    defaultKind: 'domain',
    holder: system,
  });
}

/**
 * Value stream of an entity: its `copkit.io/value-stream` annotation, else
 * the domain of its system, else `unassigned`.
 */
export function valueStreamOf(
  entity: Entity,
  domainOfSystem: ReadonlyMap<string, string>,
): string {
  const annotated = specRefKey(
    entity.metadata.annotations?.[ANNOTATION_VALUE_STREAM],
    { defaultKind: 'domain', holder: entity },
  );
  if (annotated) return annotated;
  const system = systemOf(entity);
  return (system && domainOfSystem.get(system)) || UNASSIGNED;
}

/** The owner of an entity, from `spec.owner`. */
export function ownerOf(entity: Entity): string | undefined {
  return specRefKey(entity.spec?.owner, {
    defaultKind: 'group',
    holder: entity,
  });
}

/** The repository URL of an entity, from `backstage.io/source-location`. */
export function sourceLocationOf(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[ANNOTATION_SOURCE_LOCATION];
  if (!value) return undefined;
  const [type, ...rest] = value.split(':');
  const target = rest.join(':');
  if (type !== 'url' || !target) return undefined;
  return target;
}

/** The community of a pattern, from `spec.community`, else `unassigned`. */
export function patternCommunityOf(pattern: PatternEntityV1alpha1): string {
  return patternFacts(pattern).communityRef ?? UNASSIGNED;
}

/** What people call an entity: its title, display name or name. */
export function titleOf(entity: Entity | undefined, fallbackRef = ''): string {
  if (!entity) {
    return fallbackRef ? parseEntityRef(fallbackRef).name : '';
  }
  const profile = (entity.spec?.profile ?? {}) as { displayName?: unknown };
  if (entity.metadata.title) return entity.metadata.title;
  if (typeof profile.displayName === 'string' && profile.displayName) {
    return profile.displayName;
  }
  return entity.metadata.name;
}

/** What the scan and the insight routes know about a Pattern from its YAML. */
export type PatternFacts = {
  ref: string;
  title: string;
  status?: string;
  communityRef?: string;
  templateRefs: string[];
};

/** The fields {@link patternFacts} reads. */
export const PATTERN_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.status',
  'spec.community',
  'spec.templates',
];

/** A Pattern entity's facts, refs in key form. */
export function patternFacts(pattern: Entity): PatternFacts {
  return {
    ref: refKey(pattern),
    title: titleOf(pattern),
    status:
      typeof pattern.spec?.status === 'string'
        ? pattern.spec.status
        : undefined,
    communityRef: specRefKey(pattern.spec?.community, {
      defaultKind: 'community',
      holder: pattern,
    }),
    templateRefs: specRefKeys(pattern.spec?.templates, {
      defaultKind: 'template',
      holder: pattern,
    }),
  };
}
