import { Ecosystem } from './packages';
import { Random } from './random';
import { RepoSpec } from './repoSpecs';
import { manifestFiles, pascal } from './manifests';

const WORDS = [
  'order',
  'payment',
  'invoice',
  'customer',
  'cart',
  'price',
  'stock',
  'refund',
  'shipment',
  'account',
  'session',
  'token',
  'report',
  'event',
  'ledger',
  'quote',
  'basket',
  'voucher',
  'address',
  'profile',
];

type Lang = { dir: string; ext: string; line: (rng: Random) => string };

const LANGS: Record<Ecosystem, Lang> = {
  npm: {
    dir: 'src',
    ext: 'ts',
    line: r =>
      `  const ${w(r)}${cap(w(r))} = await ${w(r)}Service.find${cap(w(r))}(${w(
        r,
      )}Id);`,
  },
  maven: {
    dir: 'src/main/java/com/acme',
    ext: 'java',
    line: r =>
      `        var ${w(r)} = ${w(r)}Repository.findBy${cap(w(r))}(${w(r)}Id);`,
  },
  gradle: {
    dir: 'src/main/kotlin/com/acme',
    ext: 'kt',
    line: r =>
      `        val ${w(r)} = ${w(r)}Repository.findBy${cap(w(r))}(${w(r)}Id)`,
  },
  go: {
    dir: 'internal',
    ext: 'go',
    line: r =>
      `\t${w(r)}, err := s.${w(r)}Store.Get${cap(w(r))}(ctx, ${w(r)}ID)`,
  },
  pypi: {
    dir: 'app',
    ext: 'py',
    line: r => `    ${w(r)} = await ${w(r)}_repo.get_${w(r)}(${w(r)}_id)`,
  },
  cargo: {
    dir: 'src',
    ext: 'rs',
    line: r =>
      `    let ${w(r)} = state.${w(r)}_store.get_${w(r)}(${w(r)}_id).await?;`,
  },
  nuget: {
    dir: 'src',
    ext: 'cs',
    line: r =>
      `            var ${w(r)} = await _${w(r)}Repository.Get${cap(
        w(r),
      )}Async(${w(r)}Id);`,
  },
};

function w(rng: Random) {
  return rng.pick(WORDS);
}
function cap(s: string) {
  return s[0].toUpperCase() + s.slice(1);
}

/** Lines that some patterns look for, on the first source file. */
function markers(spec: RepoSpec): string[] {
  const f = spec.features;
  const client =
    spec.ecosystem === 'maven' ? 'SecretsManagerClient' : 'secretsmanager';
  return [
    ...(f.health ? [`  // GET /healthz answers the readiness probe`] : []),
    ...(f.secrets
      ? [`  const secret = ${client}.getSecretValue("${spec.name}/db");`]
      : []),
    ...(f.idempotent ? [`    @Idempotent(header = "Idempotency-Key")`] : []),
  ];
}

function source(rng: Random, spec: RepoSpec, lang: Lang, extra: string[]) {
  const lines = [
    `// ${spec.name}: generated source for the adoption benchmark`,
    '',
  ];
  const blocks = rng.int(3, 14);
  for (let b = 0; b < blocks; b++) {
    lines.push(`function handle${cap(w(rng))}${b}(${w(rng)}Id) {`);
    for (let i = rng.int(3, 9); i > 0; i--) lines.push(lang.line(rng));
    if (b === 1) lines.push(...extra);
    lines.push(`  return ${w(rng)};`, `}`, '');
  }
  return `${lines.join('\n')}\n`;
}

function sources(rng: Random, spec: RepoSpec, count: number) {
  const lang = LANGS[spec.ecosystem];
  const files: Record<string, string> = {};
  const pkg = spec.name.replace(/-/g, '');
  const dir =
    spec.ecosystem === 'nuget' ? `${lang.dir}/${pascal(spec.name)}` : lang.dir;
  const sub = ['', 'api/', 'domain/', 'infra/'];
  const extra = markers(spec);
  for (let i = 0; i < count; i++) {
    const base = `${sub[i % sub.length]}${w(rng)}${i}`;
    const path =
      spec.ecosystem === 'maven' || spec.ecosystem === 'gradle'
        ? `${dir}/${pkg}/${sub[i % sub.length]}${cap(w(rng))}${i}.${lang.ext}`
        : `${dir}/${base}.${lang.ext}`;
    files[path] = source(rng, spec, lang, i === 0 ? extra : []);
  }
  if (spec.features.tests) {
    const test = {
      npm: `${lang.dir}/app.test.ts`,
      maven: `src/test/java/com/acme/${pkg}/AppTest.java`,
      gradle: `src/test/kotlin/com/acme/${pkg}/AppTest.kt`,
      go: `${lang.dir}/app_test.go`,
      pypi: `tests/test_app.py`,
      cargo: `tests/app.rs`,
      nuget: `tests/${pascal(spec.name)}.Tests/AppTests.cs`,
    }[spec.ecosystem];
    files[test] = source(rng, spec, lang, []);
  }
  return files;
}

const BASE_IMAGE: Record<Ecosystem, string> = {
  npm: 'node:20-alpine',
  maven: 'eclipse-temurin:21-jre',
  gradle: 'eclipse-temurin:21-jre',
  go: 'golang:1.22',
  pypi: 'python:3.12-slim',
  cargo: 'rust:1.79',
  nuget: 'mcr.microsoft.com/dotnet/aspnet:8.0',
};

function infrastructure(spec: RepoSpec): Record<string, string> {
  const f = spec.features;
  const files: Record<string, string> = {};
  if (f.dockerfile) {
    const from = f.acmeBase
      ? `acme/base-${spec.ecosystem}:2024.06`
      : BASE_IMAGE[spec.ecosystem];
    files.Dockerfile = `FROM ${from}\nWORKDIR /app\nCOPY . .\n${
      f.nonRoot ? 'USER app\n' : ''
    }EXPOSE 8080\nCMD ["./start"]\n`;
  }
  const steps = `      - run: make build\n      - run: make test\n${
    f.sbom ? '      - run: syft . -o cyclonedx-json > sbom.json\n' : ''
  }`;
  if (f.ci === 'github') {
    files[
      '.github/workflows/ci.yml'
    ] = `name: CI\non: [push, pull_request]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;
    if (spec.type === 'service') {
      files[
        '.github/workflows/deploy.yml'
      ] = `name: Deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: helm upgrade --install ${spec.name} charts/${spec.name}\n`;
    }
  } else if (f.ci === 'jenkins') {
    files.Jenkinsfile = `pipeline {\n  agent any\n  stages {\n    stage('Build') { steps { sh 'make build' } }\n    stage('Test') { steps { sh 'make test' } }\n${
      f.sbom ? "    stage('SBOM') { steps { sh 'cyclonedx-cli' } }\n" : ''
    }  }\n}\n`;
  } else if (f.ci === 'gitlab') {
    files[
      '.gitlab-ci.yml'
    ] = `stages: [build, test]\nbuild:\n  script: make build\ntest:\n  script: make test\n`;
  }
  if (f.helm) {
    const chart = `charts/${spec.name}`;
    files[
      `${chart}/Chart.yaml`
    ] = `apiVersion: v2\nname: ${spec.name}\nversion: 1.0.0\n`;
    files[
      `${chart}/values.yaml`
    ] = `replicaCount: 2\nimage:\n  repository: acme/${spec.name}\n`;
    files[
      `${chart}/templates/deployment.yaml`
    ] = `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n`;
  }
  return files;
}

function documentation(spec: RepoSpec): Record<string, string> {
  const f = spec.features;
  const files: Record<string, string> = {
    'README.md': `# ${spec.name}\n\nOwned by ${spec.owner}. Part of ${spec.system}.\n\n## Running locally\n\n    make run\n`,
    'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${spec.name}\nspec:\n  type: ${spec.type}\n  owner: ${spec.owner}\n`,
    '.gitignore': 'node_modules/\ndist/\ntarget/\n__pycache__/\n',
  };
  if (f.codeowners !== 'none') {
    const path = f.codeowners === 'root' ? 'CODEOWNERS' : '.github/CODEOWNERS';
    files[path] = `* @acme/${spec.owner.split('/')[1]}\n`;
  }
  for (let i = 1; i <= f.adr; i++) {
    files[
      `docs/adr/000${i}-decision-${i}.md`
    ] = `# ${i}. Decision ${i}\n\nStatus: accepted\n`;
  }
  if (f.mkdocs) {
    files['mkdocs.yml'] = `site_name: ${spec.name}\nplugins: [techdocs-core]\n`;
    files['docs/index.md'] = `# ${spec.name}\n`;
  }
  if (f.openapi)
    files[
      'openapi.yaml'
    ] = `openapi: 3.0.3\ninfo:\n  title: ${spec.name}\n  version: 1.0.0\npaths: {}\n`;
  if (f.proto)
    files[
      `proto/acme/${spec.name.replace(/-/g, '_')}/v1/service.proto`
    ] = `syntax = "proto3";\npackage acme.v1;\nservice Api { rpc Get (Req) returns (Res); }\n`;
  if (f.renovate)
    files['renovate.json'] = `{ "extends": ["config:recommended"] }\n`;
  if (f.migrations)
    files[
      'migrations/0001_init.sql'
    ] = `CREATE TABLE items (id uuid PRIMARY KEY);\n`;
  return files;
}

/** Every file of a repository, path → content; 10 to 30 files. */
export function filesOf(spec: RepoSpec, seed: number): Record<string, string> {
  const rng = new Random(seed);
  const fixed = {
    ...manifestFiles(spec),
    ...infrastructure(spec),
    ...documentation(spec),
  };
  const tests = spec.features.tests ? 1 : 0;
  const target = rng.int(10, 30);
  const count = Math.max(2, target - Object.keys(fixed).length - tests);
  return { ...fixed, ...sources(rng, spec, count) };
}
