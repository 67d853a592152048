import { Entity } from '@backstage/catalog-model';
import {
  CommunityReason,
  CommunityReasonKind,
  RelevantCommunity,
  isCommunityEntity,
} from '@copkit/plugin-community-common';
import { AdoptionStore } from '../database/AdoptionStore';
import { PatternFacts } from '../engine/entityFacts';
import {
  CatalogLookup,
  CommunityFacts,
  chatUrlOf,
  communityFacts,
} from './catalogFacts';
import { VisibleEntityRefs } from './CatalogVisibility';
import { ServiceContext, loadServiceFacts } from './serviceContext';

/**
 * How much each kind of reason makes a community relevant to a service. A
 * community's score is the sum over the kinds of reason it has (a kind
 * counts once, however many patterns or people it goes through).
 */
export const COMMUNITY_REASON_STRENGTH: Record<CommunityReasonKind, number> = {
  'named-service': 100,
  'created-from-template': 60,
  'adopted-pattern': 40,
  'owner-leads': 30,
  'owner-participates': 20,
  'supports-value-stream': 10,
};

const COMMUNITY_FIELDS = [
  'apiVersion',
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.links',
  'spec',
];

/**
 * "Find my community": every community relevant to `entity`, with the
 * reasons in plain words, strongest first. Catalog reads use the caller's
 * credentials, so only what they may read is used or named.
 *
 * Three catalog reads, whatever the size of the catalog: only communities
 * that a relation ties to the service or its template, owner, value stream
 * or patterns are read, and each is then judged on its own spec.
 */
export async function findCommunities(
  options: CatalogLookup & {
    entity: Entity;
    store: AdoptionStore;
    visibleEntityRefs: VisibleEntityRefs;
  },
): Promise<RelevantCommunity[]> {
  const { service, patterns, candidateCommunityRefs } = await loadServiceFacts(
    options,
  );
  const communities = await options.entities.read(
    options.credentials,
    candidateCommunityRefs,
    COMMUNITY_FIELDS,
  );
  return rankCommunities({
    service,
    communities: communities
      .filter((c): c is Entity => Boolean(c))
      .filter(isCommunityEntity)
      .map(community => ({
        facts: communityFacts(community),
        chatUrl: chatUrlOf(community),
      })),
    patterns,
  });
}

/** Scores and orders communities for a service; no I/O. */
export function rankCommunities(options: {
  service: ServiceContext;
  communities: Array<{ facts: CommunityFacts; chatUrl?: string }>;
  patterns: PatternFacts[];
}): RelevantCommunity[] {
  const { service, patterns } = options;
  const relevant: RelevantCommunity[] = [];
  for (const { facts, chatUrl } of options.communities) {
    const reasons = [
      ...namedService(service, facts),
      ...createdFromTemplate(service, facts, patterns),
      ...adoptedPatterns(service, facts, patterns),
      ...ownerLeads(service, facts),
      ...ownerParticipates(service, facts),
      ...supportsValueStream(service, facts),
    ];
    if (reasons.length === 0) continue;
    const kinds = new Set(reasons.map(reason => reason.kind));
    relevant.push({
      communityRef: facts.ref,
      title: facts.title,
      ...(chatUrl ? { chatUrl } : {}),
      reasons,
      score: [...kinds].reduce(
        (sum, kind) => sum + COMMUNITY_REASON_STRENGTH[kind],
        0,
      ),
    });
  }
  return relevant.sort(
    (a, b) => b.score - a.score || a.title.localeCompare(b.title),
  );
}

function namedService(
  service: ServiceContext,
  community: CommunityFacts,
): CommunityReason[] {
  if (!community.services.includes(service.ref)) return [];
  return [
    {
      kind: 'named-service',
      text: `named among the services ${community.title} supports`,
    },
  ];
}

function createdFromTemplate(
  service: ServiceContext,
  community: CommunityFacts,
  patterns: PatternFacts[],
): CommunityReason[] {
  const template = service.template;
  if (!template) return [];
  const created = `created from the ${template.title} template`;
  if (template.communityRefs.includes(community.ref)) {
    return [
      {
        kind: 'created-from-template',
        text: `${created}, published by ${community.title}`,
        via: template.ref,
      },
    ];
  }
  const pattern = patterns.find(
    p =>
      p.communityRef === community.ref && p.templateRefs.includes(template.ref),
  );
  if (!pattern) return [];
  return [
    {
      kind: 'created-from-template',
      text: `${created}, which implements ${pattern.title}, a pattern of ${community.title}`,
      via: template.ref,
    },
  ];
}

function adoptedPatterns(
  service: ServiceContext,
  community: CommunityFacts,
  patterns: PatternFacts[],
): CommunityReason[] {
  return patterns
    .filter(
      pattern =>
        pattern.communityRef === community.ref &&
        service.adoptedPatternRefs.includes(pattern.ref),
    )
    .map(pattern => ({
      kind: 'adopted-pattern',
      text: `adopted ${pattern.title}, a pattern published by ${community.title}`,
      via: pattern.ref,
    }));
}

function ownerLeads(
  service: ServiceContext,
  community: CommunityFacts,
): CommunityReason[] {
  const owner = service.owner;
  if (!owner) return [];
  const ownedBy = `owned by ${owner.title}`;
  if (community.owner === owner.ref) {
    return [
      {
        kind: 'owner-leads',
        text: `${ownedBy}, the owner of ${community.title}`,
        via: owner.ref,
      },
    ];
  }
  const text = throughPeople(owner, community.leads, `lead`, community.title);
  return text ? [{ kind: 'owner-leads', text, via: owner.ref }] : [];
}

function ownerParticipates(
  service: ServiceContext,
  community: CommunityFacts,
): CommunityReason[] {
  const owner = service.owner;
  if (!owner) return [];
  if (owner.kind === 'group' && community.members.includes(owner.ref)) {
    return [
      {
        kind: 'owner-participates',
        text: `owned by ${owner.title}, which takes part in ${community.title}`,
        via: owner.ref,
      },
    ];
  }
  const text = throughPeople(
    owner,
    community.members,
    'take part in',
    community.title,
  );
  return text ? [{ kind: 'owner-participates', text, via: owner.ref }] : [];
}

/**
 * "owned by Payments Platform, whose member Ana leads Payment Experience",
 * or for a user owner "owned by Ana, who leads Payment Experience".
 */
function throughPeople(
  owner: NonNullable<ServiceContext['owner']>,
  people: string[],
  verb: 'lead' | 'take part in',
  communityTitle: string,
): string | undefined {
  const singular = verb === 'lead' ? 'leads' : 'takes part in';
  if (owner.kind === 'user') {
    return people.includes(owner.ref)
      ? `owned by ${owner.title}, who ${singular} ${communityTitle}`
      : undefined;
  }
  const found = owner.members.filter(member => people.includes(member.ref));
  if (found.length === 0) return undefined;
  const names = joinNames(found.map(member => member.title));
  return found.length === 1
    ? `owned by ${owner.title}, whose member ${names} ${singular} ${communityTitle}`
    : `owned by ${owner.title}, whose members ${names} ${verb} ${communityTitle}`;
}

function supportsValueStream(
  service: ServiceContext,
  community: CommunityFacts,
): CommunityReason[] {
  const stream = service.valueStream;
  if (!stream || !community.valueStreams.includes(stream.ref)) return [];
  return [
    {
      kind: 'supports-value-stream',
      text: `part of the ${stream.title} value stream, which ${community.title} supports`,
      via: stream.ref,
    },
  ];
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
