import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  AdoptionSummaryCell,
  CommunityEntityV1alpha1,
} from '@copkit/plugin-community-common';
import { groupMembers } from '../../lib/catalog';
import { kindOfRef, normalizeRef, normalizeRefs } from '../../lib/refs';

/** How the signed-in user takes part in a community. */
export type Involvement = 'lead' | 'participant';

/** Adoption of a community's patterns, summed over its patterns and value streams. */
export type CommunityAdoption = {
  adopted: number;
  notAdopted: number;
  /** adopted / (adopted + notAdopted), or null when both are 0. */
  rate: number | null;
};

/** A Community entity with what the page shows and filters on, resolved. */
export type CommunityView = {
  entity: CommunityEntityV1alpha1;
  /** `community:namespace/name`, lower case. */
  ref: string;
  title: string;
  type: string;
  domain: string;
  leads: string[];
  members: string[];
  valueStreams: string[];
  parentRef?: string;
  /** People: users named in members plus the users of groups named there. */
  participants: number;
  /** Undefined when the adoption summary could not be read or has no cells. */
  adoption?: CommunityAdoption;
  involvement?: Involvement;
};

/** Users of each group, from the groups' `hasMember` relations. */
function usersOfGroups(groups: Entity[]): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const group of groups) {
    const users = groupMembers(group).map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    members.set(stringifyEntityRef(group).toLocaleLowerCase('en-US'), users);
  }
  return members;
}

function countParticipants(
  members: string[],
  usersOfGroup: Map<string, string[]>,
): number {
  const people = new Set<string>();
  for (const ref of members) {
    if (kindOfRef(ref) === 'group') {
      usersOfGroup.get(ref)?.forEach(user => people.add(user));
    } else if (kindOfRef(ref) === 'user') {
      people.add(ref);
    }
  }
  return people.size;
}

/** Sums the summary cells of each community. */
export function adoptionByCommunity(
  cells: AdoptionSummaryCell[],
): Map<string, CommunityAdoption> {
  const sums = new Map<string, CommunityAdoption>();
  for (const cell of cells) {
    const ref = cell.communityRef.toLocaleLowerCase('en-US');
    const sum = sums.get(ref) ?? { adopted: 0, notAdopted: 0, rate: null };
    sum.adopted += cell.adopted;
    sum.notAdopted += cell.notAdopted;
    sums.set(ref, sum);
  }
  for (const sum of sums.values()) {
    const judged = sum.adopted + sum.notAdopted;
    sum.rate = judged === 0 ? null : sum.adopted / judged;
  }
  return sums;
}

/** The group refs named as members of any of the communities. */
export function memberGroupRefs(communities: CommunityEntityV1alpha1[]) {
  const refs = communities.flatMap(community =>
    normalizeRefs(
      community.spec.members,
      'User',
      community.metadata.namespace ?? DEFAULT_NAMESPACE,
    ).filter(ref => kindOfRef(ref) === 'group'),
  );
  return [...new Set(refs)];
}

/** The value streams (Domain refs) any of the communities supports. */
export function valueStreamRefs(communities: CommunityEntityV1alpha1[]) {
  const refs = communities.flatMap(community =>
    normalizeRefs(
      community.spec.valueStreams,
      'Domain',
      community.metadata.namespace ?? DEFAULT_NAMESPACE,
    ),
  );
  return [...new Set(refs)];
}

/**
 * Resolves each Community for the page: refs in full form, participant
 * counts with groups expanded, adoption sums, and how the user takes part.
 */
export function buildCommunityViews(options: {
  communities: CommunityEntityV1alpha1[];
  /** Groups named as members, with their relations. */
  groups: Entity[];
  /** Summary cells of every community; undefined when unavailable. */
  adoptionCells?: AdoptionSummaryCell[];
  /** The signed-in user's ownership refs: the user and their groups. */
  ownershipEntityRefs: string[];
}): CommunityView[] {
  const usersOfGroup = usersOfGroups(options.groups);
  const adoption = adoptionByCommunity(options.adoptionCells ?? []);
  const mine = new Set(
    options.ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US')),
  );
  return options.communities.map(entity => {
    const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
    const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const leads = normalizeRefs(entity.spec.leads, 'User', namespace);
    const members = normalizeRefs(entity.spec.members, 'User', namespace);
    let involvement: Involvement | undefined;
    if (leads.some(lead => mine.has(lead))) involvement = 'lead';
    else if (members.some(member => mine.has(member)))
      involvement = 'participant';
    return {
      entity,
      ref,
      title: entity.metadata.title ?? entity.metadata.name,
      type: entity.spec.type,
      domain: entity.spec.domain,
      leads,
      members,
      valueStreams: normalizeRefs(
        entity.spec.valueStreams,
        'Domain',
        namespace,
      ),
      parentRef: entity.spec.parent
        ? normalizeRef(entity.spec.parent, 'Community', namespace)
        : undefined,
      participants: countParticipants(members, usersOfGroup),
      adoption: adoption.get(ref),
      involvement,
    };
  });
}
