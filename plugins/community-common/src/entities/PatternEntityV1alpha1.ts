import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { COPKIT_API_VERSION } from '../constants';

/**
 * Where a pattern stands in its community's radar.
 *
 * @public
 */
export type PatternStatus = 'adopt' | 'trial' | 'assess' | 'hold' | 'retired';

/**
 * Package ecosystems a `dependency` rule can look into.
 *
 * @public
 */
export type DependencyEcosystem =
  | 'npm'
  | 'maven'
  | 'gradle'
  | 'go'
  | 'pypi'
  | 'cargo'
  | 'nuget';

/**
 * One detection rule. Exactly one of the shapes is set.
 *
 * @public
 */
export type PatternDetectionRule =
  | { sourceTemplate: string }
  | { tag: string }
  | { annotation: { key: string; value?: string } }
  | { dependsOn: string }
  | { file: { path: string; contains?: string } }
  | {
      dependency: {
        ecosystem: DependencyEcosystem;
        name: string;
        version?: string;
      };
    }
  | { custom: { detector: string; options?: JsonObject } };

/**
 * An entity exempted from a pattern, optionally until a date (YYYY-MM-DD).
 *
 * @public
 */
export type PatternExemption = {
  entity: string;
  reason: string;
  until?: string;
};

/**
 * An architecture pattern published by a community, as written in catalog YAML.
 *
 * @public
 */
export interface PatternEntityV1alpha1 extends Entity {
  /** Always `copkit.io/v1alpha1` (`COPKIT_API_VERSION`). */
  apiVersion: 'copkit.io/v1alpha1';
  /** Always `Pattern`. */
  kind: 'Pattern';
  /** What the pattern is, as its YAML says; see docs/catalog-model.md. */
  spec: {
    type: string;
    status: PatternStatus;
    owner: string;
    community: string;
    templates?: string[];
    appliesTo?: {
      kinds?: string[];
      types?: string[];
      lifecycles?: string[];
      tags?: string[];
    };
    detection?: {
      match?: 'any' | 'all';
      rules: PatternDetectionRule[];
    };
    exemptions?: PatternExemption[];
  };
}

/**
 * Tells whether an entity is a copkit Pattern.
 *
 * @public
 */
export function isPatternEntity(
  entity: Entity,
): entity is PatternEntityV1alpha1 {
  return entity.apiVersion === COPKIT_API_VERSION && entity.kind === 'Pattern';
}
