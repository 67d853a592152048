import request from 'supertest';
import {
  FakeAdoptionStore,
  acmeResults,
  result,
  trendPoint,
} from './__testUtils__/FakeAdoptionStore';
import { createTestApp } from './__testUtils__/testApp';

const LOGGING = 'pattern:default/structured-logging';

async function appWithResults() {
  const test = await createTestApp();
  test.store.results = acmeResults();
  return test;
}

describe('GET /patterns/:namespace/:name/adoption', () => {
  it('pages the results of a pattern, ordered by entity', async () => {
    const { app } = await appWithResults();
    const first = await request(app).get(
      '/patterns/default/structured-logging/adoption?limit=2',
    );
    expect(first.status).toBe(200);
    expect(first.body.totalCount).toBe(4);
    expect(first.body.items.map((r: any) => [r.entityRef, r.status])).toEqual([
      ['component:default/checkout-service', 'not-adopted'],
      ['component:default/payment-gateway', 'adopted'],
    ]);
    expect(first.body.items[1].evidence[0].path).toBe('pom.xml');

    const second = await request(app).get(
      `/patterns/default/structured-logging/adoption?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((r: any) => r.entityRef)).toEqual([
      'component:default/refund-service',
      'component:default/storefront-bff',
    ]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it('filters by statuses, repeated or comma-separated, and value streams', async () => {
    const { app, store } = await appWithResults();
    const response = await request(app).get(
      '/patterns/default/structured-logging/adoption?status=adopted,exempt&status=error&valueStream=domain:default/payments',
    );
    expect(response.status).toBe(200);
    expect(response.body.items.map((r: any) => r.entityRef)).toEqual([
      'component:default/payment-gateway',
      'component:default/refund-service',
    ]);
    expect(store.resultFilters[0]).toMatchObject({
      patternRef: LOGGING,
      statuses: ['adopted', 'exempt', 'error'],
      valueStreams: ['domain:default/payments'],
      visibleEntityRefs: undefined,
    });
  });

  it('defaults to 50 items a page', async () => {
    const { app, store } = await createTestApp();
    store.results = Array.from({ length: 60 }, (_, i) =>
      result(
        `component:default/svc-${String(i).padStart(2, '0')}`,
        LOGGING,
        'adopted',
      ),
    );
    const response = await request(app).get(
      '/patterns/default/structured-logging/adoption',
    );
    expect(response.body.items).toHaveLength(50);
    expect(response.body.totalCount).toBe(60);
    expect(response.body.nextCursor).toEqual(expect.any(String));
  });

  it('is 404 for a pattern the catalog does not have', async () => {
    const { app } = await appWithResults();
    const response = await request(app).get(
      '/patterns/default/no-such-pattern/adoption',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No entity pattern:default/no-such-pattern in the catalog',
    );
  });
});

describe('GET /adoption/summary', () => {
  it('answers the pattern × value stream matrix', async () => {
    const { app } = await appWithResults();
    const response = await request(app).get(
      '/adoption/summary?community=community:default/devops-practice',
    );
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        patternRef: 'pattern:default/helm-chart-per-service',
        valueStream: 'domain:default/storefront',
        adopted: 0,
        notAdopted: 1,
        rate: 0,
      }),
      expect.objectContaining({
        patternRef: LOGGING,
        valueStream: 'domain:default/payments',
        adopted: 1,
        notAdopted: 1,
        exempt: 1,
        rate: 0.5,
      }),
      expect.objectContaining({
        patternRef: LOGGING,
        valueStream: 'domain:default/storefront',
        adopted: 1,
        rate: 1,
      }),
    ]);
  });

  it('narrows to value streams, including unassigned', async () => {
    const { app, store } = await appWithResults();
    const response = await request(app).get(
      '/adoption/summary?valueStream=storefront,unassigned',
    );
    expect(response.status).toBe(200);
    expect(store.resultFilters[0].valueStreams).toEqual([
      'domain:default/storefront',
      'unassigned',
    ]);
    expect(response.body.items).toHaveLength(2);
  });
});

describe('GET /adoption/trends', () => {
  it('defaults to the last 90 days', async () => {
    const { app, store } = await createTestApp({
      now: new Date('2026-11-24T08:00:00Z'),
    });
    store.trendPoints = [
      trendPoint('2026-08-25', 1, 3),
      trendPoint('2026-08-26', 2, 2),
      trendPoint('2026-11-24', 3, 1),
    ];
    const response = await request(app).get(
      '/adoption/trends?community=devops-practice',
    );
    expect(response.status).toBe(200);
    expect(store.trendFilters).toEqual([
      {
        communityRef: 'community:default/devops-practice',
        patternRef: undefined,
        valueStream: undefined,
        from: '2026-08-26',
        to: '2026-11-24',
      },
    ]);
    expect(response.body.items.map((p: any) => [p.day, p.rate])).toEqual([
      ['2026-08-26', 0.5],
      ['2026-11-24', 0.75],
    ]);
  });

  it('passes an explicit range and filters', async () => {
    const { app, store } = await createTestApp();
    const response = await request(app).get(
      `/adoption/trends?pattern=${encodeURIComponent(
        LOGGING,
      )}&valueStream=domain:default/payments&from=2024-01-01&to=2026-12-31`,
    );
    expect(response.status).toBe(200);
    expect(store.trendFilters[0]).toEqual({
      patternRef: LOGGING,
      valueStream: 'domain:default/payments',
      communityRef: undefined,
      from: '2024-01-01',
      to: '2026-12-31',
    });
  });
});

describe('GET /entities/:kind/:namespace/:name/adoption', () => {
  it('answers every pattern of the entity, with evidence', async () => {
    const { app } = await appWithResults();
    const response = await request(app).get(
      '/entities/component/default/payment-gateway/adoption',
    );
    expect(response.status).toBe(200);
    expect(response.body.items.map((r: any) => r.patternRef)).toEqual([
      'pattern:default/spring-boot-3-baseline',
      LOGGING,
    ]);
    expect(response.body.items[0].evidence).toEqual([
      { rule: 'sourceTemplate: template:default/java-service' },
    ]);
  });

  it('is 404 for an entity the catalog does not have', async () => {
    const { app } = await appWithResults();
    const response = await request(app).get(
      '/entities/component/default/ghost/adoption',
    );
    expect(response.status).toBe(404);
  });
});

describe('GET /adoption/export.csv', () => {
  it('exports a community as CSV with a header row', async () => {
    const { app } = await appWithResults();
    const response = await request(app).get(
      '/adoption/export.csv?community=community:default/devops-practice',
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="adoption-community-default-devops-practice-2026-11-24.csv"',
    );
    const lines = response.text.split('\r\n');
    expect(lines[0]).toBe(
      'entity,pattern,community,valueStream,owner,status,evidence,reason,checkedAt',
    );
    expect(lines).toContain(
      'component:default/payment-gateway,pattern:default/structured-logging,community:default/devops-practice,domain:default/payments,group:default/payments-platform,adopted,dependency: maven net.logstash.logback:logstash-logback-encoder >=7.0.0 (pom.xml:42); dependsOn: resource:default/log-pipeline,,2026-11-20T10:00:00.000Z',
    );
    expect(lines).toHaveLength(1 + 5 + 1); // header, 5 rows, final CRLF
  });

  it("exports one heatmap cell's services of the statuses asked for", async () => {
    const { app } = await appWithResults();
    const response = await request(app).get(
      '/adoption/export.csv?pattern=structured-logging&valueStream=domain:default/payments&status=not-adopted,error',
    );
    expect(response.status).toBe(200);
    const rows = response.text.trim().split('\r\n').slice(1);
    expect(rows.map(row => row.split(',').slice(0, 6))).toEqual([
      [
        'component:default/checkout-service',
        'pattern:default/structured-logging',
        'community:default/devops-practice',
        'domain:default/payments',
        'group:default/checkout-team',
        'not-adopted',
      ],
    ]);
  });

  it('exports a pattern, quoting cells and guarding against formulas', async () => {
    const { app, store } = await createTestApp();
    store.results = [
      result('component:default/payment-gateway', LOGGING, 'exempt', {
        reason: '=HYPERLINK("http://evil.example","click")',
      }),
      result('component:default/refund-service', LOGGING, 'error', {
        reason: 'line one\nline "two", three',
      }),
    ];
    const response = await request(app).get(
      '/adoption/export.csv?pattern=structured-logging',
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain(
      `,exempt,,"'=HYPERLINK(""http://evil.example"",""click"")",`,
    );
    expect(response.text).toContain(`,error,,"line one\nline ""two"", three",`);
  });

  it('streams more rows than one store page', async () => {
    const { app, store } = await createTestApp();
    store.results = Array.from({ length: 1201 }, (_, i) =>
      result(
        `component:default/svc-${String(i).padStart(4, '0')}`,
        LOGGING,
        'adopted',
      ),
    );
    const response = await request(app).get(
      '/adoption/export.csv?pattern=pattern:default/structured-logging',
    );
    const lines = response.text.trim().split('\r\n');
    expect(lines).toHaveLength(1202);
    expect(lines.filter(l => l.startsWith('entity,'))).toHaveLength(1);
    expect(lines[1202 - 1]).toMatch(/^component:default\/svc-1200,/);
  });

  it('is empty but for the header when nothing matches', async () => {
    const { app } = await createTestApp({});
    const response = await request(app).get(
      '/adoption/export.csv?community=frontend-guild',
    );
    expect(response.status).toBe(200);
    expect(response.text).toBe(
      'entity,pattern,community,valueStream,owner,status,evidence,reason,checkedAt\r\n',
    );
  });

  it('answers 500 without a stack trace when the store fails', async () => {
    const { app, store } = await createTestApp();
    jest
      .spyOn(store as FakeAdoptionStore, 'listResults')
      .mockRejectedValueOnce(new Error('database is down'));
    const response = await request(app).get(
      '/adoption/export.csv?pattern=structured-logging',
    );
    expect(response.status).toBe(500);
    expect(response.body.error.stack).toBeUndefined();
  });
});
