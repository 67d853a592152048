import { Entity } from '@backstage/catalog-model';
import { PatternDetectionRule } from '@copkit/plugin-community-common';
import fs from 'node:fs';
import path from 'node:path';
import { Random } from './random';
import {
  COMMUNITY,
  DOMAINS,
  LANGUAGES,
  RESOURCES,
  SYSTEMS_PER_DOMAIN,
  TAGS,
  TEMPLATES,
  UiCatalogSize,
  communities,
  landscape,
  org,
  pad,
  patternName,
  resourceName,
  serviceName,
  systemName,
  teamCount,
  teamName,
  templateName,
  templates,
} from './uiOrg';

export { COMMUNITY, TEAM_SIZE, serviceName } from './uiOrg';
export type { UiCatalogSize } from './uiOrg';

function service(i: number, teams: number, rng: Random): Entity {
  const type = rng.weighted({ service: 80, website: 12, library: 8 });
  const tags = [
    rng.pick(LANGUAGES),
    // Zipf-like: practice-0 on most services, practice-29 on few.
    ...TAGS.filter((_, t) => rng.chance(0.9 / (1 + t * 0.35))),
  ];
  const template = rng.chance(0.6)
    ? templateName(rng.int(0, TEMPLATES - 1))
    : undefined;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: serviceName(i),
      description: `Generated service ${i} of the UI benchmark`,
      tags,
      annotations: {
        'backstage.io/source-location': `url:https://repos.bench.example/${serviceName(
          i,
        )}/`,
        ...(template
          ? { 'backstage.io/source-template': `template:default/${template}` }
          : {}),
      },
    },
    spec: {
      type,
      lifecycle: rng.chance(0.85) ? 'production' : 'experimental',
      owner: `group:default/${teamName(i % teams)}`,
      system: systemName(i % (DOMAINS.length * SYSTEMS_PER_DOMAIN)),
      dependsOn: rng
        .sample(
          Array.from({ length: RESOURCES }, (_, r) => r),
          rng.int(0, 3),
        )
        .map(r => `resource:default/${resourceName(r)}`),
    },
  };
}

function rule(rng: Random): PatternDetectionRule {
  switch (rng.weighted({ tag: 5, sourceTemplate: 2, dependsOn: 2, ann: 1 })) {
    case 'tag':
      return { tag: rng.pick(TAGS) };
    case 'sourceTemplate':
      return {
        sourceTemplate: `template:default/${templateName(
          rng.int(0, TEMPLATES - 1),
        )}`,
      };
    case 'dependsOn':
      return {
        dependsOn: `resource:default/${resourceName(
          rng.int(0, RESOURCES - 1),
        )}`,
      };
    default:
      return {
        annotation: { key: 'backstage.io/source-template' },
      };
  }
}

function pattern(i: number, size: UiCatalogSize, rng: Random): Entity {
  const appliesTo = rng.weighted({ service: 6, website: 2, production: 1 });
  const rules = Array.from({ length: rng.int(1, 3) }, () => rule(rng));
  const exempt = rng.chance(0.2)
    ? rng.sample(
        Array.from({ length: 30 }, (_, k) => (k * 331 + i) % size.services),
        rng.int(1, 3),
      )
    : [];
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Pattern',
    metadata: {
      name: patternName(i),
      title: `Pattern ${i}: ${rng.pick([
        'Observability',
        'Resilience',
        'Security',
        'Delivery',
        'Data',
      ])} practice`,
      description: `Generated pattern ${i} of the UI benchmark.`,
      tags: ['bench'],
      links: [
        {
          url: `https://wiki.example.com/${COMMUNITY}/${patternName(i)}`,
          title: 'How to adopt',
          type: 'docs',
        },
      ],
    },
    spec: {
      type: rng.pick(['architecture', 'code', 'process', 'infrastructure']),
      status: rng.pick(['adopt', 'trial', 'assess', 'hold']),
      owner: `group:default/${teamName(i % 10)}`,
      community: `community:default/${COMMUNITY}`,
      templates: [`template:default/${templateName(i % TEMPLATES)}`],
      appliesTo:
        appliesTo === 'production'
          ? { kinds: ['Component'], lifecycles: ['production'] }
          : { kinds: ['Component'], types: [appliesTo] },
      detection: { match: rng.chance(0.85) ? 'any' : 'all', rules },
      ...(exempt.length
        ? {
            exemptions: exempt.map(s => ({
              entity: `component:default/${serviceName(s)}`,
              reason: 'Replaced next quarter',
              until: '2099-12-31',
            })),
          }
        : {}),
    },
  };
}

export function uiCatalog(size: UiCatalogSize): Map<string, Entity[]> {
  const rng = new Random(42);
  const teams = teamCount(size);
  const files = new Map<string, Entity[]>();
  files.set('org.yaml', org(size));
  files.set('landscape.yaml', landscape());
  files.set('communities.yaml', communities(size));
  files.set('templates.yaml', templates());
  files.set(
    'patterns.yaml',
    Array.from({ length: size.patterns }, (_, i) => pattern(i, size, rng)),
  );
  for (let start = 0; start < size.services; start += 1000) {
    const end = Math.min(size.services, start + 1000);
    files.set(
      `services-${pad(start / 1000, 2)}.yaml`,
      Array.from({ length: end - start }, (_, k) =>
        service(start + k, teams, rng),
      ),
    );
  }
  return files;
}

/**
 * Writes the catalog as YAML files (one JSON document each; YAML is a
 * superset of JSON) plus `all.yaml`, a Location listing them. Returns the
 * path of `all.yaml` and the number of entities per kind.
 */
export function writeUiCatalog(dir: string, files: Map<string, Entity[]>) {
  fs.mkdirSync(dir, { recursive: true });
  const kinds = new Map<string, number>();
  for (const [name, entities] of files) {
    for (const entity of entities) {
      kinds.set(entity.kind, (kinds.get(entity.kind) ?? 0) + 1);
    }
    const text = entities.map(e => `---\n${JSON.stringify(e)}\n`).join('');
    fs.writeFileSync(path.join(dir, name), text);
  }
  const location = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: 'ui-benchmark' },
    spec: { targets: [...files.keys()].map(name => `./${name}`) },
  };
  const all = path.join(dir, 'all.yaml');
  fs.writeFileSync(all, `${JSON.stringify(location)}\n`);
  kinds.set('Location', 1);
  return { all, kinds };
}
