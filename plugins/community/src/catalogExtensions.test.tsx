import { Entity } from '@backstage/catalog-model';
import {
  PageBlueprint,
  createFrontendPlugin,
  useApi,
} from '@backstage/frontend-plugin-api';
import { mockApis, renderTestApp } from '@backstage/frontend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import { catalogGraphApiRef } from '@backstage/plugin-catalog-graph';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { catalogGraphCommunityRelationsModule } from './catalogExtensions';
import { communityPlugin } from './alpha';

/** What the catalog graph's card and page read for their relation lists. */
function GraphRelations() {
  const api = useApi(catalogGraphApiRef);
  return (
    <>
      <p>known: {api.knownRelations.join(' ')}</p>
      <p>
        pairs: {api.knownRelationPairs.map(pair => pair.join('/')).join(' ')}
      </p>
      <p>default: {api.defaultRelations.join(' ')}</p>
    </>
  );
}

// Stands in for the catalog graph plugin: the module only applies to an app
// that has it, and replaces that plugin's API extension.
const catalogGraphPlugin = createFrontendPlugin({
  pluginId: 'catalog-graph',
  extensions: [
    PageBlueprint.make({
      params: {
        path: '/graph-relations',
        loader: async () => <GraphRelations />,
      },
    }),
  ],
});

describe('the catalog graph module', () => {
  it("adds copkit's relations to Backstage's own, with no app-config", async () => {
    renderTestApp({
      features: [catalogGraphPlugin, catalogGraphCommunityRelationsModule],
      initialRouteEntries: ['/graph-relations'],
    });
    const known = await screen.findByText(/^known:/, {}, { timeout: 10000 });
    expect(known.textContent?.split(' ')).toEqual(
      expect.arrayContaining([
        'ownedBy',
        'hasMember',
        'participatesIn',
        'leads',
        'supportedBy',
        'publishes',
        'implements',
      ]),
    );
    expect(screen.getByText(/^pairs:/).textContent).toContain(
      'hasParticipant/participatesIn',
    );
    expect(screen.getByText(/^pairs:/).textContent).toContain(
      'ownerOf/ownedBy',
    );
    expect(screen.getByText(/^default:/).textContent).toContain('ledBy');
  });
});

const community = (name: string, title: string): Entity => ({
  apiVersion: 'copkit.io/v1alpha1',
  kind: 'Community',
  metadata: { name, namespace: 'default', title },
  spec: {},
});

const component = (name: string, supportedBy?: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/web',
  },
  relations: supportedBy
    ? [{ type: 'supportedBy', targetRef: supportedBy }]
    : [],
});

describe('the Community filter on the catalog index page', () => {
  it('keeps the entities a chosen community supports', async () => {
    renderTestApp({
      features: [catalogPlugin, communityPlugin],
      apis: [
        catalogApiMock({
          entities: [
            community('devops-practice', 'DevOps Practice'),
            community('frontend-guild', 'Frontend Guild'),
            component('checkout-service', 'community:default/devops-practice'),
            component('storefront-web', 'community:default/frontend-guild'),
            component('ledger'),
          ],
        }),
        mockApis.identity(),
        mockApis.permission(),
      ],
      initialRouteEntries: ['/catalog?filters[kind]=component'],
    });

    // The table renders again as the filters settle: wait for the full list.
    await waitFor(
      () => {
        expect(screen.getByText('storefront-web')).toBeInTheDocument();
        expect(screen.getByText('ledger')).toBeInTheDocument();
      },
      { timeout: 10000 },
    );

    await userEvent.click(
      await screen.findByRole(
        'textbox',
        { name: 'Community' },
        { timeout: 10000 },
      ),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'DevOps Practice' }),
    );

    await waitFor(
      () =>
        expect(screen.queryByText('storefront-web')).not.toBeInTheDocument(),
      { timeout: 10000 },
    );
    expect(screen.queryByText('ledger')).not.toBeInTheDocument();
    expect(screen.getByText('checkout-service')).toBeInTheDocument();
  }, 30_000);
});
