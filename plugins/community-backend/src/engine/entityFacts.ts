import {
  ANNOTATION_SOURCE_LOCATION,
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_VALUE_STREAM,
  PatternEntityV1alpha1,
} from '@copkit/plugin-community-common';

/** The value stream of entities that have none. */
export const UNASSIGNED = 'unassigned';

/**
 * Where Backstage's scaffolder records the template an entity came from. The
 * constant lives in scaffolder-common, which a backend plugin should not
 * need for one string.
 */
export const ANNOTATION_SOURCE_TEMPLATE = 'backstage.io/source-template';

/** Normalizes a ref written in `entity`'s YAML, or undefined if unusable. */
export function refFrom(
  entity: Entity,
  ref: unknown,
  defaultKind: string,
): string | undefined {
  if (typeof ref !== 'string' || !ref) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind,
        defaultNamespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

export function entityRefOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/**
 * Value stream of an entity: its `copkit.io/value-stream` annotation, else
 * the domain of its system, else `unassigned`.
 */
export function valueStreamOf(
  entity: Entity,
  domainOfSystem: ReadonlyMap<string, string>,
): string {
  const annotated = refFrom(
    entity,
    entity.metadata.annotations?.[ANNOTATION_VALUE_STREAM],
    'domain',
  );
  if (annotated) return annotated;
  const system = refFrom(entity, entity.spec?.system, 'system');
  return (system && domainOfSystem.get(system)) || UNASSIGNED;
}

export function ownerOf(entity: Entity): string | undefined {
  return refFrom(entity, entity.spec?.owner, 'group');
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

export function patternCommunityOf(pattern: PatternEntityV1alpha1): string {
  return refFrom(pattern, pattern.spec.community, 'community') ?? UNASSIGNED;
}
