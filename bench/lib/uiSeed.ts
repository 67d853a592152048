import { Entity } from '@backstage/catalog-model';
import {
  AdoptionSummaryCell,
  ScanSummary,
} from '@copkit/plugin-community-common';
import fs from 'node:fs';
import { Knex } from 'knex';
import { api, cpuSeconds, poll } from './uiPortal';

const MINUTE = 60_000;

type Facets = {
  facets: Record<string, Array<{ value: string; count: number }>>;
};

/** Entities per kind in the catalog. */
async function kindCounts(token: string): Promise<Map<string, number>> {
  const body = await api<Facets>(token, 'catalog/entity-facets?facet=kind');
  return new Map(body.facets.kind.map(f => [f.value, f.count]));
}

const relationCount = (entity: Entity, type: string) =>
  (entity.relations ?? []).filter(r => r.type === type).length;

/**
 * Waits until every generated entity is in the catalog with the relations
 * the pages read, then until the backend's CPU settles (the first round of
 * processing and stitching is over).
 */
export async function waitForCatalog(options: {
  token: string;
  pid: number;
  kinds: Map<string, number>;
  community: string;
  participants: number;
  publishes: number;
  groupRef: string;
  groupSize: number;
}) {
  const { token, kinds } = options;
  await poll(
    'every entity in the catalog',
    async () => {
      const counts = await kindCounts(token);
      const missing = [...kinds].filter(
        ([kind, n]) => (counts.get(kind) ?? 0) < n,
      );
      return missing.length ? undefined : true;
    },
    30 * MINUTE,
    5000,
  );
  await poll(
    'the relations the pages read',
    async () => {
      const byRef = async (ref: string) =>
        api<Entity>(token, `catalog/entities/by-name/${ref.replace(':', '/')}`);
      const community = await byRef(options.community);
      const group = await byRef(options.groupRef);
      const complete =
        relationCount(community, 'hasParticipant') === options.participants &&
        relationCount(community, 'publishes') === options.publishes &&
        relationCount(group, 'hasMember') === options.groupSize;
      return complete ? true : undefined;
    },
    20 * MINUTE,
    5000,
  );
  await waitForQuietCpu(options.pid);
}

/** Until the process uses under 30% of a core over 10 s (at most 10 min). */
async function waitForQuietCpu(pid: number) {
  await poll(
    'the backend to settle',
    async () => {
      const before = cpuSeconds(pid);
      await new Promise(r => setTimeout(r, 10_000));
      const after = cpuSeconds(pid);
      if (before === undefined || after === undefined) return true;
      return (after - before) / 10 < 0.3 ? true : undefined;
    },
    10 * MINUTE,
    0,
  );
}

/**
 * Catalog processing problems the portal logged (the catalog's `logs`
 * module writes one warning per error, with the entity ref).
 */
export function processingErrors(log: string): string[] {
  return fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter(line => line.startsWith('{'))
    .map(line => JSON.parse(line))
    .filter(
      entry =>
        entry.plugin === 'catalog' &&
        ['warn', 'error'].includes(entry.level) &&
        entry.entity,
    )
    .map(entry => `${entry.entity}: ${entry.message}`);
}

/** Starts an adoption scan in the portal and waits for it to finish. */
export async function runScan(token: string): Promise<ScanSummary> {
  await api<ScanSummary>(token, 'community/scans', 'POST');
  const scan = await poll(
    'the adoption scan',
    async () => {
      const latest = await api<ScanSummary>(token, 'community/scans/latest');
      return latest.status === 'running' ? undefined : latest;
    },
    60 * MINUTE,
    5000,
  );
  if (scan.status !== 'succeeded') {
    throw new Error(`The adoption scan ${scan.status}: ${scan.error}`);
  }
  return scan;
}

/**
 * Daily snapshots for the `days` days before today, derived from today's
 * (written by the scan): each pattern's adoption was lower in the past, by
 * a share that differs per pattern, so that the trend lines move.
 */
export async function writeTrendHistory(knex: Knex, days: number) {
  const table = 'community_adoption_snapshots';
  const today = new Date().toISOString().slice(0, 10);
  // The scan shows as finished just before its snapshot is written.
  const rows = await poll(
    `the snapshot of ${today}`,
    async () => {
      const found: Array<Record<string, any>> = await knex(table).where(
        'day',
        today,
      );
      return found.length ? found : undefined;
    },
    10 * MINUTE,
  );
  const patterns = [...new Set(rows.map(r => r.pattern_ref))].sort();
  const history = [];
  for (let d = 1; d <= days; d++) {
    const day = new Date(Date.now() - d * 86_400_000)
      .toISOString()
      .slice(0, 10);
    for (const row of rows) {
      const growth = 0.1 + (patterns.indexOf(row.pattern_ref) % 7) * 0.06;
      const moved = Math.round(row.adopted * growth * (d / days));
      history.push({
        ...row,
        day,
        adopted: row.adopted - moved,
        not_adopted: row.not_adopted + moved,
      });
    }
  }
  for (let i = 0; i < history.length; i += 500) {
    await knex(table).insert(history.slice(i, i + 500));
  }
  return history.length;
}

/** The summary the dashboard starts from: cells and their distinct rows. */
export async function adoptionSummary(token: string) {
  const { items } = await api<{ items: AdoptionSummaryCell[] }>(
    token,
    'community/adoption/summary',
  );
  const cells = new Set(items.map(i => `${i.patternRef}|${i.valueStream}`));
  return { items, cells: cells.size };
}
