/**
 * Isomorphic part of copkit's community plugin: the Community and Pattern
 * catalog kinds, their JSON schemas and validators, and shared constants.
 *
 * @packageDocumentation
 */

export * from './constants';
export {
  isCommunityEntity,
  type CommunityEntityV1alpha1,
  type CommunityMeetingFrequency,
  type CommunityRhythm,
} from './entities/CommunityEntityV1alpha1';
export {
  isPatternEntity,
  type PatternEntityV1alpha1,
  type PatternStatus,
  type PatternDetectionRule,
  type PatternExemption,
  type DependencyEcosystem,
} from './entities/PatternEntityV1alpha1';
export {
  communityEntityV1alpha1Schema,
  patternEntityV1alpha1Schema,
  communityEntityV1alpha1Validator,
  patternEntityV1alpha1Validator,
} from './validators';
export { getTemplateCommunityRef } from './entities/templateCommunity';
export { MAX_REGEX_LENGTH } from './validation/fieldChecks';
export * from './adoption/types';
export * from './permissions/permissions';
