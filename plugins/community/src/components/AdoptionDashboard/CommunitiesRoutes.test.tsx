import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { communitiesPage } from '../../alpha';
import { communityApiRef } from '../../api';
import { fakeCommunityBackend } from '../../__testUtils__/communityBackend';
import {
  communities,
  relatedEntities,
  summaryCells,
} from '../../__testUtils__/fixtures';

function renderPage(url: string) {
  const { client } = fakeCommunityBackend({
    '/adoption/summary': { body: { items: summaryCells } },
  });
  renderTestApp({
    extensions: [communitiesPage],
    apis: [
      [communityApiRef, client],
      catalogApiMock({ entities: [...communities, ...relatedEntities] }),
      mockApis.identity(),
      mockApis.permission(),
    ],
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    initialRouteEntries: [url],
  });
}

describe('the communities page with its adoption tab', () => {
  it('serves the adoption dashboard at /communities/adoption', async () => {
    renderPage('/communities/adoption');

    expect(
      await screen.findByText(
        'Adoption by pattern and value stream',
        {},
        { timeout: 10000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Adoption' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  }, 20_000);

  it('links from the communities to the adoption dashboard and back', async () => {
    renderPage('/communities');

    expect(
      await screen.findByText('4 communities', {}, { timeout: 10000 }),
    ).toBeInTheDocument();
    const adoption = screen.getByRole('tab', { name: 'Adoption' });
    expect(adoption).toHaveAttribute('href', '/communities/adoption');
    await userEvent.click(adoption);
    expect(
      await screen.findByText('Adoption by pattern and value stream'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Communities' }));
    expect(await screen.findByText('4 communities')).toBeInTheDocument();
  }, 20_000);
});
