import { DEV_PACKAGES, Ecosystem, PACKAGES, Pkg } from './packages';
import { Random } from './random';

/** What one generated repository is, and what its catalog entity says. */
export type RepoSpec = {
  name: string;
  ecosystem: Ecosystem;
  type: 'service' | 'website' | 'library';
  lifecycle: 'production' | 'experimental';
  owner: string;
  system: string;
  tags: string[];
  annotations: Record<string, string>;
  dependsOn: string[];
  deps: Array<{ name: string; version: string }>;
  devDeps: Array<{ name: string; version: string }>;
  features: {
    dockerfile: boolean;
    acmeBase: boolean;
    nonRoot: boolean;
    ci: 'github' | 'jenkins' | 'gitlab' | 'none';
    sbom: boolean;
    helm: boolean;
    codeowners: 'root' | 'github' | 'none';
    adr: number;
    openapi: boolean;
    proto: boolean;
    mkdocs: boolean;
    renovate: boolean;
    migrations: boolean;
    health: boolean;
    secrets: boolean;
    idempotent: boolean;
    tests: boolean;
    mypy: boolean;
    ruffConfig: boolean;
    monorepo: boolean;
  };
};

export const LANGUAGE_TAG: Record<Ecosystem, string> = {
  npm: 'node',
  maven: 'java',
  gradle: 'kotlin',
  go: 'go',
  pypi: 'python',
  cargo: 'rust',
  nuget: 'dotnet',
};

const EXTRA_TAGS = [
  'payments',
  'structured-logging',
  'design-system',
  'grpc',
  'api-first',
  'supply-chain',
  'pci',
  'batch',
];

const TEMPLATES: Partial<Record<Ecosystem, string>> = {
  npm: 'template:default/node-service',
  maven: 'template:default/java-service',
  gradle: 'template:default/java-service',
  go: 'template:default/go-service',
};

function choose(rng: Random, pool: Pkg[] | undefined) {
  return (pool ?? [])
    .filter(p => rng.chance(p.p))
    .map(p => ({ name: p.name, version: rng.pick(p.versions) }));
}

/** The catalog-side facts of repository `index`. */
function catalogFacts(rng: Random, ecosystem: Ecosystem) {
  const type =
    ecosystem === 'npm'
      ? rng.weighted({ service: 55, website: 30, library: 15 })
      : rng.weighted({ service: 85, website: 0, library: 15 });
  const tags = [
    LANGUAGE_TAG[ecosystem],
    ...rng.sample(EXTRA_TAGS, rng.int(0, 2)),
  ];
  if (type === 'website') tags.push('react');
  const annotations: Record<string, string> = {};
  const template = TEMPLATES[ecosystem];
  if (template && rng.chance(0.35)) {
    annotations['backstage.io/source-template'] = template;
  }
  if (type === 'website' && rng.chance(0.4)) {
    annotations['backstage.io/source-template'] =
      'template:default/react-website';
  }
  if (rng.chance(0.5)) annotations['backstage.io/kubernetes-id'] = 'x';
  if (rng.chance(0.3)) annotations['backstage.io/techdocs-ref'] = 'dir:.';
  if (tags.includes('payments') && rng.chance(0.6)) {
    annotations['acme.example.com/pci-scope'] = 'cardholder-data';
  }
  const dependsOn = [
    ...(rng.chance(0.3) ? ['resource:default/log-pipeline'] : []),
    ...(rng.chance(0.2) ? ['resource:default/vault'] : []),
    ...(rng.chance(0.4) ? [`resource:default/db-${rng.int(1, 30)}`] : []),
  ];
  return { type, tags, annotations, dependsOn };
}

function featuresOf(rng: Random, ecosystem: Ecosystem, type: string) {
  const dockerfile = type !== 'library' && rng.chance(0.85);
  const jvm = ecosystem === 'maven' || ecosystem === 'gradle';
  return {
    dockerfile,
    acmeBase: dockerfile && rng.chance(0.55),
    nonRoot: dockerfile && rng.chance(0.5),
    ci: rng.weighted({ github: 60, jenkins: 20, gitlab: 12, none: 8 }),
    sbom: rng.chance(0.25),
    helm: type === 'service' && rng.chance(0.45),
    codeowners: rng.weighted({ root: 20, github: 40, none: 40 }),
    adr: rng.chance(0.3) ? rng.int(1, 3) : 0,
    openapi: type === 'service' && rng.chance(0.35),
    proto: (ecosystem === 'go' || jvm) && rng.chance(0.3),
    mkdocs: rng.chance(0.25),
    renovate: rng.chance(0.5),
    migrations: type === 'service' && rng.chance(0.3),
    health: type === 'service' && rng.chance(0.6),
    secrets: rng.chance(0.2),
    idempotent: jvm && rng.chance(0.35),
    tests: rng.chance(0.75),
    mypy: ecosystem === 'pypi' && rng.chance(0.4),
    ruffConfig: ecosystem === 'pypi' && rng.chance(0.5),
    monorepo: ecosystem === 'npm' && rng.chance(0.1),
  } as RepoSpec['features'];
}

/** `count` repositories, the same for the same seed. */
export function generateSpecs(count: number, seed: number): RepoSpec[] {
  const rng = new Random(seed);
  const width = String(count).length;
  return Array.from({ length: count }, (_, i) => {
    const ecosystem = rng.weighted<Ecosystem>({
      npm: 34,
      maven: 18,
      gradle: 9,
      go: 16,
      pypi: 15,
      cargo: 4,
      nuget: 4,
    });
    const facts = catalogFacts(rng, ecosystem);
    return {
      name: `svc-${String(i).padStart(width, '0')}`,
      ecosystem,
      lifecycle: rng.chance(0.8) ? 'production' : 'experimental',
      owner: `group:default/team-${rng.int(0, 49)}`,
      system: `system-${rng.int(0, 39)}`,
      ...facts,
      deps: choose(rng, PACKAGES[ecosystem]),
      devDeps: choose(rng, DEV_PACKAGES[ecosystem]),
      features: featuresOf(rng, ecosystem, facts.type),
    };
  });
}
