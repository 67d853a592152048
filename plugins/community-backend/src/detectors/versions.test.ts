import { DependencyEcosystem } from '@copkit/plugin-community-common';
import { judgeVersion, VersionVerdict } from './versions';

describe('judgeVersion: the lowest declared version must satisfy the rule range', () => {
  const cases: Array<
    [DependencyEcosystem, string | undefined, string, VersionVerdict]
  > = [
    ['npm', '^8.21.0', '^8.0.0 || ^9.0.0', 'satisfies'],
    ['npm', '^7.11.0', '^8.0.0', 'outside'],
    ['npm', '>=7.0.0', '^8.0.0', 'outside'],
    ['npm', '~8.1', '^8.0.0', 'satisfies'],
    ['npm', '8.x', '>=8.0.0', 'satisfies'],
    ['npm', '*', '>=1.0.0', 'outside'],
    ['npm', '*', '<3.0.0', 'satisfies'],
    ['npm', '8.1.0-beta.1', '^8.0.0', 'satisfies'],
    ['npm', 'workspace:*', '^4.0.0', 'unknown'],
    ['npm', 'latest', '^4.0.0', 'unknown'],
    ['npm', 'github:acme/pino#v8.0.0', '^8.0.0', 'unknown'],
    ['npm', undefined, '^8.0.0', 'missing'],
    ['maven', '7.4', '>=7.0.0', 'satisfies'],
    ['maven', '2.7.18.RELEASE', '>=3.2.0', 'outside'],
    ['maven', '3.2.5.RELEASE', '>=3.2.0', 'satisfies'],
    ['maven', '[7.0,8.0)', '>=7.0.0', 'satisfies'],
    ['maven', '(6.9,)', '>=7.0.0', 'outside'],
    ['maven', '[1.7.0]', '>=1.7.0', 'satisfies'],
    ['maven', '${logstash.version}', '>=7.0.0', 'unknown'],
    ['gradle', '3.+', '>=3.0.0', 'satisfies'],
    ['gradle', 'latest.release', '>=3.0.0', 'unknown'],
    ['go', 'v1.27.0', '>=1.24.0', 'satisfies'],
    ['go', 'v1.21.0', '>=1.24.0', 'outside'],
    ['go', 'v2.1.0+incompatible', '>=2.0.0', 'satisfies'],
    ['pypi', '>=23.1.0,<25', '>=23.1.0', 'satisfies'],
    ['pypi', '~=23.1', '>=23.1.0', 'satisfies'],
    ['pypi', '==22.3.0', '>=23.1.0', 'outside'],
    ['pypi', '==24.1.*', '>=23.1.0', 'satisfies'],
    ['pypi', '!=23.0', '>=23.1.0', 'outside'],
    ['pypi', '^24.1', '>=23.1.0', 'satisfies'],
    ['pypi', '===24.1.0rc1', '>=24.0.0', 'satisfies'],
    ['cargo', '1.37', '^1.0.0', 'satisfies'],
    ['cargo', '>=0.3.18, <0.4', '>=0.3.0', 'satisfies'],
    ['cargo', '0.2', '>=1.0.0', 'outside'],
    ['nuget', '8.0.1', '>=8.0.0', 'satisfies'],
    ['nuget', '[1.5.0,2.0.0)', '^1.5.0', 'satisfies'],
    ['nuget', '6.*', '>=6.0.0', 'satisfies'],
  ];

  it.each(cases)(
    '%s %s against %s: %s',
    (ecosystem, declared, range, verdict) => {
      expect(judgeVersion(ecosystem, declared, range)).toBe(verdict);
    },
  );
});
