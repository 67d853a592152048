import { RepositoryFiles } from '@copkit/plugin-community-node';
import { DependencyRule, dependencyDetector } from './dependencyDetector';
import { manifestFormats } from './manifests';
import { cargoToml } from './manifests/cargo';
import { buildGradle } from './manifests/gradle';
import { packageJson } from './manifests/npm';
import { pomXml } from './manifests/maven';
import { pyprojectToml, requirementsTxt } from './manifests/pypi';
import { repositoryFilesFromRecord } from './testFiles';
import {
  repositoryHarness,
  testEntity,
} from './__testUtils__/repositoryHarness';

const { fixture } = repositoryHarness();

const detect = (rule: DependencyRule, files: RepositoryFiles) =>
  dependencyDetector.detect({ rule, entity: testEntity, files });

const gradle = (name: string, version?: string): DependencyRule => ({
  ecosystem: 'gradle',
  name,
  version,
});

describe('Gradle declarations over several lines', () => {
  it.each([
    ['org.springframework.boot:spring-boot-starter-actuator', undefined, 13],
    ['com.fasterxml.jackson.core:jackson-databind', '^2.17.0', 15],
    ['io.github.resilience4j:resilience4j-circuitbreaker', '^2.2.0', 17],
    ['org.junit.jupiter:junit-jupiter', '^5.10.0', 25],
  ])('reads %s from a Groovy continuation', async (name, version, line) => {
    const files = await fixture('gradle-multiline');
    await expect(detect(gradle(name, version), files)).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'inventory/build.gradle', line },
    });
  });

  it.each([
    ['io.micrometer:micrometer-tracing-bridge-otel', '^1.3.0', 12],
    ['com.stripe:stripe-java', '>=26.0.0', 15],
    ['org.jetbrains.kotlin:kotlin-reflect', undefined, 19],
    ['io.kotest:kotest-runner-junit5', '^5.9.0', 21],
  ])('reads %s from a Kotlin DSL call', async (name, version, line) => {
    const files = await fixture('gradle-multiline');
    await expect(detect(gradle(name, version), files)).resolves.toMatchObject({
      matched: true,
      evidence: { path: 'billing/build.gradle.kts', line },
    });
  });

  it('names kotlin("jvm") by its plugin id, and reads apply plugin', async () => {
    const files = await fixture('gradle-multiline');
    await expect(
      detect(gradle('org.jetbrains.kotlin.jvm', '^1.9.0'), files),
    ).resolves.toMatchObject({
      matched: true,
      evidence: { line: 2, text: 'kotlin("jvm") version "1.9.24"' },
    });
    const legacy = repositoryFilesFromRecord({
      'build.gradle': "apply plugin: 'org.springframework.boot'\n",
    });
    await expect(
      detect(gradle('org.springframework.boot'), legacy),
    ).resolves.toMatchObject({ matched: true, evidence: { line: 1 } });
  });

  it('notes each declaration it cannot read, with file and line', async () => {
    const files = await fixture('gradle-multiline');
    await expect(
      detect(gradle('com.github.ben-manes.caffeine:caffeine'), files),
    ).resolves.toEqual({
      matched: false,
      notes: [
        'billing/build.gradle.kts line 22: cannot read the dependency declaration "runtimeOnly(billingDriver())", so it is not checked',
        'inventory/build.gradle line 23: cannot read the dependency declaration "implementation deps.caffeine", so it is not checked',
      ],
    });
  });

  it('stays fast on a hostile script of unclosed calls and quotes', async () => {
    const hostile = `dependencies {\n${'implementation("a:b:1", ('.repeat(
      20000,
    )}\n${"'".repeat(50000)}\n}`;
    const files = repositoryFilesFromRecord({ 'build.gradle': hostile });
    const started = Date.now();
    const outcome = await detect(gradle('a:b'), files);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(outcome.notes?.[0]).toMatch(
      /^build.gradle line 2: cannot read the dependency declaration "implementation/,
    );
    expect(outcome.notes![0].length).toBeLessThan(400);
  });
});

describe('pnpm catalogs', () => {
  const npm = (name: string, version?: string): DependencyRule => ({
    ecosystem: 'npm',
    name,
    version,
  });

  it('resolves the default catalog and named catalogs', async () => {
    const files = await fixture('pnpm-catalogs');
    await expect(detect(npm('typescript', '^5.5.0'), files)).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'package.json',
        line: 5,
        text: '"typescript": "catalog:"',
      },
    });
    await expect(
      detect(npm('@tanstack/react-query', '^5.0.0'), files),
    ).resolves.toMatchObject({ matched: true });
    await expect(detect(npm('zod', '~3.23.0'), files)).resolves.toMatchObject({
      matched: true,
    });
    await expect(detect(npm('react', '^19.0.0'), files)).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'apps/storefront/package.json',
        line: 5,
        text: '"react": "catalog:react19",',
      },
      notes: [
        'apps/admin/package.json declares react ^18.3.1, outside ^19.0.0',
      ],
    });
  });

  it('says which catalog or entry is missing', async () => {
    const files = await fixture('pnpm-catalogs');
    await expect(detect(npm('next', '^15.0.0'), files)).resolves.toEqual({
      matched: false,
      notes: [
        'apps/storefront/package.json declares next "catalog:next15", but pnpm-workspace.yaml has no catalog "next15", so it cannot be checked against ^15.0.0',
      ],
    });
    await expect(detect(npm('react-dom', '^19.0.0'), files)).resolves.toEqual({
      matched: false,
      notes: [
        'apps/admin/package.json declares react-dom ^18.3.1, outside ^19.0.0',
        'apps/storefront/package.json declares react-dom "catalog:react19", but the react19 catalog in pnpm-workspace.yaml has no entry for react-dom, so it cannot be checked against ^19.0.0',
      ],
    });
    await expect(detect(npm('clsx', '^2.0.0'), files)).resolves.toEqual({
      matched: false,
      notes: [
        'packages/ui/package.json declares clsx "catalog:", but the default catalog in pnpm-workspace.yaml has no entry for clsx, so it cannot be checked against ^2.0.0',
      ],
    });
  });

  it('says when there is no workspace file at the root', async () => {
    const files = repositoryFilesFromRecord({
      'web/package.json': '{ "dependencies": { "react": "catalog:" } }',
      'web/pnpm-workspace.yaml': 'catalog:\n  react: ^18.3.1\n',
    });
    await expect(detect(npm('react', '^18.0.0'), files)).resolves.toEqual({
      matched: false,
      notes: [
        'web/package.json declares react "catalog:", but the repository has no pnpm-workspace.yaml at its root to define catalogs, so it cannot be checked against ^18.0.0',
      ],
    });
  });
});

describe('Maven properties that expand each other', () => {
  const level = (name: string, next: string) =>
    `<${name}>${`\${${next}}`.repeat(20)}</${name}>`;
  const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.acme</groupId>
  <artifactId>ledger</artifactId>
  <version>1.0.0</version>
  <properties>
    ${level('a', 'b')}
    ${level('b', 'c')}
    ${level('c', 'd')}
    ${level('d', 'e')}
    <e>1.0.0-SNAPSHOT-expanded</e>
  </properties>
  <dependencies>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-api</artifactId>
      <version>\${a}</version>
    </dependency>
  </dependencies>
</project>
`;

  it('keeps the note small', async () => {
    expect(pom.length).toBeLessThan(1500);
    const files = repositoryFilesFromRecord({ 'pom.xml': pom });
    const outcome = await detect(
      { ecosystem: 'maven', name: 'org.slf4j:slf4j-api', version: '^2.0.0' },
      files,
    );
    expect(outcome.matched).toBe(false);
    expect(outcome.notes).toHaveLength(1);
    expect(outcome.notes![0]).toMatch(
      /^pom.xml declares org.slf4j:slf4j-api ".*", which is not a version that can be checked against \^2.0.0$/,
    );
    expect(outcome.notes![0].length).toBeLessThan(400);
  });
});

describe('what the documented sections cover', () => {
  it('reads Maven profiles and pluginManagement, not properties of a parent', () => {
    const pom = `<project>
  <parent>
    <groupId>com.acme.platform</groupId>
    <artifactId>service-parent</artifactId>
    <version>4.2.0</version>
  </parent>
  <artifactId>ledger</artifactId>
  <build>
    <pluginManagement>
      <plugins>
        <plugin>
          <artifactId>maven-failsafe-plugin</artifactId>
          <version>3.3.1</version>
        </plugin>
      </plugins>
    </pluginManagement>
  </build>
  <profiles>
    <profile>
      <id>native</id>
      <dependencies>
        <dependency>
          <groupId>org.graalvm.sdk</groupId>
          <artifactId>graal-sdk</artifactId>
          <version>\${graalvm.version}</version>
        </dependency>
      </dependencies>
    </profile>
  </profiles>
</project>`;
    expect(pomXml.parse(pom)).toEqual([
      expect.objectContaining({
        name: 'com.acme.platform:service-parent',
        version: '4.2.0',
      }),
      expect.objectContaining({
        name: 'org.apache.maven.plugins:maven-failsafe-plugin',
        version: '3.3.1',
      }),
      // graalvm.version is set in the parent POM, which is not fetched.
      expect.objectContaining({
        name: 'org.graalvm.sdk:graal-sdk',
        version: '${graalvm.version}',
      }),
    ]);
  });

  it('reads Python groups and extras, not build requirements or .in files', () => {
    const pyproject = `[build-system]
requires = ["hatchling>=1.24"]
build-backend = "hatchling.build"

[project]
name = "ledger"
dependencies = ["httpx>=0.27"]

[project.optional-dependencies]
postgres = ["psycopg[binary]>=3.1"]

[dependency-groups]
test = ["pytest>=8.2"]

[tool.poetry.group.docs.dependencies]
mkdocs-material = "^9.5"
`;
    const names = pyprojectToml.parse(pyproject).map(d => d.name);
    expect(names).toEqual(['httpx', 'psycopg', 'pytest', 'mkdocs-material']);
    expect(requirementsTxt.isManifest('requirements/dev.txt')).toBe(true);
    expect(requirementsTxt.isManifest('requirements/dev.in')).toBe(false);
    expect(requirementsTxt.isManifest('requirements.in')).toBe(false);
  });

  it('reads Cargo build and target dependencies', () => {
    const cargo = `[package]
name = "ledger"
version = "0.3.0"

[build-dependencies]
prost-build = "0.13"

[target.'cfg(unix)'.dependencies]
nix = { version = "0.29", features = ["signal"] }
`;
    expect(cargoToml.parse(cargo)).toEqual([
      { name: 'prost-build', version: '0.13', line: 6 },
      { name: 'nix', version: '0.29', line: 9 },
    ]);
  });
});

describe('files and sections that are not read', () => {
  it.each([
    'requirements.in',
    'setup.py',
    'Pipfile',
    'packages.config',
    'Cargo.lock',
    'go.sum',
    'gradle.properties',
    'settings.gradle.kts',
    'pnpm-lock.yaml',
  ])('does not read %s', path => {
    const all = Object.values(manifestFormats).flat();
    expect(all.filter(f => f.isManifest(path))).toEqual([]);
  });

  it('reads Gradle constraints and testFixtures, skips project and file dependencies', () => {
    const text = `dependencies {
    testImplementation(testFixtures("com.acme:ledger-core:2.1.0"))
    implementation(project(":ledger-api"))
    constraints {
        implementation("org.yaml:snakeyaml:2.2")
    }
}`;
    const notes: string[] = [];
    const context = {
      path: 'build.gradle.kts',
      companions: new Map(),
      note: (n: string) => notes.push(n),
    };
    expect(buildGradle.parse(text, context)).toEqual([
      { name: 'com.acme:ledger-core', version: '2.1.0', line: 2 },
      { name: 'org.yaml:snakeyaml', version: '2.2', line: 5 },
    ]);
    expect(notes).toEqual([]);
  });

  it('does not read npm overrides', () => {
    const text = '{ "overrides": { "semver": "^7.6.0" } }';
    expect(packageJson.parse(text)).toEqual([]);
  });
});
