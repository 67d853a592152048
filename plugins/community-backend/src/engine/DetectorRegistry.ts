import { InputError } from '@backstage/errors';
import { PatternDetectionRule } from '@copkit/plugin-community-common';
import { PatternDetector } from '@copkit/plugin-community-node';

/** A rule resolved to the detector that judges it. */
export type ResolvedRule = {
  /** The rule in plain words, for evidence and "rules tried". */
  text: string;
  value: unknown;
  detector?: PatternDetector;
  /** Set when no installed detector can judge the rule. */
  problem?: string;
};

/** Finds the detector for each rule; built-in and added detectors alike. */
export class DetectorRegistry {
  readonly #byShape = new Map<string, PatternDetector>();

  constructor(detectors: PatternDetector[]) {
    for (const detector of detectors) {
      if (this.#byShape.has(detector.shape)) {
        throw new InputError(
          `Two pattern detectors claim the rule shape "${detector.shape}"; each shape can have one detector`,
        );
      }
      this.#byShape.set(detector.shape, detector);
    }
  }

  resolve(rule: PatternDetectionRule): ResolvedRule {
    const [shape, value] = Object.entries(rule)[0] ?? [];
    if (shape === 'custom') {
      const { detector: name, options } = value as {
        detector: string;
        options?: Record<string, unknown>;
      };
      const detector = this.#byShape.get(name);
      const opts = options ?? {};
      if (!detector) {
        return {
          text: `custom: ${name}`,
          value: opts,
          problem: `no detector named "${name}" is installed in this backend`,
        };
      }
      return { text: detector.describe(opts), value: opts, detector };
    }
    const detector = shape ? this.#byShape.get(shape) : undefined;
    if (!detector) {
      return {
        text: `${shape}`,
        value,
        problem: `no detector for the rule shape "${shape}"`,
      };
    }
    return { text: detector.describe(value), value, detector };
  }

  /** Whether any of these rules needs the entity's repository. */
  needsRepository(rules: PatternDetectionRule[]): boolean {
    return rules.some(
      rule => this.resolve(rule).detector?.needs === 'repository',
    );
  }

  /** Whether any of these rules is judged by a custom detector. */
  hasCustom(rules: PatternDetectionRule[]): boolean {
    return rules.some(rule => 'custom' in rule);
  }
}
