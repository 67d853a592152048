import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  catalogApiMock,
  createTestEntityPage,
} from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import {
  communityPlugin,
  communitiesPage,
  entityCommunitiesCard,
} from './alpha';
import { communityApiRef } from './api';
import {
  fakeCommunityBackend,
  storefrontBackend,
} from './__testUtils__/communityBackend';
import {
  communities,
  relatedEntities,
  storefrontBff,
} from './__testUtils__/fixtures';

const backend = () => storefrontBackend().client;

describe('the new frontend system plugin', () => {
  it('is the community plugin with its page, card and API', () => {
    expect(communityPlugin.pluginId).toBe('community');
    expect(communityPlugin.getExtension('page:community')).toBeDefined();
    expect(
      communityPlugin.getExtension('entity-card:community/communities'),
    ).toBeDefined();
    expect(communityPlugin.getExtension('api:community')).toBeDefined();
  });

  it('serves the communities page at /communities', async () => {
    renderTestApp({
      extensions: [communitiesPage],
      apis: [
        [communityApiRef, backend()],
        catalogApiMock({ entities: [...communities, ...relatedEntities] }),
        mockApis.identity(),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: ['/communities'],
    });

    // The page is loaded lazily, as in the app.
    expect(
      await screen.findByText('4 communities', {}, { timeout: 10000 }),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { name: 'Engineering Guild' }),
    ).toBeInTheDocument();
  }, 20_000);

  it('puts the communities card on Component pages', async () => {
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: storefrontBff }),
        entityCommunitiesCard,
      ],
      apis: [[communityApiRef, backend()]],
    });

    expect(
      await screen.findByText(
        'Named among the services DevOps Practice supports',
      ),
    ).toBeInTheDocument();
  });

  it('leaves the card off pages of other kinds', async () => {
    const { client, fetch } = fakeCommunityBackend({});
    const otherCard = EntityCardBlueprint.make({
      name: 'other',
      params: { loader: async () => <p>Another card</p> },
    });
    renderTestApp({
      extensions: [
        createTestEntityPage({
          entity: { ...storefrontBff, kind: 'API', spec: { type: 'openapi' } },
        }),
        entityCommunitiesCard,
        otherCard,
      ],
      apis: [[communityApiRef, client]],
    });

    expect(await screen.findByText('Another card')).toBeInTheDocument();
    await new Promise(resolve => setTimeout(resolve, 300));
    expect(screen.queryByText('Communities')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
