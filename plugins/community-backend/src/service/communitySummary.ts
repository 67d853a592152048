import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, RELATION_HAS_MEMBER } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AdoptionCounts,
  CommunityEntityV1alpha1,
  CommunitySummary,
  PatternStatus,
  RELATION_PUBLISHES,
} from '@copkit/plugin-community-common';
import { AdoptionStore } from '../database/AdoptionStore';
import {
  communityFacts,
  kindOf,
  loadPatterns,
  refOf,
  relationTargets,
  templateCommunityRefs,
} from './catalogFacts';
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

type Lookup = {
  catalog: CatalogService;
  credentials: BackstageCredentials;
};

/**
 * Counts for one community and its adoption rate now and 90 days ago.
 * Catalog reads use the caller's credentials; the 90-day change, which
 * comes from aggregates, is null unless the caller may read every entity.
 */
export async function summarizeCommunity(
  options: Lookup & {
    community: CommunityEntityV1alpha1;
    store: AdoptionStore;
    visibleEntityRefs: VisibleEntityRefs;
    now: Date;
  },
): Promise<CommunitySummary> {
  const facts = communityFacts(options.community);
  const [participants, patterns, templates, adoption] = await Promise.all([
    countParticipants(facts.members, options),
    loadPatterns(options.catalog, options.credentials).then(all =>
      all.filter(pattern => pattern.communityRef === facts.ref),
    ),
    countTemplates(options.community, options),
    adoptionOf(facts.ref, options),
  ]);
  const byStatus: Record<string, number> = Object.fromEntries(
    PATTERN_STATUSES.map(status => [status, 0]),
  );
  for (const pattern of patterns) {
    if (pattern.status)
      byStatus[pattern.status] = (byStatus[pattern.status] ?? 0) + 1;
  }
  return {
    communityRef: facts.ref,
    leads: facts.leads.length,
    participants,
    patterns: { total: patterns.length, byStatus },
    templates,
    services: facts.services.length,
    valueStreams: facts.valueStreams.length,
    adoption,
  };
}

/** Users named in `members` plus the users of the groups named there. */
async function countParticipants(
  members: string[],
  { catalog, credentials }: Lookup,
): Promise<number> {
  const users = new Set(members.filter(ref => kindOf(ref) === 'user'));
  const groupRefs = members.filter(ref => kindOf(ref) === 'group');
  if (groupRefs.length) {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: groupRefs,
        fields: ['kind', 'metadata.namespace', 'metadata.name', 'relations'],
      },
      { credentials },
    );
    for (const group of items) {
      if (!group) continue;
      for (const user of relationTargets(group, RELATION_HAS_MEMBER, 'user')) {
        users.add(user);
      }
    }
  }
  return users.size;
}

/**
 * Templates annotated with `copkit.io/community` naming the community, or
 * that it `publishes`.
 */
async function countTemplates(
  community: Entity,
  { catalog, credentials }: Lookup,
): Promise<number> {
  const ref = refOf(community);
  const published = new Set(
    relationTargets(community, RELATION_PUBLISHES, 'template'),
  );
  const { items } = await catalog.getEntities(
    {
      filter: { kind: 'Template' },
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.annotations',
        'relations',
      ],
    },
    { credentials },
  );
  for (const template of items) {
    if (templateCommunityRefs(template).includes(ref)) {
      published.add(refOf(template));
    }
  }
  return published.size;
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
