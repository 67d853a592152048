/**
 * Node library for copkit's community backend: the extension point through
 * which backend modules add pattern detectors.
 *
 * @packageDocumentation
 */

export {
  communityDetectorsExtensionPoint,
  type CommunityDetectorsExtensionPoint,
  type PatternDetector,
  type DetectorInput,
  type DetectorOutcome,
  type RepositoryFiles,
} from './detectors';
