import { Entity } from '@backstage/catalog-model';
import {
  AdoptionSummaryCell,
  CommunityEntityV1alpha1,
  refKey,
  refKindKey,
  specRefKey,
  specRefKeys,
} from '@copkit/plugin-community-common';
import { groupMembers } from '../../lib/catalog';

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
    members.set(refKey(group), groupMembers(group).map(refKey));
  }
  return members;
}

function countParticipants(
  members: string[],
  usersOfGroup: Map<string, string[]>,
): number {
  const people = new Set<string>();
  for (const ref of members) {
    if (refKindKey(ref) === 'group') {
      usersOfGroup.get(ref)?.forEach(user => people.add(user));
    } else if (refKindKey(ref) === 'user') {
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
    const ref = refKey(cell.communityRef);
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
    specRefKeys(community.spec.members, {
      defaultKind: 'User',
      holder: community,
    }).filter(ref => refKindKey(ref) === 'group'),
  );
  return [...new Set(refs)];
}

/** The value streams (Domain refs) any of the communities supports. */
export function valueStreamRefs(communities: CommunityEntityV1alpha1[]) {
  const refs = communities.flatMap(community =>
    specRefKeys(community.spec.valueStreams, {
      defaultKind: 'Domain',
      holder: community,
    }),
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
  const mine = new Set(options.ownershipEntityRefs.map(refKey));
  return options.communities.map(entity => {
    const ref = refKey(entity);
    const users = { defaultKind: 'User', holder: entity };
    const leads = specRefKeys(entity.spec.leads, users);
    const members = specRefKeys(entity.spec.members, users);
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
      valueStreams: specRefKeys(entity.spec.valueStreams, {
        defaultKind: 'Domain',
        holder: entity,
      }),
      parentRef: specRefKey(entity.spec.parent, {
        defaultKind: 'Community',
        holder: entity,
      }),
      participants: countParticipants(members, usersOfGroup),
      adoption: adoption.get(ref),
      involvement,
    };
  });
}
