import { Entity, RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import {
  AdoptionCounts,
  CommunityEntityV1alpha1,
  CommunitySummary,
  PatternStatus,
  RELATION_PUBLISHES,
  refKindKey,
} from '@copkit/plugin-community-common';
import { AdoptionStore } from '../database/AdoptionStore';
import { PATTERN_FIELDS, patternFacts } from '../engine/entityFacts';
import { CatalogLookup, communityFacts, relationTargets } from './catalogFacts';
import { VisibleEntityRefs, isVisible } from './CatalogVisibility';
import { addDays, formatDay } from './params';

const PATTERN_STATUSES: PatternStatus[] = [
  'adopt',
  'trial',
  'assess',
  'hold',
  'retired',
];

/** How far back the adoption change looks. */
export const CHANGE_DAYS = 90;
/** Days before that a snapshot may stand in for a missing one. */
const SNAPSHOT_TOLERANCE_DAYS = 7;

/**
 * Counts for one community and its adoption rate now and 90 days ago.
 * Catalog reads use the caller's credentials; the 90-day change, which
 * comes from aggregates, is null unless the caller may read every entity.
 */
export async function summarizeCommunity(
  options: CatalogLookup & {
    community: CommunityEntityV1alpha1;
    store: AdoptionStore;
    visibleEntityRefs: VisibleEntityRefs;
    now: Date;
  },
): Promise<CommunitySummary> {
  const facts = communityFacts(options.community);
  const [related, adoption] = await Promise.all([
    readRelated(options.community, facts.members, options),
    adoptionOf(facts.ref, options),
  ]);
  const byStatus: Record<string, number> = Object.fromEntries(
    PATTERN_STATUSES.map(status => [status, 0]),
  );
  for (const pattern of related.patterns) {
    if (pattern.status)
      byStatus[pattern.status] = (byStatus[pattern.status] ?? 0) + 1;
  }
  return {
    communityRef: facts.ref,
    leads: facts.leads.length,
    participants: related.participants,
    patterns: { total: related.patterns.length, byStatus },
    templates: related.templates,
    services: facts.services.length,
    valueStreams: facts.valueStreams.length,
    adoption,
  };
}

/**
 * In one catalog read, as the caller: the participating groups (for their
 * users), and the patterns and templates the community publishes (its
 * `publishes` relations, which the processor emits for a Pattern's
 * `spec.community` and a Template's `copkit.io/community` annotation).
 */
async function readRelated(
  community: Entity,
  members: string[],
  lookup: CatalogLookup,
) {
  const groupRefs = members.filter(ref => refKindKey(ref) === 'group');
  const patternRefs = relationTargets(community, RELATION_PUBLISHES, 'pattern');
  const templateRefs = relationTargets(
    community,
    RELATION_PUBLISHES,
    'template',
  );
  const entities = await lookup.entities.read(
    lookup.credentials,
    [...groupRefs, ...patternRefs, ...templateRefs],
    [...PATTERN_FIELDS, 'relations'],
  );
  const groups = entities.slice(0, groupRefs.length);
  const patterns = entities.slice(
    groupRefs.length,
    groupRefs.length + patternRefs.length,
  );
  const templates = entities.slice(groupRefs.length + patternRefs.length);

  // Users named in `members` plus the users of the groups named there.
  const users = new Set(members.filter(ref => refKindKey(ref) === 'user'));
  for (const group of groups) {
    if (!group) continue;
    for (const user of relationTargets(group, RELATION_HAS_MEMBER, 'user')) {
      users.add(user);
    }
  }
  return {
    participants: users.size,
    patterns: patterns.filter((p): p is Entity => Boolean(p)).map(patternFacts),
    templates: templates.filter(Boolean).length,
  };
}

function rateOf(counts: Pick<AdoptionCounts, 'adopted' | 'notAdopted'>) {
  const judged = counts.adopted + counts.notAdopted;
  return judged === 0 ? null : counts.adopted / judged;
}

async function adoptionOf(
  communityRef: string,
  options: {
    store: AdoptionStore;
    visibleEntityRefs: VisibleEntityRefs;
    now: Date;
  },
): Promise<CommunitySummary['adoption']> {
  const { store, visibleEntityRefs, now } = options;
  const cells = (
    await store.summarize({ communityRef, visibleEntityRefs })
  ).filter(cell => isVisible(visibleEntityRefs, cell.patternRef));
  const rate = rateOf({
    adopted: cells.reduce((sum, cell) => sum + cell.adopted, 0),
    notAdopted: cells.reduce((sum, cell) => sum + cell.notAdopted, 0),
  });
  if (visibleEntityRefs !== undefined) {
    // Snapshots are aggregates over every entity: not for restricted callers.
    return { rate, rate90DaysAgo: null, change90Days: null };
  }
  const then = addDays(now, -CHANGE_DAYS);
  const points = await store.trends({
    communityRef,
    from: formatDay(addDays(then, -SNAPSHOT_TOLERANCE_DAYS)),
    to: formatDay(then),
  });
  const latest = points.reduce<(typeof points)[number] | undefined>(
    (found, point) => (!found || point.day > found.day ? point : found),
    undefined,
  );
  const rate90DaysAgo = latest?.rate ?? null;
  return {
    rate,
    rate90DaysAgo,
    change90Days:
      rate === null || rate90DaysAgo === null ? null : rate - rate90DaysAgo,
  };
}
