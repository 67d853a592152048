import { ResponseError } from '@backstage/errors';
import {
  FORBIDDEN,
  fakeCommunityBackend,
} from '../__testUtils__/communityBackend';
import { entityAdoption, relevantCommunities } from '../__testUtils__/fixtures';

describe('CommunityClient', () => {
  it('reads the communities of an entity from its path', async () => {
    const { client, requests } = fakeCommunityBackend({
      '/entities/component/default/storefront-bff/communities': {
        body: { items: relevantCommunities },
      },
    });

    await expect(
      client.getRelevantCommunities('Component:default/storefront-bff'),
    ).resolves.toEqual(relevantCommunities);
    expect(requests).toEqual([
      '/entities/component/default/storefront-bff/communities',
    ]);
  });

  it('reads the adoption of an entity given as a compound ref', async () => {
    const { client } = fakeCommunityBackend({
      '/entities/component/team-a/storefront-bff/adoption': {
        body: { items: entityAdoption },
      },
    });

    await expect(
      client.getEntityAdoption({
        kind: 'Component',
        namespace: 'team-a',
        name: 'storefront-bff',
      }),
    ).resolves.toHaveLength(entityAdoption.length);
  });

  it('sends filters as query parameters, repeating lists', async () => {
    const { client, requests } = fakeCommunityBackend({
      '/adoption/summary': { body: { items: [] } },
      '/patterns/default/structured-logging/adoption': {
        body: { items: [], totalCount: 0 },
      },
      '/adoption/trends': { body: { items: [] } },
    });

    await client.getAdoptionSummary({
      community: 'community:default/payment-experience',
      valueStreams: ['domain:default/payments', 'unassigned'],
    });
    await client.getPatternAdoption('structured-logging', {
      status: ['adopted', 'error'],
      limit: 10,
    });
    await client.getAdoptionTrends({
      pattern: 'pattern:default/x',
      from: '2026-01-01',
    });

    expect(requests).toEqual([
      '/adoption/summary?community=community%3Adefault%2Fpayment-experience&valueStream=domain%3Adefault%2Fpayments&valueStream=unassigned',
      '/patterns/default/structured-logging/adoption?status=adopted&status=error&limit=10',
      '/adoption/trends?pattern=pattern%3Adefault%2Fx&from=2026-01-01',
    ]);
  });

  it('reads a community summary by its namespace and name', async () => {
    const { client } = fakeCommunityBackend({
      '/communities/default/frontend-guild/summary': {
        body: {
          communityRef: 'community:default/frontend-guild',
          participants: 6,
        },
      },
    });

    await expect(
      client.getCommunitySummary('frontend-guild'),
    ).resolves.toMatchObject({ participants: 6 });
  });

  it('answers no latest scan before the first one', async () => {
    const { client } = fakeCommunityBackend({});

    await expect(client.getLatestScan()).resolves.toBeUndefined();
  });

  it('starts a scan with a POST', async () => {
    const { client, fetch } = fakeCommunityBackend({
      '/scans': { body: { id: 'scan-1', status: 'running' } },
    });

    await expect(client.startScan()).resolves.toMatchObject({ id: 'scan-1' });
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/community/scans',
      expect.objectContaining({ method: 'POST' }),
    );
  });

  it("rethrows an error answer with the server's message", async () => {
    const { client } = fakeCommunityBackend({
      '/entities/component/default/storefront-bff/communities': FORBIDDEN,
    });

    const error = await client
      .getRelevantCommunities('component:default/storefront-bff')
      .catch(e => e);

    expect(ResponseError.is(error)).toBe(true);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe(
      'You are not allowed to do this: it needs the community.adoption.read permission',
    );
  });

  it('rejects a 404 for anything but the latest scan', async () => {
    const { client } = fakeCommunityBackend({});

    await expect(
      client.getEntityAdoption('component:default/gone'),
    ).rejects.toMatchObject({ statusCode: 404 });
  });
});
