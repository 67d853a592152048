import request from 'supertest';
import { createTestApp } from './__testUtils__/testApp';

const STATUSES = 'adopted, not-adopted, exempt, not-applicable, error';

describe('bad input', () => {
  it.each([
    [
      '/patterns/default/structured-logging/adoption?status=adopted,done',
      `status must be one of ${STATUSES}; got "done"`,
    ],
    [
      '/patterns/default/structured-logging/adoption?limit=501',
      'limit must be <= 500; got 501',
    ],
    [
      '/patterns/default/structured-logging/adoption?limit=0',
      'limit must be >= 1; got 0',
    ],
    [
      '/patterns/default/structured-logging/adoption?limit=ten',
      'limit must be integer; got "ten"',
    ],
    [
      '/patterns/default/structured-logging/adoption?cursor=bm9wZQ',
      'cursor must be the nextCursor of a previous page; got "bm9wZQ"',
    ],
    [
      '/patterns/default/structured-logging/adoption?cursor=a%20b',
      'cursor must be the nextCursor of a previous page; got "a b"',
    ],
    [
      '/patterns/default/structured-logging/adoption?valueStream=group:default/web',
      'valueStream must refer to a Domain; got "group:default/web"',
    ],
    [
      '/patterns/Bad_Namespace/structured-logging/adoption',
      'namespace must be an entity namespace (letters, digits and dashes); got "Bad_Namespace"',
    ],
    [
      '/entities/component/default/Bad%20Name!/adoption',
      'name must be an entity name (letters, digits and "-", "_" or "." between them); got "Bad Name!"',
    ],
    [
      '/entities/1component/default/payment-gateway/communities',
      'kind must be an entity kind (letters and digits, starting with a letter); got "1component"',
    ],
    [
      '/communities/default/x-/summary',
      'name must be an entity name (letters, digits and "-", "_" or "." between them); got "x-"',
    ],
    [
      '/adoption/trends?from=2027-02-30',
      'from must be a date written YYYY-MM-DD; got "2027-02-30"',
    ],
    [
      '/adoption/trends?to=yesterday',
      'to must be a date written YYYY-MM-DD; got "yesterday"',
    ],
    [
      '/adoption/trends?from=2026-05-02&to=2026-05-01',
      'from must not be after to; got from 2026-05-02 and to 2026-05-01',
    ],
    [
      '/adoption/trends?from=2023-05-01&to=2026-05-02',
      'to must be at most 3 years after from; got from 2023-05-01 and to 2026-05-02',
    ],
    [
      '/adoption/trends?community=group:default/platform',
      'community must refer to a Community; got "group:default/platform"',
    ],
    [
      '/adoption/trends?pattern=a:b:c',
      'pattern must be an entity ref such as "pattern:default/name" (kind defaults to Pattern); got "a:b:c"',
    ],
    [
      '/adoption/summary?community=x&community=y',
      'community must be string; got ["x","y"]',
    ],
    [
      '/adoption/summary?colour=blue',
      'unknown query parameter "colour"; expected one of community, valueStream',
    ],
    [
      '/adoption/export.csv',
      'community or pattern is required: the export holds the results of one community (community=community:default/name) or one pattern (pattern=pattern:default/name)',
    ],
    ['/adoption/export.csv?pattern=', 'pattern must not be empty'],
  ])('GET %s is 400: %s', async (url, message) => {
    const { app } = await createTestApp();
    const response = await request(app).get(url);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ name: 'InputError', message });
  });

  it('quotes at most 100 characters of a bad value, however long', async () => {
    const { app } = await createTestApp();
    const cursor = 'A'.repeat(15_000);
    const response = await request(app).get(
      `/patterns/default/structured-logging/adoption?cursor=${cursor}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      `cursor must NOT have more than 100 characters; got "${'A'.repeat(
        100,
      )}"… (15000 characters)`,
    );
    // Backstage's error handler echoes the request URL once, as
    // request.url; nothing else may repeat the value.
    expect(response.body.request.url.length).toBeGreaterThan(15_000);
    expect(response.text.length).toBeLessThan(cursor.length + 1_000);
  });

  it("cuts a long value in the router's own checks too", async () => {
    const { app } = await createTestApp();
    const ref = `domain:default/${'x'.repeat(300)}`;
    const response = await request(app).get(
      `/adoption/summary?valueStream=${ref}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      `valueStream must be an entity ref such as "domain:default/name" (kind defaults to Domain); got "${ref.slice(
        0,
        100,
      )}"… (315 characters)`,
    );
  });

  const streams = (n: number) =>
    Array.from({ length: n }, (_, i) => `domain:default/s${i}`).join(',');

  it.each([
    [
      '/adoption/summary',
      `valueStream=${streams(51)}`,
      'valueStream must list at most 50 values, repeated or separated by commas; got 51',
    ],
    [
      '/patterns/default/structured-logging/adoption',
      `valueStream=${streams(30)}&valueStream=${streams(21)}`,
      'valueStream must list at most 50 values, repeated or separated by commas; got 51',
    ],
    [
      '/patterns/default/structured-logging/adoption',
      `status=${Array(21).fill('adopted').join(',')}`,
      'status must list at most 20 values, repeated or separated by commas; got 21',
    ],
  ])(
    'counts comma-separated values against the limit: %s?%s',
    async (path, query, message) => {
      const { app } = await createTestApp();
      const response = await request(app).get(`${path}?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ name: 'InputError', message });
    },
  );

  it('accepts exactly 50 comma-separated value streams', async () => {
    const { app } = await createTestApp();
    const response = await request(app).get(
      `/adoption/summary?valueStream=${streams(50)}`,
    );
    expect(response.status).toBe(200);
  });

  it('accepts a range of exactly 3 years, across a leap day', async () => {
    const { app } = await createTestApp();
    const response = await request(app).get(
      '/adoption/trends?from=2024-02-29&to=2027-02-28',
    );
    expect(response.status).toBe(200);
  });

  it('serves the OpenAPI document it validates against', async () => {
    const { app } = await createTestApp();
    const response = await request(app).get('/openapi.json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toContain('/adoption/export.csv');
  });
});
