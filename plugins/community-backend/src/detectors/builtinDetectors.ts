import { PatternDetector } from '@copkit/plugin-community-node';
import { catalogDetectors } from './catalogDetectors';
import { dependencyDetector } from './dependencyDetector';
import { fileDetector } from './fileDetector';

/**
 * The detectors for the built-in rule shapes: `sourceTemplate`, `tag`,
 * `annotation` and `dependsOn` judge the catalog entity; `file` and
 * `dependency` read the entity's repository.
 */
export function builtinDetectors(): PatternDetector[] {
  return [...catalogDetectors, fileDetector, dependencyDetector];
}
