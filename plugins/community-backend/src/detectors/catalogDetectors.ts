import { Entity, RELATION_DEPENDS_ON } from '@backstage/catalog-model';
import { specRefKey, specRefKeys } from '@copkit/plugin-community-common';
import { PatternDetector } from '@copkit/plugin-community-node';
import { ANNOTATION_SOURCE_TEMPLATE } from '../engine/entityFacts';

// Catalog rules match on the entity alone; their evidence has no file.
const MATCHED = { matched: true as const, evidence: {} };
const MISSED = { matched: false as const };

/** `sourceTemplate`: the entity was scaffolded from this template. */
export const sourceTemplateDetector: PatternDetector<string> = {
  shape: 'sourceTemplate',
  needs: 'catalog',
  describe: ref => `sourceTemplate: ${ref}`,
  async detect({ rule, entity }) {
    const annotation =
      entity.metadata.annotations?.[ANNOTATION_SOURCE_TEMPLATE];
    if (!annotation) return MISSED;
    const context = { defaultKind: 'template', holder: entity };
    const wanted = specRefKey(rule, context);
    const actual = specRefKey(annotation, context);
    return wanted !== undefined && wanted === actual ? MATCHED : MISSED;
  },
};

/** `tag`: the entity carries the tag (Backstage tags are lower case). */
export const tagDetector: PatternDetector<string> = {
  shape: 'tag',
  needs: 'catalog',
  describe: tag => `tag: ${tag}`,
  async detect({ rule, entity }) {
    const wanted = rule.toLocaleLowerCase('en-US');
    const tags = entity.metadata.tags ?? [];
    return tags.some(t => t.toLocaleLowerCase('en-US') === wanted)
      ? MATCHED
      : MISSED;
  },
};

/** The value of an `annotation` rule. */
export type AnnotationRule = { key: string; value?: string };

/** `annotation`: the entity has the key, with exactly `value` if given. */
export const annotationDetector: PatternDetector<AnnotationRule> = {
  shape: 'annotation',
  needs: 'catalog',
  describe: ({ key, value }) =>
    value === undefined
      ? `annotation: ${key}`
      : `annotation: ${key} = ${JSON.stringify(value)}`,
  async detect({ rule, entity }) {
    const annotations = entity.metadata.annotations ?? {};
    if (!Object.prototype.hasOwnProperty.call(annotations, rule.key)) {
      return MISSED;
    }
    const actual = annotations[rule.key];
    return rule.value === undefined || actual === rule.value ? MATCHED : MISSED;
  },
};

/** The targets of the entity's `dependsOn` relations and `spec.dependsOn`. */
function dependencyTargets(entity: Entity): string[] {
  const context = { defaultKind: 'component', holder: entity };
  const related = (entity.relations ?? [])
    .filter(r => r.type === RELATION_DEPENDS_ON)
    .map(r => r.targetRef);
  const declared = entity.spec?.dependsOn;
  return specRefKeys(
    [...related, ...(Array.isArray(declared) ? declared : [])],
    context,
  );
}

/**
 * `dependsOn`: the entity depends on the target, by a relation the catalog
 * emitted or by `spec.dependsOn` (for entities read before processing).
 */
export const dependsOnDetector: PatternDetector<string> = {
  shape: 'dependsOn',
  needs: 'catalog',
  describe: ref => `dependsOn: ${ref}`,
  async detect({ rule, entity }) {
    const wanted = specRefKey(rule, {
      defaultKind: 'component',
      holder: entity,
    });
    return wanted !== undefined && dependencyTargets(entity).includes(wanted)
      ? MATCHED
      : MISSED;
  },
};

/** The detectors that judge an entity from its catalog data alone. */
export const catalogDetectors: PatternDetector[] = [
  sourceTemplateDetector,
  tagDetector,
  annotationDetector,
  dependsOnDetector,
];
