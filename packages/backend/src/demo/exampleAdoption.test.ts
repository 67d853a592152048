import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { localRepositoriesUrlReaderFactory } from '@copkit/backend-module-local-repositories';
import { catalogModuleCommunityEntityModel } from '@copkit/plugin-catalog-backend-module-community';
import { communityPlugin } from '@copkit/plugin-community-backend';
import {
  ADOPTION_STATUSES,
  AdoptionResult,
  AdoptionStatus,
  AdoptionSummaryCell,
  ScanSummary,
} from '@copkit/plugin-community-common';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import {
  TestServer,
  manualSchedule,
  runScan,
  userAuth,
  waitFor,
} from './__testUtils__/demoBackend';
import {
  catalogEntry,
  readAppConfig,
  readExampleCatalog,
  refOf,
  reposDir,
} from './__testUtils__/demoFiles';
import {
  adoptedPattern,
  because,
  inValueStream,
  paymentGatewayCommunities,
  withReasonsInOrder,
} from './__testUtils__/exampleCommunities';
import {
  codeSpans,
  evidenceLocation,
  quotedNotes,
  readExpectedAdoption,
} from './__testUtils__/exampleExpectations';

/*
 * The adoption engine end to end on the example company: a real catalog
 * ingests catalog-info/, the engine reads examples/repos through the
 * local-directory UrlReader, and every (component, pattern) result must be
 * what examples/repos/README.md worked out by hand.
 */

jest.setTimeout(60_000);

const expected = readExpectedAdoption();
const example = readExampleCatalog().entities.map(e => e.entity);
const appConfig = readAppConfig();
const components = example.filter(e => e.kind === 'Component');
const today = new Date().toISOString().slice(0, 10);

/** Source locations of the example components: those that exist, those not. */
function exampleRepositories() {
  const locations = new Set(
    components
      .map(c => c.metadata.annotations?.['backstage.io/source-location'])
      .filter((l): l is string => !!l),
  );
  const exists = (location: string) =>
    fs.existsSync(path.join(reposDir, new URL(location.slice(4)).pathname));
  return {
    present: [...locations].filter(exists),
    missing: [...locations].filter(l => !exists(l)),
  };
}

/**
 * The README's table holds on the day it names. An exemption that has
 * ended (or begun to count) since then changes it: say so plainly rather
 * than fail with a diff.
 */
function exemptionsStillAsOnReadmeDay(): string[] {
  return example
    .filter(e => e.kind === 'Pattern')
    .flatMap(p =>
      ((p.spec?.exemptions ?? []) as Array<{ entity: string; until?: string }>)
        .filter(x => x.until)
        .filter(x => x.until! >= expected.day !== x.until! >= today)
        .map(
          x =>
            `${refOf(p)} exempts ${x.entity} until ${x.until}: in force on ${
              expected.day
            } (the day examples/repos/README.md judges on) but not today, ${today}. ` +
            'Move the date in catalog-info/patterns.yaml and the README together.',
        ),
    );
}

describe('the adoption engine on the example catalog', () => {
  let server: TestServer;
  let stop: (() => Promise<void>) | undefined;
  let firstScan: ScanSummary;
  /** component name → pattern name → result */
  let results: Map<string, Map<string, AdoptionResult>>;

  const api = (route: string) =>
    request(server).get(`/api/community${route}`).set(userAuth);

  async function fetchResults() {
    const byComponent = new Map<string, Map<string, AdoptionResult>>();
    for (const name of expected.components) {
      const res = await api(`/entities/component/default/${name}/adoption`);
      expect(res.status).toBe(200);
      byComponent.set(
        name,
        new Map(
          (res.body.items as AdoptionResult[]).map(r => [
            r.patternRef.replace('pattern:default/', ''),
            r,
          ]),
        ),
      );
    }
    return byComponent;
  }

  /** Every example entity present, and nothing changed for 3 seconds. */
  async function waitForCatalog() {
    const wanted = new Set(example.map(refOf));
    let last = '';
    let since = Date.now();
    await waitFor(
      'the catalog to ingest and stitch the example catalog',
      async () => {
        const res = await request(server)
          .get('/api/catalog/entities/by-query')
          .query({ limit: 1000 })
          .set(userAuth);
        const items = (res.body.items ?? []) as Entity[];
        const present = new Set(items.map(refOf));
        if (![...wanted].every(ref => present.has(ref))) return undefined;
        const state = JSON.stringify(
          items.map(e => [refOf(e), e.relations]).sort(),
        );
        if (state !== last) {
          last = state;
          since = Date.now();
          return undefined;
        }
        return Date.now() - since >= 3000 ? true : undefined;
      },
      { timeoutMs: 40_000, intervalMs: 500 },
    );
  }

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        catalogModuleCommunityEntityModel,
        communityPlugin,
        localRepositoriesUrlReaderFactory,
        schedulerServiceFactory,
        mockServices.httpAuth.factory({
          defaultCredentials: mockCredentials.none(),
        }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: appConfig.catalog.rules,
              locations: [{ type: 'file', target: catalogEntry }],
            },
            localRepositories: [{ host: 'repos.acme.example', root: reposDir }],
            community: {
              scan: { schedule: manualSchedule, partitions: 4 },
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
    await waitForCatalog();
    firstScan = await runScan(server);
    results = await fetchResults();
  }, 80_000);

  afterAll(async () => {
    await stop?.();
  });

  it('is judged on a day the README table still holds for', () => {
    expect(exemptionsStillAsOnReadmeDay()).toEqual([]);
  });

  it('scans every repository once and writes every result', () => {
    const { present, missing } = exampleRepositories();
    expect(missing).toEqual([
      'url:https://repos.acme.example/shipping-labels/',
    ]);
    expect(firstScan).toMatchObject({
      trigger: 'manual',
      status: 'succeeded',
      partitions: { total: 4, done: 4, failed: 0 },
      repositories: { scanned: present.length, unchanged: 0, failed: 1 },
      results: expected.components.length * expected.patterns.length,
    });
    expect(firstScan.error).toBeUndefined();
  });

  it('judges every (component, pattern) pair as examples/repos/README.md expects', () => {
    // the README covers exactly the catalog's components and patterns
    expect([...expected.components].sort()).toEqual(
      components.map(c => c.metadata.name).sort(),
    );
    expect([...expected.patterns].sort()).toEqual(
      example
        .filter(e => e.kind === 'Pattern')
        .map(p => p.metadata.name)
        .sort(),
    );

    const mismatches: string[] = [];
    for (const [component, row] of expected.matrix) {
      const actual = results.get(component)!;
      expect([...actual.keys()].sort()).toEqual([...row.keys()].sort());
      for (const [pattern, status] of row) {
        const result = actual.get(pattern);
        if (result?.status !== status) {
          mismatches.push(
            `${component} × ${pattern}: README ${status}, engine ${
              result?.status
            } (${
              result?.reason ??
              [
                ...(result?.evidence.map(e => e.rule) ?? []),
                ...(result?.tried ?? []),
              ].join(', ')
            })`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('adds up to the README totals, in GET /adoption/summary too', async () => {
    const fromMatrix = new Map<string, Record<AdoptionStatus, number>>();
    for (const row of expected.matrix.values()) {
      for (const [pattern, status] of row) {
        const counts =
          fromMatrix.get(pattern) ??
          (Object.fromEntries(ADOPTION_STATUSES.map(s => [s, 0])) as Record<
            AdoptionStatus,
            number
          >);
        counts[status] += 1;
        fromMatrix.set(pattern, counts);
      }
    }
    for (const pattern of expected.patterns) {
      expect({ pattern, ...expected.totals.get(pattern) }).toEqual({
        pattern,
        ...fromMatrix.get(pattern),
      });
    }

    const res = await api('/adoption/summary');
    expect(res.status).toBe(200);
    const byPattern = new Map<string, Omit<AdoptionSummaryCell, 'rate'>>();
    for (const cell of res.body.items as AdoptionSummaryCell[]) {
      const name = cell.patternRef.replace('pattern:default/', '');
      const sum = byPattern.get(name);
      byPattern.set(name, {
        ...cell,
        adopted: (sum?.adopted ?? 0) + cell.adopted,
        notAdopted: (sum?.notAdopted ?? 0) + cell.notAdopted,
        exempt: (sum?.exempt ?? 0) + cell.exempt,
        errors: (sum?.errors ?? 0) + cell.errors,
        applicable: (sum?.applicable ?? 0) + cell.applicable,
      });
    }
    expect([...byPattern.keys()].sort()).toEqual([...expected.patterns].sort());
    for (const [pattern, totals] of expected.totals) {
      if (pattern === 'all') continue;
      const cell = byPattern.get(pattern)!;
      expect({
        pattern,
        adopted: cell.adopted,
        notAdopted: cell.notAdopted,
        exempt: cell.exempt,
        errors: cell.errors,
        applicable: cell.applicable,
      }).toEqual({
        pattern,
        adopted: totals.adopted,
        notAdopted: totals['not-adopted'],
        exempt: totals.exempt,
        errors: totals.error,
        applicable: totals.adopted + totals['not-adopted'] + totals.error,
      });
    }
  });

  it('shows the evidence the README names', () => {
    const adopted = expected.details
      .filter(d => d.status === 'adopted')
      .map(d => ({
        where: `${d.component} × ${d.pattern}`,
        readme: d.text,
        evidence: results.get(d.component)!.get(d.pattern)!.evidence,
      }));

    // "→ `path`:line": a repository rule matched there
    const located = adopted.flatMap(a => {
      const location = evidenceLocation(a.readme);
      return location ? [{ ...a, location }] : [];
    });
    expect(located.length).toBeGreaterThanOrEqual(8);
    expect(
      located.map(a => ({ where: a.where, evidence: a.evidence })),
    ).toEqual(
      located.map(a => ({
        where: a.where,
        evidence: expect.arrayContaining([expect.objectContaining(a.location)]),
      })),
    );

    // "`dependsOn: ...`" first: a catalog rule matched, so it is the evidence
    const byCatalogRule = adopted.flatMap(a => {
      const [first] = codeSpans(a.readme);
      return /^(dependsOn|sourceTemplate|tag): /.test(first ?? '')
        ? [{ ...a, rule: first }]
        : [];
    });
    expect(byCatalogRule.length).toBeGreaterThanOrEqual(8);
    expect(
      byCatalogRule.map(a => ({ where: a.where, rule: a.evidence[0]?.rule })),
    ).toEqual(byCatalogRule.map(a => ({ where: a.where, rule: a.rule })));

    // two read as a person would
    expect(
      results.get('payment-gateway')!.get('idempotent-payment-requests')!
        .evidence,
    ).toContainEqual(
      expect.objectContaining({
        path: 'src/main/java/com/acme/payments/gateway/PaymentController.java',
        line: 16,
        text: expect.stringContaining('@Idempotent'),
      }),
    );
    expect(
      results.get('order-service')!.get('openfeature-flags')!.evidence,
    ).toEqual([
      expect.objectContaining({
        rule: 'dependency: maven dev.openfeature:sdk >=1.7.0',
        path: 'order-app/pom.xml',
        line: 25,
      }),
    ]);
  });

  it('gives the reasons the README gives for errors and exemptions, and its notes', () => {
    const result = (d: { component: string; pattern: string }) =>
      results.get(d.component)!.get(d.pattern)!;

    const errors = expected.details.filter(d => d.status === 'error');
    expect(errors.length).toBe(expected.totals.get('all')!.error);
    for (const detail of errors) {
      const quoted = codeSpans(detail.text).pop()!;
      expect({ ...detail, reason: result(detail).reason }).toEqual({
        ...detail,
        reason: expect.stringContaining(quoted),
      });
    }
    const reasons = errors.map(d => result(d).reason).join('\n');
    expect(reasons).toContain(
      'the entity has no backstage.io/source-location annotation',
    );
    expect(reasons).toContain(
      'repository not found: https://repos.acme.example/shipping-labels/',
    );
    expect(reasons).toContain('unreadable manifest pyproject.toml:');

    const exempt = expected.details.filter(d => d.status === 'exempt');
    expect(exempt.length).toBe(expected.totals.get('all')!.exempt);
    for (const detail of exempt) {
      const reason = detail.text.match(/"([^"]+)"/)![1];
      const until = detail.text.match(/until (\d{4}-\d{2}-\d{2})/)?.[1];
      expect(result(detail)).toMatchObject({ status: 'exempt', reason });
      expect(result(detail).exemptUntil).toBe(until);
    }

    const noted = expected.details.filter(d => quotedNotes(d.text).length);
    expect(noted.length).toBeGreaterThanOrEqual(5);
    for (const detail of noted) {
      for (const note of quotedNotes(detail.text)) {
        expect({ ...detail, notes: result(detail).notes }).toEqual({
          ...detail,
          notes: expect.arrayContaining([expect.stringContaining(note)]),
        });
      }
    }
  });

  it('finds the communities of a service, strongest reason first', async () => {
    const communitiesOf = async (name: string) => {
      const res = await api(`/entities/component/default/${name}/communities`);
      expect(res.status).toBe(200);
      return withReasonsInOrder(res.body.items);
    };

    expect(await communitiesOf('payment-gateway')).toEqual(
      paymentGatewayCommunities,
    );

    // Fulfilment (Meera Iyer, Rahul Verma, Tobias Klein) owns warehouse-sync,
    // which still has a Jenkinsfile.
    const warehouse = await communitiesOf('warehouse-sync');
    expect(warehouse.map(c => [c.communityRef, c.score])).toEqual([
      ['community:default/devops-practice', 70],
      ['community:default/java-chapter', 60],
      ['community:default/frontend-guild', 30],
      ['community:default/engineering-guild', 10],
    ]);
    expect(warehouse[0].reasons).toEqual([
      adoptedPattern(
        'Per-repository Jenkins pipelines',
        'jenkins-pipelines',
        'DevOps Practice',
      ),
      because(
        'owner-participates',
        'owned by Fulfilment, whose members Rahul Verma and Tobias Klein take part in DevOps Practice',
        'group:default/fulfilment-team',
      ),
      inValueStream('Fulfilment', 'DevOps Practice'),
    ]);
    expect(warehouse[1].reasons.map(r => r.text)).toEqual([
      'owned by Fulfilment, whose member Tobias Klein leads Java Chapter',
      'owned by Fulfilment, whose member Tobias Klein takes part in Java Chapter',
      'part of the Fulfilment value stream, which Java Chapter supports',
    ]);
    expect(warehouse[2].reasons.map(r => r.text)).toEqual([
      'owned by Fulfilment, whose members Meera Iyer and Rahul Verma take part in Frontend Guild',
      'part of the Fulfilment value stream, which Frontend Guild supports',
    ]);

    // Web Frontend owns storefront-web and both frontend communities; ties
    // are ordered by title.
    const storefront = await communitiesOf('storefront-web');
    expect(storefront.map(c => [c.title, c.score])).toEqual([
      ['Frontend Guild', 260],
      ['Frontend Guild Berlin', 200],
      ['Payment Experience', 20],
      ['DevOps Practice', 10],
      ['Engineering Guild', 10],
      ['Java Chapter', 10],
    ]);
    expect(storefront[0].reasons.map(r => r.kind)).toEqual([
      'named-service',
      'created-from-template',
      'adopted-pattern',
      'owner-leads',
      'owner-participates',
      'supports-value-stream',
    ]);
    expect(storefront[1].reasons.map(r => r.text)).toEqual([
      'named among the services Frontend Guild Berlin supports',
      'adopted Redux global store for server data, a pattern published by Frontend Guild Berlin',
      'owned by Web Frontend, the owner of Frontend Guild Berlin',
      'owned by Web Frontend, whose members Lena Fischer and Sofia Rossi take part in Frontend Guild Berlin',
      'part of the Storefront value stream, which Frontend Guild Berlin supports',
    ]);
  });

  it('summarises a community as its catalog YAML says', async () => {
    const ref = 'community:default/devops-practice';
    const yaml = example.find(e => refOf(e) === ref)!;
    const spec = yaml.spec as Record<string, string[]>;
    const groups = spec.members.filter(m => m.startsWith('group:'));
    const users = new Set([
      ...spec.members.filter(m => m.startsWith('user:')),
      ...example
        .filter(e => e.kind === 'User')
        .filter(u =>
          (u.spec?.memberOf as string[]).some(g =>
            groups.includes(`group:default/${g}`),
          ),
        )
        .map(refOf),
    ]);
    const patterns = example.filter(
      e => e.kind === 'Pattern' && e.spec?.community === ref,
    );
    const templates = example.filter(
      e =>
        e.kind === 'Template' &&
        e.metadata.annotations?.['copkit.io/community'] === ref,
    );
    const totals = patterns.map(p => expected.totals.get(p.metadata.name)!);
    const adopted = totals.reduce((sum, t) => sum + t.adopted, 0);
    const notAdopted = totals.reduce((sum, t) => sum + t['not-adopted'], 0);

    const res = await api('/communities/default/devops-practice/summary');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      communityRef: ref,
      leads: spec.leads.length,
      participants: users.size,
      patterns: {
        total: patterns.length,
        byStatus: {
          adopt: patterns.filter(p => p.spec?.status === 'adopt').length,
          trial: patterns.filter(p => p.spec?.status === 'trial').length,
          assess: patterns.filter(p => p.spec?.status === 'assess').length,
          hold: patterns.filter(p => p.spec?.status === 'hold').length,
          retired: patterns.filter(p => p.spec?.status === 'retired').length,
        },
      },
      templates: templates.length,
      services: spec.services.length,
      valueStreams: spec.valueStreams.length,
      adoption: {
        rate: adopted / (adopted + notAdopted),
        rate90DaysAgo: null,
        change90Days: null,
      },
    });
    // as a reader of the YAML would count
    expect(res.body).toMatchObject({
      leads: 2,
      participants: 7,
      patterns: { total: 3 },
      templates: 1,
      services: 4,
      valueStreams: 3,
      adoption: { rate: 11 / 31 },
    });
  });

  it('answers 401 to a caller without credentials', async () => {
    const anonymous = [
      request(server).get('/api/community/adoption/summary'),
      request(server).get(
        '/api/community/entities/component/default/payment-gateway/adoption',
      ),
      request(server).get('/api/community/scans/latest'),
      request(server).post('/api/community/scans'),
    ];
    for (const call of anonymous) {
      expect((await call).status).toBe(401);
    }
  });

  it('rewrites nothing when a second scan finds nothing changed', async () => {
    const second = await runScan(server);
    const { present } = exampleRepositories();
    expect(second).toMatchObject({
      status: 'succeeded',
      partitions: { total: 4, done: 4, failed: 0 },
      repositories: { scanned: 0, unchanged: present.length, failed: 1 },
      results: 0,
    });
    expect(second.id).not.toBe(firstScan.id);
    // same results, same check times: not one row was rewritten
    expect(await fetchResults()).toEqual(results);
  });
});
