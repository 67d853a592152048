import { LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { refKey } from '@copkit/plugin-community-common';
import { setImmediate } from 'node:timers/promises';
import pLimit from 'p-limit';
import { AdoptionStore, StoredResult } from '../database/AdoptionStore';
import { DetectorRegistry } from '../engine/DetectorRegistry';
import { sourceLocationOf } from '../engine/entityFacts';
import { notApplicableReason } from '../engine/applicability';
import { RepositoryState, judge } from '../engine/judge';
import { CatalogSnapshot } from './catalogSnapshot';
import { fingerprint, partitionOf } from './partition';
import { RepositoryRead, readRepository } from './repositoryFiles';
import {
  PatternScanFacts,
  entityFacts,
  exemptionInForce,
  patternScanFacts,
} from './scanFacts';

export type PartitionCounts = {
  repositories: { scanned: number; unchanged: number; failed: number };
  results: number;
};

export type PartitionScannerOptions = {
  store: AdoptionStore;
  reader: UrlReaderService;
  detectors: DetectorRegistry;
  logger: LoggerService;
  concurrency: number;
  maxFileBytes: number;
};

/** Entities that share a repository (or one entity without any). */
type Group = { location?: string; entities: Entity[] };

function groupsOf(entities: Entity[]): Group[] {
  const byLocation = new Map<string, Entity[]>();
  const alone: Group[] = [];
  for (const entity of entities) {
    const location = sourceLocationOf(entity);
    if (!location) alone.push({ entities: [entity] });
    else {
      const list = byLocation.get(location);
      if (list) list.push(entity);
      else byLocation.set(location, [entity]);
    }
  }
  return [
    ...[...byLocation].map(([location, list]) => ({
      location,
      entities: list,
    })),
    ...alone,
  ];
}

const keyOf = (entityRef: string, patternRef: string) =>
  `${entityRef}|${patternRef}`;

/** Judges the entities of one partition against every pattern. */
export class PartitionScanner {
  constructor(private readonly options: PartitionScannerOptions) {}

  async run(
    snapshot: CatalogSnapshot,
    partition: number,
    partitions: number,
    signal?: AbortSignal,
  ): Promise<PartitionCounts> {
    const { store, concurrency, detectors } = this.options;
    const groups = groupsOf(snapshot.entities).filter(
      g =>
        partitionOf(g.location ?? refKey(g.entities[0]), partitions) ===
        partition,
    );
    const patterns = snapshot.patterns.map(p => patternScanFacts(p, detectors));
    const entityRefs = groups.flatMap(g => g.entities.map(e => refKey(e)));
    const locations = groups.flatMap(g => (g.location ? [g.location] : []));
    const [stored, etags] = await Promise.all([
      store.getFingerprints(entityRefs),
      store.getRepositoryEtags(locations),
    ]);
    const counts: PartitionCounts = {
      repositories: { scanned: 0, unchanged: 0, failed: 0 },
      results: 0,
    };
    const limit = pLimit(concurrency);
    await Promise.all(
      groups.map(group =>
        limit(async () => {
          signal?.throwIfAborted();
          await this.#scanGroup(group, snapshot, patterns, partition, {
            stored,
            etag: group.location ? etags.get(group.location) : undefined,
            counts,
            signal,
          });
        }),
      ),
    );
    await store.removeDeparted({
      partition,
      partitions,
      entityRefs: new Set(entityRefs),
      patternRefs: new Set(patterns.map(p => p.ref)),
    });
    return counts;
  }

  async #scanGroup(
    group: Group,
    snapshot: CatalogSnapshot,
    patterns: PatternScanFacts[],
    partition: number,
    state: {
      stored: Map<string, string>;
      etag?: string;
      counts: PartitionCounts;
      signal?: AbortSignal;
    },
  ) {
    const { store, reader, detectors, maxFileBytes } = this.options;
    const now = new Date();
    const today = now.toISOString().slice(0, 10);
    const { location } = group;
    const entities = group.entities.map(e =>
      entityFacts(e, snapshot.domainOfSystem),
    );

    // Every pair, with whether judging it may read the repository.
    const pairs = entities.flatMap(entity =>
      patterns.map(pattern => {
        const exempt = exemptionInForce(pattern, entity.ref, today);
        const readsRepository =
          pattern.readsRepository &&
          exempt === undefined &&
          !notApplicableReason(pattern.pattern, entity.entity);
        return { entity, pattern, exempt, readsRepository };
      }),
    );
    // A pair's fingerprint, given what we know of the repository.
    const print = (pair: (typeof pairs)[0], repoKey: string | undefined) =>
      fingerprint([
        pair.pattern.hash,
        pair.entity.hash,
        pair.exempt ?? '-',
        pair.readsRepository ? repoKey : null,
      ]);
    const changed = (pair: (typeof pairs)[0], current: string) =>
      pair.pattern.custom ||
      state.stored.get(keyOf(pair.entity.ref, pair.pattern.ref)) !== current;

    let read: RepositoryRead | undefined;
    let repository: RepositoryState = {
      problem: 'the entity has no backstage.io/source-location annotation',
    };
    if (location && pairs.some(p => p.readsRepository)) {
      // When a pattern or the entity changed, the content is needed even if
      // the repository did not change: read it without the ETag.
      const contentNeeded = pairs.some(p => changed(p, print(p, state.etag)));
      read = await readRepository(reader, location, {
        etag: contentNeeded ? undefined : state.etag,
        maxFileBytes,
        signal: state.signal,
      });
      if (read.kind === 'unchanged') {
        state.counts.repositories.unchanged += 1;
        return;
      }
      if (read.kind === 'failed') {
        state.counts.repositories.failed += 1;
        this.options.logger.warn(`Adoption scan: ${read.reason}`);
        repository = { problem: read.reason };
      } else if (read.kind === 'read') {
        state.counts.repositories.scanned += 1;
        repository = { files: read.files };
      }
    }
    const repoKey =
      read?.kind === 'read'
        ? read.etag
        : `problem:${'problem' in repository ? repository.problem : ''}`;

    const results: StoredResult[] = [];
    for (const pair of pairs) {
      const pairPrint = print(pair, repoKey);
      if (!changed(pair, pairPrint)) continue;
      // Judging is mostly synchronous work: let other requests in between.
      await setImmediate();
      state.signal?.throwIfAborted();
      const verdict = await judge(pair.pattern.pattern, pair.entity.entity, {
        detectors,
        today,
        repository: () => repository,
        signal: state.signal,
      });
      results.push({
        entityRef: pair.entity.ref,
        patternRef: pair.pattern.ref,
        communityRef: pair.pattern.communityRef,
        valueStream: pair.entity.valueStream,
        ownerRef: pair.entity.ownerRef,
        ...verdict,
        checkedAt: now.toISOString(),
        partition,
        fingerprint: pairPrint,
      });
    }
    await store.upsertResults(results);
    state.counts.results += results.length;
    if (location && read?.kind === 'read') {
      await store.setRepositoryEtag(location, read.etag, now);
    }
  }
}
