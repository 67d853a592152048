/**
 * The apiVersion of the copkit catalog kinds.
 *
 * @public
 */
export const COPKIT_API_VERSION = 'copkit.io/v1alpha1';

/**
 * Annotation on a scaffolder Template that names the community publishing it,
 * for example `copkit.io/community: community:default/devops-practice`.
 *
 * @public
 */
export const ANNOTATION_COMMUNITY = 'copkit.io/community';

/**
 * Annotation on a Component that overrides the value stream its adoption
 * results are counted under.
 *
 * @public
 */
export const ANNOTATION_VALUE_STREAM = 'copkit.io/value-stream';

/**
 * A community is led by a user (Community → User).
 *
 * @public
 */
export const RELATION_LED_BY = 'ledBy';

/**
 * A user leads a community (User → Community). Reverse of {@link RELATION_LED_BY}.
 *
 * @public
 */
export const RELATION_LEADS = 'leads';

/**
 * A community has a participating user or group (Community → User/Group).
 * Deliberately not `hasMember`, which the org views read as group membership.
 *
 * @public
 */
export const RELATION_HAS_PARTICIPANT = 'hasParticipant';

/**
 * A user or group participates in a community. Reverse of
 * {@link RELATION_HAS_PARTICIPANT}.
 *
 * @public
 */
export const RELATION_PARTICIPATES_IN = 'participatesIn';

/**
 * A community supports a value stream (Domain) or a service (Component).
 *
 * @public
 */
export const RELATION_SUPPORTS = 'supports';

/**
 * A value stream or service is supported by a community. Reverse of
 * {@link RELATION_SUPPORTS}.
 *
 * @public
 */
export const RELATION_SUPPORTED_BY = 'supportedBy';

/**
 * A Pattern or Template is published by a community.
 *
 * @public
 */
export const RELATION_PUBLISHED_BY = 'publishedBy';

/**
 * A community publishes a Pattern or Template. Reverse of
 * {@link RELATION_PUBLISHED_BY}.
 *
 * @public
 */
export const RELATION_PUBLISHES = 'publishes';

/**
 * A pattern is implemented by a scaffolder Template.
 *
 * @public
 */
export const RELATION_IMPLEMENTED_BY = 'implementedBy';

/**
 * A scaffolder Template implements a pattern. Reverse of
 * {@link RELATION_IMPLEMENTED_BY}.
 *
 * @public
 */
export const RELATION_IMPLEMENTS = 'implements';

/**
 * Every relation copkit adds to the catalog, for lists such as the catalog
 * graph's known relations.
 *
 * @public
 */
export const COMMUNITY_RELATIONS: readonly string[] = [
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
];

/**
 * copkit's relations as pairs, each with the one the catalog graph draws
 * first, in the shape of the graph's `relationPairs`.
 *
 * @public
 */
export const COMMUNITY_RELATION_PAIRS: ReadonlyArray<[string, string]> = [
  [RELATION_LED_BY, RELATION_LEADS],
  [RELATION_HAS_PARTICIPANT, RELATION_PARTICIPATES_IN],
  [RELATION_SUPPORTS, RELATION_SUPPORTED_BY],
  [RELATION_PUBLISHES, RELATION_PUBLISHED_BY],
  [RELATION_IMPLEMENTED_BY, RELATION_IMPLEMENTS],
];
