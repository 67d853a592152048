import {
  catalogApiRef,
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { identityApiRef } from '@backstage/core-plugin-api';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { communityApiRef } from './api';
import {
  CommunitiesPage,
  EntityCommunitiesCard,
  communityPlugin,
} from './plugin';
import { rootRouteRef } from './routes';
import { storefrontBackend } from './__testUtils__/communityBackend';
import {
  communities,
  relatedEntities,
  storefrontBff,
} from './__testUtils__/fixtures';

const backend = () => storefrontBackend().client;

const mountedRoutes = {
  '/communities': rootRouteRef,
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

describe('the legacy frontend system plugin', () => {
  it('is the community plugin, providing the community API', () => {
    expect(communityPlugin.getId()).toBe('community');
    expect(
      [...communityPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual(['plugin.community.service']);
  });

  it('renders the communities card on an entity page', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[communityApiRef, backend()]]}>
        <EntityProvider entity={storefrontBff}>
          <EntityCommunitiesCard />
        </EntityProvider>
      </TestApiProvider>,
      { mountedRoutes },
    );

    expect(
      await screen.findByText(
        'Named among the services DevOps Practice supports',
      ),
    ).toBeInTheDocument();
  });

  it('renders the communities page with its own header', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [communityApiRef, backend()],
          [
            catalogApiRef,
            catalogApiMock({ entities: [...communities, ...relatedEntities] }),
          ],
          [identityApiRef, mockApis.identity()],
        ]}
      >
        <Routes>
          <Route path="/communities" element={<CommunitiesPage />} />
        </Routes>
      </TestApiProvider>,
      {
        routeEntries: ['/communities'],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );

    expect(
      await screen.findByRole('heading', { name: 'Communities', level: 1 }),
    ).toBeInTheDocument();
    expect(await screen.findByText('4 communities')).toBeInTheDocument();
  });
});
