import { Entity } from '@backstage/catalog-model';
import { PatternEntityV1alpha1 } from '@copkit/plugin-community-common';
import {
  PatternDetector,
  RepositoryFiles,
} from '@copkit/plugin-community-node';
import { DetectorRegistry } from './DetectorRegistry';
import { judge, JudgeContext } from './judge';

const tagDetector: PatternDetector<string> = {
  shape: 'tag',
  needs: 'catalog',
  describe: tag => `tag: ${tag}`,
  async detect({ rule, entity }) {
    return entity.metadata.tags?.includes(rule)
      ? { matched: true, evidence: {} }
      : { matched: false };
  },
};

const fileDetector: PatternDetector<{ path: string }> = {
  shape: 'file',
  needs: 'repository',
  describe: rule => `file: ${rule.path}`,
  async detect({ rule, files }) {
    if (rule.path === 'broken') throw new Error('unreadable manifest broken');
    return files!.paths.includes(rule.path)
      ? { matched: true, evidence: { path: rule.path } }
      : { matched: false, notes: [`looked at ${files!.paths.length} files`] };
  },
};

const files = (paths: string[]): RepositoryFiles => ({
  location: 'https://repos.acme.example/svc/',
  paths,
  maxFileBytes: 1024,
  size: () => undefined,
  read: async () => undefined,
});

const service: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', tags: ['java'] },
  spec: { type: 'service', lifecycle: 'production', owner: 'payments' },
};

function pattern(spec: Partial<PatternEntityV1alpha1['spec']>) {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Pattern',
    metadata: { name: 'p' },
    spec: {
      type: 'code',
      status: 'adopt',
      owner: 'group:default/platform',
      community: 'devops',
      ...spec,
    },
  } as PatternEntityV1alpha1;
}

function context(overrides: Partial<JudgeContext> = {}): JudgeContext {
  return {
    detectors: new DetectorRegistry([tagDetector, fileDetector]),
    today: '2026-11-24',
    repository: () => ({ files: files(['Dockerfile', 'pom.xml']) }),
    ...overrides,
  };
}

describe('judge', () => {
  it('is adopted when any rule matches, with the evidence of that rule', async () => {
    const verdict = await judge(
      pattern({
        detection: { rules: [{ tag: 'go' }, { file: { path: 'Dockerfile' } }] },
      }),
      service,
      context(),
    );
    expect(verdict).toMatchObject({
      status: 'adopted',
      evidence: [{ rule: 'file: Dockerfile', path: 'Dockerfile' }],
    });
  });

  it('does not read the repository when a catalog rule settles it', async () => {
    const repository = jest.fn();
    const verdict = await judge(
      pattern({
        detection: { rules: [{ file: { path: 'x' } }, { tag: 'java' }] },
      }),
      service,
      context({ repository }),
    );
    expect(verdict.status).toBe('adopted');
    expect(repository).not.toHaveBeenCalled();
  });

  it('says which rules were tried when nothing matches', async () => {
    const verdict = await judge(
      pattern({
        detection: { rules: [{ tag: 'go' }, { file: { path: 'go.mod' } }] },
      }),
      service,
      context(),
    );
    expect(verdict).toMatchObject({
      status: 'not-adopted',
      tried: ['tag: go', 'file: go.mod'],
      notes: ['looked at 2 files'],
    });
  });

  it('needs every rule with match: all', async () => {
    const rules = [{ tag: 'java' }, { file: { path: 'go.mod' } }];
    const miss = await judge(
      pattern({ detection: { match: 'all', rules } }),
      service,
      context(),
    );
    expect(miss.status).toBe('not-adopted');
    const hit = await judge(
      pattern({
        detection: {
          match: 'all',
          rules: [{ tag: 'java' }, { file: { path: 'pom.xml' } }],
        },
      }),
      service,
      context(),
    );
    expect(hit.evidence.map(e => e.rule)).toEqual([
      'tag: java',
      'file: pom.xml',
    ]);
  });

  it('reports the repository problem as an error reason', async () => {
    const verdict = await judge(
      pattern({ detection: { rules: [{ file: { path: 'Dockerfile' } }] } }),
      service,
      context({
        repository: () => ({ problem: 'repository not found: https://x/' }),
      }),
    );
    expect(verdict).toMatchObject({
      status: 'error',
      reason: 'file: Dockerfile: repository not found: https://x/',
      tried: ['file: Dockerfile'],
    });
  });

  it('turns a detector failure into an error unless another rule matches', async () => {
    const broken = { file: { path: 'broken' } };
    const failed = await judge(
      pattern({ detection: { rules: [broken] } }),
      service,
      context(),
    );
    expect(failed).toMatchObject({
      status: 'error',
      reason: 'file: broken: unreadable manifest broken',
    });
    const rescued = await judge(
      pattern({
        detection: { rules: [broken, { file: { path: 'pom.xml' } }] },
      }),
      service,
      context(),
    );
    expect(rescued.status).toBe('adopted');
    expect(rescued.notes).toContain('file: broken: unreadable manifest broken');
  });

  it('names a custom detector that is not installed', async () => {
    const verdict = await judge(
      pattern({
        detection: { rules: [{ custom: { detector: 'sonar-gate' } }] },
      }),
      service,
      context(),
    );
    expect(verdict.reason).toBe(
      'custom: sonar-gate: no detector named "sonar-gate" is installed in this backend',
    );
  });

  it('leaves out entities appliesTo does not cover, saying why', async () => {
    const verdict = await judge(
      pattern({
        appliesTo: { types: ['website'] },
        detection: { rules: [{ tag: 'java' }] },
      }),
      service,
      context(),
    );
    expect(verdict).toMatchObject({
      status: 'not-applicable',
      reason: 'applies to types website; this is type service',
    });
  });

  it('exempts until the end of the until day, then counts again', async () => {
    const spec = (until: string) =>
      pattern({
        detection: { rules: [{ tag: 'go' }] },
        exemptions: [
          { entity: 'checkout', reason: 'moving to Go in Q1', until },
        ],
      });
    expect(await judge(spec('2026-11-24'), service, context())).toMatchObject({
      status: 'exempt',
      reason: 'moving to Go in Q1',
      exemptUntil: '2026-11-24',
    });
    const expired = await judge(spec('2026-11-23'), service, context());
    expect(expired.status).toBe('not-adopted');
    expect(expired.notes).toContain('exemption ended on 2026-11-23');
  });

  it('refuses two detectors for one shape', () => {
    expect(() => new DetectorRegistry([tagDetector, tagDetector])).toThrow(
      'Two pattern detectors claim the rule shape "tag"',
    );
  });
});
