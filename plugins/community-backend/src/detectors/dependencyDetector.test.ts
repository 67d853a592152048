import { RepositoryFiles } from '@copkit/plugin-community-node';
import { DependencyRule, dependencyDetector } from './dependencyDetector';
import { repositoryFilesFromRecord } from './testFiles';
import {
  repositoryHarness,
  testEntity,
} from './__testUtils__/repositoryHarness';

const entity = testEntity;
const { onDisk, fixture } = repositoryHarness();

const detect = (rule: DependencyRule, files: RepositoryFiles) =>
  dependencyDetector.detect({ rule, entity, files });

describe('npm', () => {
  it('matches in a monorepo when one of several manifests satisfies the range, noting the others', async () => {
    const files = await fixture('node-monorepo');
    await expect(
      detect(
        { ecosystem: 'npm', name: 'pino', version: '^8.0.0 || ^9.0.0' },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'services/api/package.json',
        line: 12,
        text: '"pino": "^8.21.0"',
      },
    });
  });

  it('misses when every declaration is outside the range, saying where', async () => {
    const files = await fixture('node-monorepo');
    await expect(
      detect({ ecosystem: 'npm', name: 'pino', version: '^9.0.0' }, files),
    ).resolves.toEqual({
      matched: false,
      notes: [
        'services/api/package.json declares pino ^8.21.0, outside ^9.0.0',
        'services/web/package.json declares pino ^7.11.0, outside ^9.0.0',
      ],
    });
  });

  it('needs only presence when the rule has no version, in any dependency section', async () => {
    const files = await fixture('node-monorepo');
    await expect(
      detect({ ecosystem: 'npm', name: 'typescript' }, files),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'package.json', line: 9 },
    });
    await expect(
      detect({ ecosystem: 'npm', name: 'react-dom' }, files),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'services/web/package.json' },
    });
    await expect(
      detect({ ecosystem: 'npm', name: 'redux' }, files),
    ).resolves.toEqual({ matched: false });
  });

  it('notes a declared version it cannot compare', async () => {
    const files = await fixture('node-monorepo');
    await expect(
      detect(
        { ecosystem: 'npm', name: '@acme/design-system', version: '^4.0.0' },
        files,
      ),
    ).resolves.toEqual({
      matched: false,
      notes: [
        'services/web/package.json declares @acme/design-system "workspace:*", which is not a version that can be checked against ^4.0.0',
      ],
    });
  });

  it('ignores manifests under node_modules, vendor and target', async () => {
    const files = repositoryFilesFromRecord({
      'package.json': '{ "dependencies": { "express": "^4.0.0" } }',
      'node_modules/pino/package.json':
        '{ "dependencies": { "pino": "^8.0.0" } }',
      'vendor/pino/package.json': '{ "dependencies": { "pino": "^8.0.0" } }',
      'target/package.json': '{ "dependencies": { "pino": "^8.0.0" } }',
    });
    await expect(
      detect({ ecosystem: 'npm', name: 'pino' }, files),
    ).resolves.toEqual({ matched: false });
  });
});

describe('maven', () => {
  it('matches a dependency whose version comes from <properties>', async () => {
    const files = await fixture('maven-service');
    await expect(
      detect(
        {
          ecosystem: 'maven',
          name: 'net.logstash.logback:logstash-logback-encoder',
          version: '>=7.0.0',
        },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'pom.xml',
        line: 40,
        text: '<artifactId>logstash-logback-encoder</artifactId>',
      },
    });
  });

  it('matches the parent POM and versions set in dependencyManagement', async () => {
    const files = await fixture('maven-service');
    await expect(
      detect(
        {
          ecosystem: 'maven',
          name: 'org.springframework.boot:spring-boot-starter-parent',
          version: '>=3.2.0',
        },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'pom.xml', line: 7 },
    });
    await expect(
      detect(
        { ecosystem: 'maven', name: 'dev.openfeature:sdk', version: '>=1.7.0' },
        files,
      ),
    ).resolves.toMatchObject({ matched: true, evidence: { line: 26 } });
  });

  it('matches build plugins, with the default plugin group', async () => {
    const files = await fixture('maven-service');
    await expect(
      detect(
        {
          ecosystem: 'maven',
          name: 'org.apache.maven.plugins:maven-surefire-plugin',
        },
        files,
      ),
    ).resolves.toMatchObject({ matched: true, evidence: { line: 61 } });
  });

  it('notes a managed dependency that has no version of its own', async () => {
    const files = await fixture('maven-service');
    await expect(
      detect(
        {
          ecosystem: 'maven',
          name: 'org.springframework.boot:spring-boot-starter-web',
          version: '>=3.0.0',
        },
        files,
      ),
    ).resolves.toEqual({
      matched: false,
      notes: [
        'pom.xml declares org.springframework.boot:spring-boot-starter-web without a version, so it cannot be checked against >=3.0.0',
      ],
    });
  });
});

describe('gradle', () => {
  it('matches string notation in the Kotlin DSL', async () => {
    const files = await fixture('gradle-service');
    await expect(
      detect(
        {
          ecosystem: 'gradle',
          name: 'io.micrometer:micrometer-registry-prometheus',
          version: '^1.12.0',
        },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'app/build.gradle.kts',
        line: 9,
        text: 'implementation("io.micrometer:micrometer-registry-prometheus:1.12.5")',
      },
    });
  });

  it('matches the version catalog, resolving version.ref', async () => {
    const files = await fixture('gradle-service');
    await expect(
      detect(
        {
          ecosystem: 'gradle',
          name: 'dev.openfeature:sdk',
          version: '>=1.7.0',
        },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'gradle/libs.versions.toml',
        line: 7,
        text: 'openfeature-sdk = { group = "dev.openfeature", name = "sdk", version.ref = "openfeature" }',
      },
    });
  });

  it('matches plugin ids, from plugins {} and from the catalog', async () => {
    const files = await fixture('gradle-service');
    await expect(
      detect(
        {
          ecosystem: 'gradle',
          name: 'io.spring.dependency-management',
          version: '^1.1.0',
        },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'app/build.gradle.kts', line: 4 },
    });
    await expect(
      detect(
        {
          ecosystem: 'gradle',
          name: 'org.springframework.boot',
          version: '>=3.2.0',
        },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'gradle/libs.versions.toml', line: 11 },
    });
  });

  it('reads map notation and resolves ${variables} from the same file', async () => {
    const files = await fixture('gradle-service');
    await expect(
      detect(
        {
          ecosystem: 'gradle',
          name: 'com.fasterxml.jackson.core:jackson-databind',
          version: '^2.17.0',
        },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'legacy/build.gradle', line: 18 },
    });
    await expect(
      detect(
        {
          ecosystem: 'gradle',
          name: 'org.springframework.boot:spring-boot-gradle-plugin',
          version: '>=3.2.0',
        },
        files,
      ),
    ).resolves.toEqual({
      matched: false,
      notes: [
        'legacy/build.gradle declares org.springframework.boot:spring-boot-gradle-plugin 2.7.18, outside >=3.2.0',
      ],
    });
  });

  it('does not see commented-out dependencies', async () => {
    const files = await fixture('gradle-service');
    await expect(
      detect(
        { ecosystem: 'gradle', name: 'org.apache.commons:commons-lang3' },
        files,
      ),
    ).resolves.toEqual({ matched: false });
  });
});

describe('go', () => {
  it('matches require lines and blocks', async () => {
    const files = await fixture('go-service');
    await expect(
      detect(
        { ecosystem: 'go', name: 'go.uber.org/zap', version: '>=1.24.0' },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: 'go.mod', line: 9, text: 'go.uber.org/zap v1.27.0' },
    });
    await expect(
      detect(
        { ecosystem: 'go', name: 'github.com/open-feature/go-sdk' },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: {
        line: 5,
        text: 'require github.com/open-feature/go-sdk v1.11.0',
      },
    });
  });

  it('leaves out indirect requirements and other major versions', async () => {
    const files = await fixture('go-service');
    await expect(
      detect({ ecosystem: 'go', name: 'go.uber.org/multierr' }, files),
    ).resolves.toEqual({ matched: false });
    await expect(
      detect({ ecosystem: 'go', name: 'github.com/go-chi/chi' }, files),
    ).resolves.toEqual({ matched: false });
  });
});

describe('pypi', () => {
  it('matches requirements files with PEP 503 names, extras and comments', async () => {
    const files = await fixture('python-service');
    await expect(
      detect({ ecosystem: 'pypi', name: 'openfeature-sdk' }, files),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'requirements/base.txt',
        line: 2,
        text: 'OpenFeature_SDK==0.7.0',
      },
    });
    await expect(
      detect(
        { ecosystem: 'pypi', name: 'uvicorn', version: '>=0.29.0' },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'requirements.txt', line: 5 },
    });
    await expect(
      detect({ ecosystem: 'pypi', name: 'httpx', version: '>=0.27.0' }, files),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'libs/client/pyproject.toml', line: 6 },
    });
  });

  it('reads PEP 621 and Poetry pyproject files', async () => {
    const files = await fixture('python-service');
    // Path order: libs/client/pyproject.toml (>=24.1.0) comes first.
    await expect(
      detect(
        { ecosystem: 'pypi', name: 'structlog', version: '>=24.0.0' },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'libs/client/pyproject.toml',
        line: 7,
        text: '"Structlog[dev] >= 24.1.0",',
      },
    });
    await expect(
      detect(
        { ecosystem: 'pypi', name: 'confluent_kafka', version: '^2.0.0' },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'pyproject.toml', line: 10 },
    });
    await expect(
      detect(
        { ecosystem: 'pypi', name: 'opentelemetry-sdk', version: '>=1.24.0' },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'libs/client/pyproject.toml', line: 11 },
    });
  });

  it('misses with a note per manifest outside the range', async () => {
    const files = await fixture('python-service');
    await expect(
      detect(
        { ecosystem: 'pypi', name: 'structlog', version: '>=25.0.0' },
        files,
      ),
    ).resolves.toEqual({
      matched: false,
      notes: [
        'libs/client/pyproject.toml declares Structlog >= 24.1.0, outside >=25.0.0',
        'pyproject.toml declares structlog ^22.3.0, outside >=25.0.0',
        'requirements.txt declares structlog >=23.1.0,<25, outside >=25.0.0',
      ],
    });
  });
});

describe('cargo', () => {
  it('matches [dependencies] in a workspace member, by a renamed crate’s real name', async () => {
    const files = await fixture('rust-service');
    await expect(
      detect(
        { ecosystem: 'cargo', name: 'open-feature', version: '>=0.2.0' },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'crates/api/Cargo.toml',
        line: 11,
        text: 'open_feature = { package = "open-feature", version = "0.2" }',
      },
    });
  });

  it('matches [workspace.dependencies], dotted tables and target tables', async () => {
    const files = await fixture('rust-service');
    await expect(
      detect({ ecosystem: 'cargo', name: 'tokio', version: '^1.30.0' }, files),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'Cargo.toml', line: 6 },
    });
    await expect(
      detect(
        { ecosystem: 'cargo', name: 'rdkafka', version: '>=0.36.0' },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: {
        path: 'crates/worker/Cargo.toml',
        line: 6,
        text: '[dependencies.rdkafka]',
      },
    });
    await expect(
      detect({ ecosystem: 'cargo', name: 'nix' }, files),
    ).resolves.toMatchObject({ matched: true, evidence: { line: 17 } });
  });
});

describe('nuget', () => {
  it('matches central package versions, case-insensitively', async () => {
    const files = await fixture('dotnet-service');
    await expect(
      detect(
        { ecosystem: 'nuget', name: 'serilog.aspnetcore', version: '>=8.0.0' },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'Directory.Packages.props',
        line: 7,
        text: '<PackageVersion Include="Serilog.AspNetCore" Version="8.0.1" />',
      },
    });
    await expect(
      detect(
        {
          ecosystem: 'nuget',
          name: 'Serilog.Formatting.Compact',
          version: '^3.0.0',
        },
        files,
      ),
    ).resolves.toMatchObject({ matched: true, evidence: { line: 8 } });
  });

  it('matches a version given as a child element', async () => {
    const files = await fixture('dotnet-service');
    await expect(
      detect(
        { ecosystem: 'nuget', name: 'Confluent.Kafka', version: '>=2.0.0' },
        files,
      ),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'src/Orders.Worker/Orders.Worker.csproj', line: 6 },
    });
  });
});

describe('manifests that cannot be read', () => {
  const pinoRule: DependencyRule = {
    ecosystem: 'npm',
    name: 'pino',
    version: '^8.0.0',
  };

  it('fails the rule when a malformed manifest might have held the answer', async () => {
    const files = await onDisk({
      'package.json': '{ "private": true }',
      'services/api/package.json': '{ "dependencies": { "pino": "^8.1.0", } }',
    });
    await expect(detect(pinoRule, files)).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(
        /^unreadable manifest services\/api\/package.json: .*JSON/,
      ),
    });
  });

  it('still matches through another manifest, with a note', async () => {
    const files = await onDisk({
      'services/a/package.json': '{ "dependencies": ',
      'services/b/package.json': '{ "dependencies": { "pino": "^8.1.0" } }',
    });
    const outcome = await detect(pinoRule, files);
    expect(outcome).toMatchObject({
      matched: true,
      evidence: { path: 'services/b/package.json', line: 1 },
    });
    expect(outcome.notes).toEqual([
      expect.stringMatching(/^unreadable manifest services\/a\/package.json: /),
    ]);
  });

  it.each([
    [
      'pom.xml',
      '<project><dependencies></project>',
      'maven',
      /^unreadable manifest pom.xml: line 1: .*dependencies/,
    ],
    [
      'Cargo.toml',
      '[dependencies]\nserde = = "1"',
      'cargo',
      /^unreadable manifest Cargo.toml: Invalid TOML document: .*\(line 2\)$/,
    ],
    [
      'pyproject.toml',
      '[project\nname = "x"',
      'pypi',
      /^unreadable manifest pyproject.toml: Invalid TOML/,
    ],
    [
      'go.mod',
      'module x\n\nrequire (\n\tgo.uber.org/zap v1.27.0\n',
      'go',
      /^unreadable manifest go.mod: the require block opened on line 3 is not closed$/,
    ],
    [
      'go.mod',
      'module x\nrequire go.uber.org/zap\n',
      'go',
      /^unreadable manifest go.mod: line 2: expected "module version", got "go.uber.org\/zap"$/,
    ],
    [
      'App.csproj',
      '<Project><ItemGroup></Project>',
      'nuget',
      /^unreadable manifest App.csproj: line 1: /,
    ],
    [
      'gradle/libs.versions.toml',
      '[libraries\n',
      'gradle',
      /^unreadable manifest gradle\/libs.versions.toml: /,
    ],
  ] as const)(
    'says why %s is unreadable',
    async (file, content, ecosystem, message) => {
      const files = repositoryFilesFromRecord({ [file]: content });
      await expect(
        detect({ ecosystem, name: 'anything' }, files),
      ).rejects.toThrow(message);
    },
  );

  it('skips over-cap manifests with a note', async () => {
    const files = await onDisk({
      'package.json': JSON.stringify({
        dependencies: { pino: '^8.0.0' },
        description: 'x'.repeat(2 * 1024 * 1024),
      }),
    });
    await expect(detect(pinoRule, files)).resolves.toEqual({
      matched: false,
      notes: ['skipped package.json: 2.0 MiB is over the 1.0 MiB limit'],
    });
  });

  it('treats a binary file with a manifest name as unreadable', async () => {
    const files = await onDisk({
      'package.json': Buffer.from([0x7b, 0x00, 0x7d]),
    });
    await expect(detect(pinoRule, files)).rejects.toThrow(
      'unreadable manifest package.json: it is a binary file',
    );
  });
});

describe('the rule in plain words', () => {
  it('says the ecosystem, name and range', () => {
    expect(
      dependencyDetector.describe({
        ecosystem: 'npm',
        name: 'pino',
        version: '^8.0.0',
      }),
    ).toBe('dependency: npm pino ^8.0.0');
    expect(
      dependencyDetector.describe({ ecosystem: 'go', name: 'go.uber.org/zap' }),
    ).toBe('dependency: go go.uber.org/zap');
  });
});
