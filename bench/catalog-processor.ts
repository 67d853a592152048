/*
 * Issue 2 benchmark: CommunityEntitiesProcessor (validate + emit relations)
 * on 10,000 generated Community/Pattern entities, against Backstage's
 * BuiltinKindsEntityProcessor on 10,000 Components, in the same run.
 * Also: the cost our processor adds to entities of other kinds.
 *
 *   yarn workspace @copkit/bench catalog-processor
 */
import { Entity } from '@backstage/catalog-model';
import { BuiltinKindsEntityProcessor } from '@backstage/plugin-catalog-backend';
import {
  CatalogProcessor,
  CatalogProcessorCache,
} from '@backstage/plugin-catalog-node';
import { CommunityEntitiesProcessor } from '@copkit/plugin-catalog-backend-module-community';
import { performance } from 'node:perf_hooks';
import { machine, median, writeSection } from './report';

const N = 10_000;
const ROUNDS = 7;
const location = { type: 'file', target: '/bench/catalog-info.yaml' };
const cache: CatalogProcessorCache = {
  async get() {
    return undefined;
  },
  async set() {},
};

function community(i: number): Entity {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Community',
    metadata: { name: `community-${i}`, namespace: 'default', tags: ['cop'] },
    spec: {
      type: i % 5 ? 'community' : 'chapter',
      domain: `Shared expertise number ${i}`,
      owner: `group:default/team-${i % 50}`,
      leads: [`user:default/lead-${i % 300}`, `lead-${(i + 1) % 300}`],
      members: [
        `group:default/team-${(i + 1) % 50}`,
        `user-${i % 900}`,
        `user-${(i + 7) % 900}`,
      ],
      valueStreams: [`domain:default/stream-${i % 8}`],
      services: [
        `component:default/service-${i % 1000}`,
        `service-${(i + 3) % 1000}`,
      ],
      ...(i % 5 ? {} : { parent: `community:default/community-${i - 1}` }),
      rhythm: {
        frequency: 'biweekly',
        durationMinutes: 60,
        timeZones: ['Europe/Berlin', 'Asia/Tokyo', 'America/New_York'],
      },
      objectives: [
        { title: `Objective ${i}`, url: 'https://okr.example.com/1' },
      ],
      timeAllocationPercent: 10,
    },
  };
}

function pattern(i: number, unique = ''): Entity {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Pattern',
    metadata: { name: `pattern-${i}`, namespace: 'default' },
    spec: {
      type: 'architecture',
      status: 'adopt',
      owner: `group:default/team-${i % 50}`,
      community: `community:default/community-${i % 500}`,
      templates: [`template:default/template-${i % 20}`],
      appliesTo: { kinds: ['Component'], types: ['service'] },
      detection: {
        match: 'any',
        rules: [
          { sourceTemplate: `template:default/template-${i % 20}` },
          { tag: 'structured-logging' },
          { annotation: { key: 'copkit.io/logging', value: 'json' } },
          { dependsOn: 'resource:default/log-pipeline' },
          { file: { path: '.github/workflows/*.yml' } },
          {
            file: { path: 'Dockerfile', contains: `^FROM acme/base${unique}` },
          },
          {
            dependency: {
              ecosystem: 'npm',
              name: '@acme/logger',
              version: '>=2.0.0',
            },
          },
        ],
      },
      exemptions: [
        {
          entity: 'component:default/legacy',
          reason: 'syslog',
          until: '2027-01-31',
        },
      ],
    },
  };
}

function component(i: number): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: `service-${i}`, namespace: 'default', tags: ['node'] },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/team-${i % 50}`,
      system: `system-${i % 40}`,
      providesApis: [`api-${i}`],
      consumesApis: [`api-${(i + 1) % N}`],
      dependsOn: ['resource:default/log-pipeline'],
    },
  };
}

/** Milliseconds for validate + post-process of every entity, once. */
async function run(processor: CatalogProcessor, entities: Entity[]) {
  let relations = 0;
  const emit = () => {
    relations++;
  };
  const start = performance.now();
  for (const entity of entities) {
    await processor.validateEntityKind!(entity);
    await processor.postProcessEntity!(entity, location, emit, cache);
  }
  return { ms: performance.now() - start, relations };
}

async function measure(processor: CatalogProcessor, entities: Entity[]) {
  await run(processor, entities); // warm-up: JIT, compiled schemas
  const times: number[] = [];
  let relations = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const result = await run(processor, entities);
    times.push(result.ms);
    relations = result.relations;
  }
  const ms = median(times);
  return { ms, usPerEntity: (ms * 1000) / entities.length, relations };
}

async function main() {
  const ours = new CommunityEntitiesProcessor();
  const builtin = new BuiltinKindsEntityProcessor();
  const copkitEntities = Array.from({ length: N }, (_, i) =>
    i % 2 ? pattern(i) : community(i),
  );
  const components = Array.from({ length: N }, (_, i) => component(i));

  const baseline = await measure(builtin, components);
  const copkit = await measure(ours, copkitEntities);
  const others = await measure(ours, components);

  // First sight: every regex and ref is new, so no memoized verdict helps.
  // A single pass; the memo only pays off on the catalog's next loop.
  const fresh = Array.from({ length: N }, (_, i) => {
    const e = pattern(i, `-${i}`);
    e.metadata.name = `fresh-${i}`;
    (e.spec as any).owner = `group:default/fresh-team-${i}`;
    return e;
  });
  const cold = await run(ours, fresh);
  const coldUs = (cold.ms * 1000) / N;

  const ratio = copkit.usPerEntity / baseline.usPerEntity;
  const otherShare = others.usPerEntity / baseline.usPerEntity;
  const f = (n: number) => n.toFixed(1);
  const table = [
    `## Catalog processor (issue 2)`,
    ``,
    `\`yarn workspace @copkit/bench catalog-processor\`: ${N.toLocaleString(
      'en-US',
    )} entities per path, validate + emit relations, median of ${ROUNDS} rounds after a warm-up. Machine: ${machine()}.`,
    ``,
    `| path | entities | relations emitted | total (ms) | per entity (µs) | vs. baseline |`,
    `|---|---:|---:|---:|---:|---:|`,
    `| baseline: BuiltinKindsEntityProcessor on Components | ${N} | ${
      baseline.relations
    } | ${f(baseline.ms)} | ${f(baseline.usPerEntity)} | 1.00× |`,
    `| CommunityEntitiesProcessor on Community + Pattern | ${N} | ${
      copkit.relations
    } | ${f(copkit.ms)} | ${f(copkit.usPerEntity)} | ${ratio.toFixed(2)}× |`,
    `| first sight: Patterns whose regex and owner are all distinct (one pass) | ${N} | ${
      cold.relations
    } | ${f(cold.ms)} | ${f(coldUs)} | ${(
      coldUs / baseline.usPerEntity
    ).toFixed(2)}× |`,
    `| CommunityEntitiesProcessor on Components (not ours) | ${N} | ${
      others.relations
    } | ${f(others.ms)} | ${f(others.usPerEntity)} | ${otherShare.toFixed(
      2,
    )}× |`,
    ``,
    `Goal: Community/Pattern at most 2× the built-in path per entity: **${
      ratio <= 2 ? 'met' : 'not met'
    }** (${ratio.toFixed(2)}×). Entities of other kinds cost ${f(
      others.usPerEntity,
    )} µs each (${(otherShare * 100).toFixed(1)}% of the built-in path).`,
  ].join('\n');
  console.log(table);
  writeSection('catalog-processor', table);
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
