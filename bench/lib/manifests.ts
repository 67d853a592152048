import { RepoSpec } from './repoSpecs';

type Dep = { name: string; version: string };

/** The manifest files of a repository's ecosystem, path → content. */
export function manifestFiles(spec: RepoSpec): Record<string, string> {
  const { name, deps } = spec;
  switch (spec.ecosystem) {
    case 'npm':
      return npm(spec);
    case 'maven':
      return { 'pom.xml': pom(name, deps) };
    case 'gradle':
      return gradle(spec);
    case 'go':
      return { 'go.mod': goMod(name, deps) };
    case 'pypi':
      return pypi(spec);
    case 'cargo':
      return { 'Cargo.toml': cargo(name, deps) };
    default: {
      const project = pascal(name);
      return { [`src/${project}/${project}.csproj`]: csproj(deps) };
    }
  }
}

export function pascal(name: string): string {
  return name
    .split(/[-_]/)
    .map(p => p[0].toUpperCase() + p.slice(1))
    .join('');
}

function npm(spec: RepoSpec): Record<string, string> {
  const record = (list: Dep[]) =>
    Object.fromEntries(list.map(d => [d.name, `^${d.version}`]));
  const root = {
    name: `@acme/${spec.name}`,
    version: '1.0.0',
    private: true,
    scripts: { build: 'tsc', test: 'jest', start: 'node dist/index.js' },
    dependencies: record(spec.deps),
    devDependencies: record(spec.devDeps),
  };
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(root, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(
      { compilerOptions: { target: 'ES2022', strict: true, outDir: 'dist' } },
      null,
      2,
    )}\n`,
  };
  if (spec.features.monorepo) {
    for (const part of ['api', 'worker']) {
      const half = spec.deps.filter(
        (_, i) => (i % 2 === 0) === (part === 'api'),
      );
      files[`packages/${part}/package.json`] = `${JSON.stringify(
        { name: `@acme/${spec.name}-${part}`, dependencies: record(half) },
        null,
        2,
      )}\n`;
    }
  }
  return files;
}

function pom(name: string, deps: Dep[]): string {
  const parent = name.charCodeAt(name.length - 1) % 3;
  const boot = ['3.3.1', '3.2.5', '2.7.18'][parent];
  const dependencies = deps
    .map(d => {
      const [groupId, artifactId] = d.name.split(':');
      const version = d.version
        ? `\n      <version>${d.version}</version>`
        : '';
      return `    <dependency>\n      <groupId>${groupId}</groupId>\n      <artifactId>${artifactId}</artifactId>${version}\n    </dependency>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>${boot}</version>
  </parent>
  <groupId>com.acme</groupId>
  <artifactId>${name}</artifactId>
  <version>1.0.0-SNAPSHOT</version>
  <properties>
    <java.version>21</java.version>
  </properties>
  <dependencies>
${dependencies}
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
      </plugin>
    </plugins>
  </build>
</project>
`;
}

function gradle(spec: RepoSpec): Record<string, string> {
  const boot = spec.name.endsWith('1') ? '3.1.5' : '3.3.1';
  const useCatalog = spec.name.charCodeAt(spec.name.length - 1) % 2 === 0;
  const lines = spec.deps.map((d, i) =>
    useCatalog && i === 0
      ? `    implementation(libs.first)`
      : `    implementation("${d.name}:${d.version}")`,
  );
  const files: Record<string, string> = {
    'settings.gradle.kts': `rootProject.name = "${spec.name}"\n`,
    'build.gradle.kts': `plugins {
    kotlin("jvm") version "2.0.0"
    id("org.springframework.boot") version "${boot}"
}

group = "com.acme"
version = "1.0.0"

repositories {
    mavenCentral()
}

dependencies {
${lines.join('\n')}
    testImplementation(kotlin("test"))
}
`,
  };
  if (useCatalog && spec.deps.length) {
    const [group, name] = spec.deps[0].name.split(':');
    files['gradle/libs.versions.toml'] = `[versions]
first = "${spec.deps[0].version}"

[libraries]
first = { module = "${group}:${name}", version.ref = "first" }
`;
  }
  return files;
}

function goMod(name: string, deps: Dep[]): string {
  const requires = deps.map(d => `\t${d.name} ${d.version}`).join('\n');
  return `module github.com/acme/${name}

go 1.22

require (
${requires}
)

require (
\tgolang.org/x/sys v0.21.0 // indirect
\tgolang.org/x/text v0.16.0 // indirect
)
`;
}

function pypi(spec: RepoSpec): Record<string, string> {
  const pin = (list: Dep[]) =>
    list.map(d => `${d.name}==${d.version}\n`).join('');
  const files: Record<string, string> = {
    'requirements.txt': pin(spec.deps),
  };
  if (spec.devDeps.length) {
    files['requirements-dev.txt'] = `-r requirements.txt\n${pin(spec.devDeps)}`;
  }
  if (spec.features.mypy || spec.features.ruffConfig) {
    const sections = [
      `[project]\nname = "${spec.name}"\nversion = "1.0.0"\nrequires-python = ">=3.11"\n`,
      spec.features.ruffConfig
        ? `[tool.ruff]\nline-length = 100\n\n[tool.ruff.lint]\nselect = ["E", "F", "I"]\n`
        : '',
      spec.features.mypy ? `[tool.mypy]\nstrict = true\n` : '',
    ];
    files['pyproject.toml'] = sections.filter(Boolean).join('\n');
  }
  return files;
}

function cargo(name: string, deps: Dep[]): string {
  const lines = deps.map(d =>
    d.name === 'tokio'
      ? `tokio = { version = "${d.version}", features = ["full"] }`
      : `${d.name} = "${d.version}"`,
  );
  return `[package]
name = "${name}"
version = "0.1.0"
edition = "2021"

[dependencies]
${lines.join('\n')}
`;
}

function csproj(deps: Dep[]): string {
  const refs = deps
    .map(
      d =>
        `    <PackageReference Include="${d.name}" Version="${d.version}" />`,
    )
    .join('\n');
  return `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
${refs}
  </ItemGroup>
</Project>
`;
}
