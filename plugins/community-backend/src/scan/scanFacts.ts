import { Entity } from '@backstage/catalog-model';
import {
  PatternEntityV1alpha1,
  refKey,
  specRefKey,
} from '@copkit/plugin-community-common';
import { DetectorRegistry } from '../engine/DetectorRegistry';
import {
  ownerOf,
  patternCommunityOf,
  valueStreamOf,
} from '../engine/entityFacts';
import { fingerprint } from './partition';

/**
 * What a scan needs of a pattern, worked out once per scan (the pattern's
 * YAML facts for the rest of the engine are `engine/entityFacts`'s
 * `PatternFacts`).
 */
export type PatternScanFacts = {
  pattern: PatternEntityV1alpha1;
  ref: string;
  communityRef: string;
  /** Hash of the spec: a changed pattern changes every result's fingerprint. */
  hash: string;
  /** Some rule needs the repository. */
  readsRepository: boolean;
  /** Some rule is judged by a custom detector: always judged again. */
  custom: boolean;
  /** Exempted entity ref → last day (or null for no end). */
  exemptions: Map<string, string | null>;
};

/** What a scan needs of an entity, worked out once per scan. */
export type EntityFacts = {
  entity: Entity;
  ref: string;
  valueStream: string;
  ownerRef?: string;
  /** Hash of every entity field a rule or appliesTo can read. */
  hash: string;
};

export function patternScanFacts(
  pattern: PatternEntityV1alpha1,
  detectors: DetectorRegistry,
): PatternScanFacts {
  const rules = pattern.spec.detection?.rules ?? [];
  const exemptions = new Map<string, string | null>();
  for (const exemption of pattern.spec.exemptions ?? []) {
    const ref = specRefKey(exemption.entity, {
      defaultKind: 'component',
      holder: pattern,
    });
    if (ref) exemptions.set(ref, exemption.until ?? null);
  }
  return {
    pattern,
    ref: refKey(pattern),
    communityRef: patternCommunityOf(pattern),
    hash: fingerprint(pattern.spec),
    readsRepository: detectors.needsRepository(rules),
    custom: detectors.hasCustom(rules),
    exemptions,
  };
}

export function entityFacts(
  entity: Entity,
  domainOfSystem: ReadonlyMap<string, string>,
): EntityFacts {
  const valueStream = valueStreamOf(entity, domainOfSystem);
  return {
    entity,
    ref: refKey(entity),
    valueStream,
    ownerRef: ownerOf(entity),
    hash: fingerprint([
      entity.kind,
      entity.metadata.tags,
      entity.metadata.annotations,
      entity.spec,
      entity.relations,
      valueStream,
    ]),
  };
}

/** The last day of the exemption in force on `today`, `null` for none. */
export function exemptionInForce(
  pattern: PatternScanFacts,
  entityRef: string,
  today: string,
): string | null | undefined {
  if (!pattern.exemptions.has(entityRef)) return undefined;
  const until = pattern.exemptions.get(entityRef) ?? null;
  return until === null || until >= today ? until : undefined;
}
