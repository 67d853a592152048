import {
  Entity,
  RELATION_HAS_MEMBER,
  RELATION_OWNER_OF,
} from '@backstage/catalog-model';
import {
  RELATION_IMPLEMENTS,
  RELATION_LEADS,
  RELATION_PARTICIPATES_IN,
  RELATION_PUBLISHED_BY,
  RELATION_SUPPORTED_BY,
  UNASSIGNED,
  refKey,
  refKindKey,
  specRefKey,
} from '@copkit/plugin-community-common';
import { AdoptionStore } from '../database/AdoptionStore';
import {
  ANNOTATION_SOURCE_TEMPLATE,
  PATTERN_FIELDS,
  PatternFacts,
  domainOf,
  ownerOf,
  patternFacts,
  systemOf,
  titleOf,
  valueStreamOf,
} from '../engine/entityFacts';
import {
  CatalogLookup,
  relationTargets,
  templateCommunityRefs,
} from './catalogFacts';
import { VisibleEntityRefs } from './CatalogVisibility';

const MAX_ADOPTED_PATTERNS = 500;

/** What "find my community" knows about the service it is asked about. */
export type ServiceContext = {
  ref: string;
  title: string;
  /** The template the service was created from, when the caller can read it. */
  template?: { ref: string; title: string; communityRefs: string[] };
  /** Patterns the service has adopted, from the stored results. */
  adoptedPatternRefs: string[];
  /** The owning group (or user) and, for a group, its member users. */
  owner?: {
    ref: string;
    title: string;
    kind: string;
    members: Array<{ ref: string; title: string }>;
  };
  /** The service's value stream (a Domain). */
  valueStream?: { ref: string; title: string };
};

/** Everything "find my community" ranks, read as the caller. */
export type ServiceFacts = {
  service: ServiceContext;
  /** The patterns the service adopted or its template implements. */
  patterns: PatternFacts[];
  /**
   * The communities related to the service, its template, owner, owner's
   * members, value stream or those patterns: the only ones that can have a
   * reason.
   */
  candidateCommunityRefs: string[];
};

const TITLE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.profile.displayName',
];

// Relations of each entity that lead to a community. The Community and
// Pattern processor emits them in pairs, so each mirrors a Community's spec.
const FIRST_ROUND_FIELDS = [
  ...TITLE_FIELDS,
  'metadata.annotations',
  'spec.domain',
  'relations',
];
const SECOND_ROUND_FIELDS = [
  ...new Set([...TITLE_FIELDS, ...PATTERN_FIELDS, 'relations']),
];
const TO_COMMUNITY = [
  RELATION_SUPPORTED_BY,
  RELATION_PUBLISHED_BY,
  RELATION_OWNER_OF,
  RELATION_LEADS,
  RELATION_PARTICIPATES_IN,
];

/**
 * Gathers the facts about a service in two catalog reads: first its
 * template, owner and system; then its value stream, the owner's members
 * and the patterns it adopted or its template implements.
 */
export async function loadServiceFacts(
  options: CatalogLookup & {
    entity: Entity;
    store: AdoptionStore;
    visibleEntityRefs: VisibleEntityRefs;
  },
): Promise<ServiceFacts> {
  const { entity, store, visibleEntityRefs } = options;
  const ref = refKey(entity);
  const templateRef = specRefKey(
    entity.metadata.annotations?.[ANNOTATION_SOURCE_TEMPLATE],
    { defaultKind: 'Template', holder: entity },
  );
  // Owner and value stream as the scan stores them beside each result.
  const ownerRef = ownerOf(entity);
  const systemRef = systemOf(entity);

  const [[template, owner, system], adopted] = await Promise.all([
    options.entities.read(
      options.credentials,
      [templateRef, ownerRef, systemRef],
      FIRST_ROUND_FIELDS,
    ),
    store.listResults(
      { entityRef: ref, statuses: ['adopted'], visibleEntityRefs },
      { offset: 0, limit: MAX_ADOPTED_PATTERNS },
    ),
  ]);

  const domain = system && domainOf(system);
  const stream = valueStreamOf(
    entity,
    new Map(systemRef && domain ? [[systemRef, domain]] : []),
  );
  const valueStreamRef = stream === UNASSIGNED ? undefined : stream;
  const memberRefs =
    owner && ownerRef && refKindKey(ownerRef) === 'group'
      ? relationTargets(owner, RELATION_HAS_MEMBER, 'user')
      : [];
  const adoptedPatternRefs = adopted.items.map(result => result.patternRef);
  const patternRefs = [
    ...new Set([
      ...(template
        ? relationTargets(template, RELATION_IMPLEMENTS, 'pattern')
        : []),
      ...adoptedPatternRefs,
    ]),
  ];

  const [valueStream, ...rest] = await options.entities.read(
    options.credentials,
    [valueStreamRef, ...memberRefs, ...patternRefs],
    SECOND_ROUND_FIELDS,
  );
  const members = present(rest.slice(0, memberRefs.length));
  const patterns = present(rest.slice(memberRefs.length));
  const patternFactsList = patterns.map(patternFacts);

  return {
    service: {
      ref,
      title: titleOf(entity),
      template:
        templateRef && template
          ? {
              ref: templateRef,
              title: titleOf(template),
              communityRefs: templateCommunityRefs(template),
            }
          : undefined,
      owner: ownerRef
        ? {
            ref: ownerRef,
            title: titleOf(owner, ownerRef),
            kind: refKindKey(ownerRef),
            members: members.map(user => ({
              ref: refKey(user),
              title: titleOf(user),
            })),
          }
        : undefined,
      valueStream: valueStreamRef
        ? { ref: valueStreamRef, title: titleOf(valueStream, valueStreamRef) }
        : undefined,
      adoptedPatternRefs,
    },
    patterns: patternFactsList,
    candidateCommunityRefs: [
      ...new Set([
        ...present([entity, template, owner, valueStream, ...members])
          .concat(patterns)
          .flatMap(related => communitiesRelatedTo(related)),
        ...(template ? templateCommunityRefs(template) : []),
        ...patternFactsList.flatMap(p =>
          p.communityRef ? [p.communityRef] : [],
        ),
      ]),
    ],
  };
}

function communitiesRelatedTo(entity: Entity): string[] {
  return TO_COMMUNITY.flatMap(type =>
    relationTargets(entity, type, 'community'),
  );
}

function present(entities: Array<Entity | undefined>): Entity[] {
  return entities.filter((e): e is Entity => Boolean(e));
}
