/**
 * Isomorphic part of copkit's community plugin: the Community and Pattern
 * catalog kinds, their JSON schemas and validators, and shared constants.
 *
 * @packageDocumentation
 */

export {
  COPKIT_API_VERSION,
  ANNOTATION_COMMUNITY,
  ANNOTATION_VALUE_STREAM,
  RELATION_LED_BY,
  RELATION_LEADS,
  RELATION_HAS_PARTICIPANT,
  RELATION_PARTICIPATES_IN,
  RELATION_SUPPORTS,
  RELATION_SUPPORTED_BY,
  RELATION_PUBLISHED_BY,
  RELATION_PUBLISHES,
  RELATION_IMPLEMENTED_BY,
  RELATION_IMPLEMENTS,
  COMMUNITY_RELATIONS,
  COMMUNITY_RELATION_PAIRS,
} from './constants';
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
export {
  UNASSIGNED,
  refKey,
  refKindKey,
  parseSpecRef,
  specRefKey,
  specRefKeys,
  type SpecRefContext,
} from './refs';
export { getTemplateCommunityRef } from './entities/templateCommunity';
export { MAX_REGEX_LENGTH } from './validation/fieldChecks';
export {
  ADOPTION_STATUSES,
  type AdoptionStatus,
  type AdoptionEvidence,
  type AdoptionResult,
  type AdoptionCounts,
  type AdoptionSummaryCell,
  type AdoptionTrendPoint,
  type ScanSummary,
  type CommunityReasonKind,
  type CommunityReason,
  type RelevantCommunity,
  type CommunitySummary,
  type Page,
} from './adoption/types';
export {
  communityAdoptionReadPermission,
  communityScanCreatePermission,
  communityPermissions,
} from './permissions/permissions';
