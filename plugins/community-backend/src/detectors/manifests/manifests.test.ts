import { buildGradle } from './gradle';
import { goMod } from './go';
import { pomXml } from './maven';
import { msbuildProject } from './nuget';
import { requirementsTxt } from './pypi';
import { manifestFormats } from '.';

describe('which files are manifests', () => {
  it.each([
    ['npm', 'packages/app/package.json', true],
    ['npm', 'package-lock.json', false],
    ['maven', 'modules/core/pom.xml', true],
    ['gradle', 'build.gradle.kts', true],
    ['gradle', 'gradle/libs.versions.toml', true],
    ['gradle', 'settings.gradle', false],
    ['go', 'tools/go.mod', true],
    ['pypi', 'requirements-dev.txt', true],
    ['pypi', 'requirements/prod.txt', true],
    ['pypi', 'docs/requirements.in', false],
    ['pypi', 'pyproject.toml', true],
    ['cargo', 'crates/x/Cargo.toml', true],
    ['nuget', 'src/App/App.fsproj', true],
    ['nuget', 'Directory.Build.props', true],
    ['nuget', 'packages.lock.json', false],
  ] as const)('%s: %s → %s', (ecosystem, path, expected) => {
    expect(manifestFormats[ecosystem].some(f => f.isManifest(path))).toBe(
      expected,
    );
  });
});

describe('build.gradle', () => {
  it('reads several declarations on a line and keeps URLs that contain //', () => {
    const text = [
      'repositories { maven { url "https://repo.acme.example/maven" } }',
      'dependencies { implementation("a.b:c:1.0"); api("d.e:f:2.0") }',
    ].join('\n');
    expect(buildGradle.parse(text)).toEqual([
      { name: 'a.b:c', version: '1.0', line: 2 },
      { name: 'd.e:f', version: '2.0', line: 2 },
    ]);
  });

  it('ignores block comments spanning lines and reads classifiers', () => {
    const text = [
      '/*',
      "implementation 'old:thing:1.0'",
      '*/ testImplementation "g:a:1.2:tests@jar"',
    ].join('\n');
    expect(buildGradle.parse(text)).toEqual([
      { name: 'g:a', version: '1.2', line: 3 },
    ]);
  });
});

describe('pom.xml', () => {
  it('resolves ${project.version} and keeps unknown properties as written', () => {
    const text = `<project>
  <groupId>com.acme</groupId><version>2.1.0</version>
  <dependencies>
    <dependency><groupId>\${project.groupId}</groupId><artifactId>core</artifactId><version>\${project.version}</version></dependency>
    <dependency><groupId>x</groupId><artifactId>y</artifactId><version>\${missing}</version></dependency>
  </dependencies>
</project>`;
    expect(pomXml.parse(text)).toEqual([
      { name: 'com.acme:core', version: '2.1.0', line: 4 },
      { name: 'x:y', version: '${missing}', line: 5 },
    ]);
  });

  it('needs a <project> element', () => {
    expect(() => pomXml.parse('<settings/>')).toThrow('no <project> element');
  });
});

describe('go.mod', () => {
  it('reads quoted paths and skips other blocks', () => {
    const text = [
      'module x',
      'replace (',
      '  a.example/b => ../b',
      ')',
      'require "go.uber.org/zap" v1.27.0',
    ].join('\n');
    expect(goMod.parse(text)).toEqual([
      { name: 'go.uber.org/zap', version: 'v1.27.0', line: 5 },
    ]);
  });
});

describe('requirements.txt', () => {
  it('joins continued lines, drops options and markers, keeps the first line number', () => {
    const text = [
      '--index-url https://packages.acme.example/simple',
      '-e ./libs/shared',
      'requests[socks] >=2.31 \\',
      '    --hash=sha256:abc',
      'six ; python_version < "3"',
      'acme-tool @ https://files.acme.example/acme_tool-1.0.whl',
    ].join('\n');
    expect(requirementsTxt.parse(text)).toEqual([
      { name: 'requests', version: '>=2.31', line: 3 },
      { name: 'six', version: undefined, line: 5 },
      { name: 'acme-tool', line: 6 },
    ]);
  });
});

describe('MSBuild projects', () => {
  it('prefers VersionOverride and resolves $(Properties)', () => {
    const text = `<Project>
  <PropertyGroup><PollyVersion>8.3.1</PollyVersion></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Polly" Version="$(PollyVersion)" />
    <PackageReference Include="Serilog" VersionOverride="3.1.1" />
  </ItemGroup>
</Project>`;
    expect(msbuildProject.parse(text)).toEqual([
      { name: 'Polly', version: '8.3.1', line: 4 },
      { name: 'Serilog', version: '3.1.1', line: 5 },
    ]);
  });
});
