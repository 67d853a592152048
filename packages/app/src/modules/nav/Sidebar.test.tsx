import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { communityApiRef } from '@copkit/plugin-community';
import { communityPlugin } from '@copkit/plugin-community/alpha';
import { screen, within } from '@testing-library/react';
import { navModule } from './index';

describe('the sidebar', () => {
  it('has a Communities entry that opens the communities page', async () => {
    renderTestApp({
      features: [navModule, communityPlugin],
      apis: [
        catalogApiMock({ entities: [] }),
        [communityApiRef, { getAdoptionSummary: async () => [] }],
        mockApis.identity(),
      ],
      initialRouteEntries: ['/communities'],
    });

    // The first render of a whole app is slow when the suite shares two cores.
    const nav = await screen.findByRole('navigation', {}, { timeout: 10000 });
    const entry = await within(nav).findByRole('link', { name: 'Communities' });
    expect(entry).toHaveAttribute('href', '/communities');
    expect(
      await screen.findByText(
        'No communities in the catalog yet',
        {},
        { timeout: 10000 },
      ),
    ).toBeInTheDocument();
  }, 20_000);
});
