import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { acmeResults, trendPoint } from './__testUtils__/FakeAdoptionStore';
import { RESTRICTED_USER, createTestApp } from './__testUtils__/testApp';

function summaries(body: any) {
  return body.items.map((c: any) => ({
    community: c.communityRef,
    score: c.score,
    reasons: c.reasons.map((r: any) => r.text),
  }));
}

describe('GET /entities/:kind/:namespace/:name/communities', () => {
  it('finds the communities of a service created from a template, strongest first', async () => {
    const { app, store } = await createTestApp();
    store.results = acmeResults();
    const response = await request(app).get(
      '/entities/component/default/payment-gateway/communities',
    );
    expect(response.status).toBe(200);
    expect(summaries(response.body)).toEqual([
      {
        community: 'community:default/java-chapter',
        score: 230,
        reasons: [
          'named among the services Java Chapter supports',
          'created from the Java service (golden path) template, published by Java Chapter',
          'adopted Spring Boot 3.2 baseline, a pattern published by Java Chapter',
          'owned by Payments Platform, whose member Ana Costa takes part in Java Chapter',
          'part of the Payments value stream, which Java Chapter supports',
        ],
      },
      {
        community: 'community:default/devops-practice',
        score: 210,
        reasons: [
          'named among the services DevOps Practice supports',
          'created from the Java service (golden path) template, which implements Structured logging to the log pipeline, a pattern of DevOps Practice',
          'adopted Structured logging to the log pipeline, a pattern published by DevOps Practice',
          'part of the Payments value stream, which DevOps Practice supports',
        ],
      },
      {
        community: 'community:default/payment-experience',
        score: 160,
        reasons: [
          'named among the services Payment Experience supports',
          'owned by Payments Platform, the owner of Payment Experience',
          'owned by Payments Platform, whose member Haruto Sato takes part in Payment Experience',
          'part of the Payments value stream, which Payment Experience supports',
        ],
      },
    ]);
    expect(response.body.items[1]).toMatchObject({
      title: 'DevOps Practice',
      chatUrl: 'https://chat.example.com/devops-practice',
    });
    expect(response.body.items[0].chatUrl).toBeUndefined();
    expect(response.body.items[0].reasons[1]).toEqual({
      kind: 'created-from-template',
      text: expect.any(String),
      via: 'template:default/java-service',
    });
  });

  it('ranks by owning team and value stream when nothing names the service', async () => {
    const { app } = await createTestApp();
    const response = await request(app).get(
      '/entities/component/default/storefront-bff/communities',
    );
    expect(summaries(response.body)).toEqual([
      {
        community: 'community:default/devops-practice',
        score: 170,
        reasons: [
          'named among the services DevOps Practice supports',
          'created from the Node.js service (golden path) template, published by DevOps Practice',
          'part of the Storefront value stream, which DevOps Practice supports',
        ],
      },
      {
        community: 'community:default/frontend-guild',
        score: 60,
        reasons: [
          'owned by Web Frontend, the owner of Frontend Guild',
          'owned by Web Frontend, which takes part in Frontend Guild',
          'part of the Storefront value stream, which Frontend Guild supports',
        ],
      },
      {
        community: 'community:default/payment-experience',
        score: 20,
        reasons: [
          'owned by Web Frontend, whose member Sofia Rossi takes part in Payment Experience',
        ],
      },
      {
        community: 'community:default/java-chapter',
        score: 10,
        reasons: [
          'part of the Storefront value stream, which Java Chapter supports',
        ],
      },
    ]);
  });

  it('uses only what the caller may read', async () => {
    const { app, store } = await createTestApp({
      hiddenFromRestricted: [
        'community:default/java-chapter',
        'pattern:default/structured-logging',
      ],
    });
    store.results = acmeResults();
    const response = await request(app)
      .get('/entities/component/default/payment-gateway/communities')
      .set('authorization', mockCredentials.user.header(RESTRICTED_USER));
    expect(summaries(response.body)).toEqual([
      expect.objectContaining({
        community: 'community:default/payment-experience',
        score: 160,
      }),
      {
        community: 'community:default/devops-practice',
        score: 110,
        reasons: [
          'named among the services DevOps Practice supports',
          'part of the Payments value stream, which DevOps Practice supports',
        ],
      },
    ]);
  });

  it('is 404 for an entity that is not in the catalog', async () => {
    const { app } = await createTestApp();
    const response = await request(app).get(
      '/entities/component/default/ghost/communities',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No entity component:default/ghost in the catalog',
    );
  });
});

describe('GET /communities/:namespace/:name/summary', () => {
  it('counts people, patterns, templates and adoption with its 90-day change', async () => {
    const { app, store } = await createTestApp({
      now: new Date('2026-11-24T12:00:00Z'),
    });
    store.results = acmeResults();
    store.trendPoints = [
      trendPoint('2026-08-20', 1, 3),
      trendPoint('2026-08-24', 1, 4),
      trendPoint('2026-09-01', 3, 1),
    ];
    const response = await request(app).get(
      '/communities/default/devops-practice/summary',
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      communityRef: 'community:default/devops-practice',
      leads: 2,
      participants: 3, // Platform's Jonas and Arjun, and Mehmet
      patterns: {
        total: 3,
        byStatus: { adopt: 1, trial: 0, assess: 1, hold: 0, retired: 1 },
      },
      templates: 1,
      services: 2,
      valueStreams: 2,
      adoption: {
        rate: 0.5,
        rate90DaysAgo: 0.2,
        change90Days: expect.closeTo(0.3, 10),
      },
    });
    expect(store.trendFilters).toEqual([
      {
        communityRef: 'community:default/devops-practice',
        from: '2026-08-19',
        to: '2026-08-26',
      },
    ]);
  });

  it('expands participating groups to their members, without duplicates', async () => {
    const { app } = await createTestApp();
    const response = await request(app).get(
      '/communities/default/payment-experience/summary',
    );
    // Checkout (Li, Mehmet), Customer Success (Olivia), and Li, Haruto, Sofia.
    expect(response.body.participants).toBe(5);
    expect(response.body.patterns).toEqual({
      total: 1,
      byStatus: { adopt: 0, trial: 1, assess: 0, hold: 0, retired: 0 },
    });
    expect(response.body.adoption).toEqual({
      rate: null,
      rate90DaysAgo: null,
      change90Days: null,
    });
  });

  it('leaves out the 90-day change for callers with restricted catalog access', async () => {
    const { app, store } = await createTestApp({
      hiddenFromRestricted: [
        'component:default/checkout-service',
        'pattern:default/helm-chart-per-service',
      ],
    });
    store.results = acmeResults();
    store.trendPoints = [trendPoint('2026-08-24', 1, 4)];
    const response = await request(app)
      .get('/communities/default/devops-practice/summary')
      .set('authorization', mockCredentials.user.header(RESTRICTED_USER));
    expect(response.status).toBe(200);
    expect(response.body.patterns.total).toBe(2);
    expect(response.body.adoption).toEqual({
      rate: 1,
      rate90DaysAgo: null,
      change90Days: null,
    });
    expect(store.trendFilters).toEqual([]);
  });

  it('is 404 for a community that is not in the catalog', async () => {
    const { app } = await createTestApp();
    const response = await request(app).get(
      '/communities/default/ghost-guild/summary',
    );
    expect(response.status).toBe(404);
  });
});
