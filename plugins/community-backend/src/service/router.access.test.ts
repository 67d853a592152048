import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { acmeResults } from './__testUtils__/FakeAdoptionStore';
import {
  RESTRICTED_USER,
  createTestApp,
  scanSummary,
} from './__testUtils__/testApp';

const READ_ROUTES = [
  '/patterns/default/structured-logging/adoption',
  '/adoption/summary',
  '/adoption/trends',
  '/adoption/export.csv?pattern=structured-logging',
  '/entities/component/default/payment-gateway/adoption',
  '/entities/component/default/payment-gateway/communities',
  '/communities/default/devops-practice/summary',
  '/scans/latest',
];

const HIDDEN = [
  'component:default/checkout-service',
  'pattern:default/helm-chart-per-service',
];

const asRestricted = mockCredentials.user.header(RESTRICTED_USER);

describe('authentication and permissions', () => {
  it.each(READ_ROUTES)('GET %s is 401 without credentials', async route => {
    const { app } = await createTestApp();
    const response = await request(app)
      .get(route)
      .set('authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });

  it('POST /scans is 401 without credentials', async () => {
    const { app, scans } = await createTestApp();
    const response = await request(app)
      .post('/scans')
      .set('authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
    expect(scans.startScan).not.toHaveBeenCalled();
  });

  it.each(READ_ROUTES)(
    'GET %s is 403 when community.adoption.read is denied',
    async route => {
      const { app } = await createTestApp({
        adoptionRead: AuthorizeResult.DENY,
      });
      const response = await request(app).get(route);
      expect(response.status).toBe(403);
      expect(response.body.error).toEqual({
        name: 'NotAllowedError',
        message:
          'You are not allowed to do this: it needs the community.adoption.read permission',
      });
    },
  );

  it('POST /scans is 403 when community.scan.create is denied', async () => {
    const { app, scans } = await createTestApp({
      scanCreate: AuthorizeResult.DENY,
    });
    const response = await request(app).post('/scans');
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain('community.scan.create');
    expect(scans.startScan).not.toHaveBeenCalled();
  });

  it('accepts service credentials', async () => {
    const { app } = await createTestApp();
    const response = await request(app)
      .get('/adoption/summary')
      .set('authorization', mockCredentials.service.header());
    expect(response.status).toBe(200);
  });
});

describe('catalog visibility', () => {
  async function restrictedApp() {
    const test = await createTestApp({ hiddenFromRestricted: HIDDEN });
    test.store.results = acmeResults();
    return test;
  }

  it('lists only entities the caller may read', async () => {
    const { app, store } = await restrictedApp();
    const response = await request(app)
      .get('/patterns/default/structured-logging/adoption')
      .set('authorization', asRestricted);
    expect(response.body.totalCount).toBe(3);
    expect(response.body.items.map((r: any) => r.entityRef)).not.toContain(
      'component:default/checkout-service',
    );
    const visible = store.resultFilters[0].visibleEntityRefs!;
    expect(visible.has('component:default/payment-gateway')).toBe(true);
    expect(visible.has('component:default/checkout-service')).toBe(false);
  });

  it('summarizes only visible entities and patterns', async () => {
    const { app } = await restrictedApp();
    const response = await request(app)
      .get('/adoption/summary')
      .set('authorization', asRestricted);
    const cells = response.body.items;
    expect(cells.map((c: any) => c.patternRef)).not.toContain(
      'pattern:default/helm-chart-per-service',
    );
    const payments = cells.find(
      (c: any) =>
        c.patternRef === 'pattern:default/structured-logging' &&
        c.valueStream === 'domain:default/payments',
    );
    expect(payments).toMatchObject({ adopted: 1, notAdopted: 0, exempt: 1 });
  });

  it('exports only visible rows', async () => {
    const { app } = await restrictedApp();
    const response = await request(app)
      .get('/adoption/export.csv?community=devops-practice')
      .set('authorization', asRestricted);
    expect(response.text).not.toContain('checkout-service');
    expect(response.text).not.toContain('helm-chart-per-service');
    expect(response.text.trim().split('\r\n')).toHaveLength(1 + 3);
  });

  it('answers 404 for a hidden entity, as for a missing one', async () => {
    const { app } = await restrictedApp();
    const hidden = await request(app)
      .get('/entities/component/default/checkout-service/adoption')
      .set('authorization', asRestricted);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      'No entity component:default/checkout-service in the catalog',
    );
    const pattern = await request(app)
      .get('/patterns/default/helm-chart-per-service/adoption')
      .set('authorization', asRestricted);
    expect(pattern.status).toBe(404);
  });

  it("leaves hidden patterns out of an entity's results", async () => {
    const { app } = await restrictedApp();
    const response = await request(app)
      .get('/entities/component/default/storefront-bff/adoption')
      .set('authorization', asRestricted);
    expect(response.body.items.map((r: any) => r.patternRef)).toEqual([
      'pattern:default/structured-logging',
    ]);
  });

  it('refuses trends to callers with restricted catalog access', async () => {
    const { app, store } = await restrictedApp();
    const response = await request(app)
      .get('/adoption/trends')
      .set('authorization', asRestricted);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'Adoption trends are daily totals over every entity and cannot be narrowed to the entities you may see; they need read access to the whole catalog',
    );
    expect(store.trendFilters).toEqual([]);
  });

  it('shows nothing to callers who may read no entity', async () => {
    const { app, store } = await createTestApp({
      catalogRead: AuthorizeResult.DENY,
    });
    store.results = acmeResults();
    const summary = await request(app).get('/adoption/summary');
    expect(summary.body.items).toEqual([]);
    const pattern = await request(app).get(
      '/patterns/default/structured-logging/adoption',
    );
    expect(pattern.status).toBe(404);
    const trends = await request(app).get('/adoption/trends');
    expect(trends.status).toBe(403);
  });
});

describe('scans', () => {
  it('POST /scans starts a scan and answers 202', async () => {
    const { app, scans } = await createTestApp();
    scans.startScan.mockResolvedValue({ created: true, scan: scanSummary() });
    const response = await request(app).post('/scans');
    expect(response.status).toBe(202);
    expect(response.body).toEqual(scanSummary());
  });

  it('POST /scans is 409 while a scan is running', async () => {
    const { app, scans } = await createTestApp();
    scans.startScan.mockResolvedValue({ created: false, scan: scanSummary() });
    const response = await request(app).post('/scans');
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({
      name: 'ConflictError',
      message:
        'A scan is already running (scan-7, started 2026-11-24T09:00:00.000Z, 1 of 4 partitions done); wait for it to finish',
    });
  });

  it('GET /scans/latest answers the latest scan', async () => {
    const { app, scans } = await createTestApp({
      scanCreate: AuthorizeResult.DENY,
    });
    const finished = scanSummary({
      status: 'succeeded',
      finishedAt: '2026-11-24T09:04:00.000Z',
      durationMs: 240000,
    });
    scans.getLatestScan.mockResolvedValue(finished);
    const response = await request(app).get('/scans/latest');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(finished);
  });

  it('GET /scans/latest is 404 when no scan ran', async () => {
    const { app, scans } = await createTestApp();
    scans.getLatestScan.mockResolvedValue(undefined);
    const response = await request(app).get('/scans/latest');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'No adoption scan has run yet; start one with POST /scans or wait for the scheduled scan',
    );
  });
});
