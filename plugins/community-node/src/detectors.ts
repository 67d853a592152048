import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AdoptionEvidence } from '@copkit/plugin-community-common';

/**
 * The files of one repository, read once per scan and shared by every
 * pattern that looks at it.
 *
 * @public
 */
export interface RepositoryFiles {
  /** The source location the files were read from. */
  readonly location: string;
  /** Every file path, relative to the repository root, `/`-separated, sorted. */
  readonly paths: readonly string[];
  /** Files over this many bytes are not read. */
  readonly maxFileBytes: number;
  /** The size of a file in bytes, when the reader told it before reading. */
  size(path: string): number | undefined;
  /**
   * The content of a file, or `undefined` when it is over `maxFileBytes`
   * (the detector then says so in a note). Reads are cached for the scan.
   */
  read(path: string): Promise<Buffer | undefined>;
}

/**
 * What a detector is asked to judge.
 *
 * @public
 */
export type DetectorInput<TRule = unknown> = {
  /**
   * The rule's value: `{ path, contains? }` for `file`, `'tag-name'` for
   * `tag`, or a custom rule's `options` (an empty object when it has none).
   */
  rule: TRule;
  /** The entity being judged, as the catalog returns it (relations included). */
  entity: Entity;
  /** The entity's repository; set for detectors that need `repository`. */
  files?: RepositoryFiles;
  /** Aborted when the scan is cancelled. */
  signal?: AbortSignal;
};

/**
 * A detector's verdict on one rule. A detector throws (preferably an error
 * from `@backstage/errors`) when it cannot judge the rule, for example an
 * unreadable manifest; the message becomes the result's reason.
 *
 * @public
 */
export type DetectorOutcome =
  | {
      matched: true;
      /** Where it matched; the rule text is filled in by the engine. */
      evidence: Omit<AdoptionEvidence, 'rule'>;
      notes?: string[];
    }
  | { matched: false; notes?: string[] };

/**
 * Judges one rule shape. The built-in shapes (`sourceTemplate`, `tag`,
 * `annotation`, `dependsOn`, `file`, `dependency`) are detectors too; a
 * `custom` rule is judged by the detector whose `shape` equals its
 * `detector` name.
 *
 * @public
 */
export interface PatternDetector<TRule = any> {
  /** The rule shape, or the name a `custom` rule uses in `detector`. */
  readonly shape: string;
  /** `catalog`: judged from the entity alone. `repository`: needs its files. */
  readonly needs: 'catalog' | 'repository';
  /** The rule in plain words, e.g. `file: Dockerfile contains "^FROM"`. */
  describe(rule: TRule): string;
  /** Judges one rule against one entity (and its files, when `needs` is `repository`). */
  detect(input: DetectorInput<TRule>): Promise<DetectorOutcome>;
}

/**
 * Lets backend modules add detectors to the community backend.
 *
 * @public
 */
export interface CommunityDetectorsExtensionPoint {
  /** Adds detectors; a shape that is already known stops the backend at startup. */
  addDetector(...detectors: PatternDetector[]): void;
}

/**
 * The extension point for {@link CommunityDetectorsExtensionPoint}.
 *
 * @public
 */
export const communityDetectorsExtensionPoint =
  createExtensionPoint<CommunityDetectorsExtensionPoint>({
    id: 'community.detectors',
  });
