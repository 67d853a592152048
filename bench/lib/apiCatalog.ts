import { Entity } from '@backstage/catalog-model';
import { StoredResult } from '../../plugins/community-backend/src/database/AdoptionStore';
import { partitionOf } from '../../plugins/community-backend/src/scan/partition';
import { domainEntities, systemEntities } from './catalog';
import { PatternDef, SCAN_PATTERNS, patternEntity } from './patterns';
import { Random } from './random';

const TEAMS = 50;
const USERS = 300;
const SYSTEMS = 40;
const DOMAINS = 8;
const TEMPLATES = [
  'node-service',
  'java-service',
  'go-service',
  'react-website',
];

/** `count` patterns: the scan benchmark's 30, then simple tag patterns. */
export function apiPatterns(count: number): PatternDef[] {
  const extra = Array.from(
    { length: Math.max(0, count - SCAN_PATTERNS.length) },
    (_, i) => ({
      name: `practice-${i}`,
      community: `community-${i % 12}`,
      rules: [{ tag: `practice-${i}` }],
    }),
  );
  return [...SCAN_PATTERNS, ...extra].slice(0, count);
}

const communityNames = (patterns: PatternDef[]) => [
  ...new Set(patterns.map(p => p.community)),
];

/** The name of the `i`th Component. */
export const serviceName = (i: number) =>
  `service-${String(i).padStart(5, '0')}`;

function component(i: number, rng: Random): Entity {
  const name = serviceName(i);
  const owner = `group:default/team-${i % TEAMS}`;
  const system = `system-${i % SYSTEMS}`;
  const template = rng.chance(0.4)
    ? TEMPLATES[i % TEMPLATES.length]
    : undefined;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      tags: ['node'],
      annotations: {
        'backstage.io/source-location': `url:https://bench.repos/${name}/`,
        ...(template
          ? { 'backstage.io/source-template': `template:default/${template}` }
          : {}),
      },
    },
    spec: { type: 'service', lifecycle: 'production', owner, system },
  };
}

/** A team; its members name it in `spec.memberOf`. */
function group(i: number): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: `team-${i}`, namespace: 'default', title: `Team ${i}` },
    spec: { type: 'team', children: [] },
  };
}

function user(i: number): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: `user-${i}`, namespace: 'default' },
    spec: {
      profile: { displayName: `User ${i}` },
      memberOf: [`team-${Math.floor(i / (USERS / TEAMS))}`],
    },
  };
}

function community(name: string, i: number, components: number): Entity {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Community',
    metadata: {
      name,
      namespace: 'default',
      title: `Community ${name}`,
      links: [{ url: `https://chat.example.com/${name}`, type: 'chat' }],
    },
    spec: {
      type: 'community',
      domain: `Shared expertise: ${name}`,
      owner: `group:default/team-${i}`,
      leads: [`user:default/user-${i * 7}`, `user:default/user-${i * 7 + 3}`],
      members: [
        `group:default/team-${(i + 10) % TEAMS}`,
        `user:default/user-${(i * 13) % USERS}`,
      ],
      valueStreams: [`domain:default/domain-${i % DOMAINS}`],
      services: Array.from(
        { length: 20 },
        (_, k) =>
          `component:default/${serviceName((i * 97 + k * 31) % components)}`,
      ),
    },
  };
}

function template(name: string, i: number, communities: string[]): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name,
      namespace: 'default',
      title: `Template ${name}`,
      annotations: {
        'copkit.io/community': `community:default/${
          communities[i % communities.length]
        }`,
      },
    },
    spec: { type: 'service', steps: [] },
  };
}

/**
 * Every entity of the API benchmark's catalog, as their sources hold them:
 * the catalog computes relations and uids.
 */
export function apiEntities(
  components: number,
  patterns: PatternDef[],
): Entity[] {
  const rng = new Random(7);
  const communities = communityNames(patterns);
  return [
    ...Array.from({ length: components }, (_, i) => component(i, rng)),
    ...patterns.map(p => patternEntity(p) as Entity),
    ...communities.map((name, i) => community(name, i, components)),
    ...TEMPLATES.map((name, i) => template(name, i, communities)),
    ...Array.from({ length: TEAMS }, (_, i) => group(i)),
    ...Array.from({ length: USERS }, (_, i) => user(i)),
    ...systemEntities(SYSTEMS, DOMAINS),
    ...domainEntities(DOMAINS),
  ];
}

/** Results of every component against every pattern, `batch` at a time. */
export function* apiResults(
  components: Entity[],
  patterns: PatternDef[],
  batch: number,
): Generator<StoredResult[]> {
  const rng = new Random(11);
  const checkedAt = new Date().toISOString();
  let rows: StoredResult[] = [];
  for (const entity of components) {
    const entityRef = `component:default/${entity.metadata.name}`;
    const location =
      entity.metadata.annotations!['backstage.io/source-location'];
    const system = entity.spec!.system as string;
    const valueStream = `domain:default/domain-${
      Number(system.split('-')[1]) % DOMAINS
    }`;
    for (const pattern of patterns) {
      const status = rng.weighted({
        adopted: 35,
        'not-adopted': 45,
        'not-applicable': 12,
        exempt: 3,
        error: 5,
      });
      rows.push({
        entityRef,
        patternRef: `pattern:default/${pattern.name}`,
        communityRef: `community:default/${pattern.community}`,
        valueStream,
        ownerRef: String(entity.spec!.owner),
        status,
        evidence:
          status === 'adopted'
            ? [
                {
                  rule: 'dependency: npm pino ^8.0.0 || ^9.0.0',
                  path: 'package.json',
                  line: 12,
                  text: '"pino": "^9.3.1",',
                },
              ]
            : [],
        tried:
          status === 'not-adopted'
            ? [
                'dependency: npm pino ^8.0.0 || ^9.0.0',
                'file: Dockerfile contains "^FROM acme/base-"',
              ]
            : [],
        notes: [],
        ...(status === 'exempt'
          ? { reason: 'batch job', exemptUntil: '2099-12-31' }
          : {}),
        ...(status === 'not-applicable'
          ? { reason: 'applies to types website; this is type service' }
          : {}),
        ...(status === 'error'
          ? {
              reason: `could not read repository ${location.slice(4)}: timeout`,
            }
          : {}),
        checkedAt,
        partition: partitionOf(location.slice(4), 4),
        fingerprint: `${entityRef}|${pattern.name}`
          .padEnd(43, 'x')
          .slice(0, 43),
      });
      if (rows.length === batch) {
        yield rows;
        rows = [];
      }
    }
  }
  if (rows.length) yield rows;
}
