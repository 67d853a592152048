/**
 * copkit's Communities of Practice for Backstage's new frontend system: the
 * default export is the plugin, discovered by apps with `app.packages: all`.
 *
 * @packageDocumentation
 */
import {
  ApiBlueprint,
  PageBlueprint,
  createFrontendFeatureLoader,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { Content } from '@backstage/core-components';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import GroupWorkIcon from '@material-ui/icons/GroupWork';
import { z } from 'zod';
import { CommunityClient, communityApiRef } from './api';
import {
  adoptionRouteRef,
  rootRouteRef,
  selectedTemplateRouteRef,
} from './routes';
import {
  catalogCommunityFilter,
  catalogGraphCommunityRelationsModule,
} from './catalogExtensions';

export {
  catalogCommunityFilter,
  catalogGraphCommunityRelationsModule,
} from './catalogExtensions';

/**
 * The `CommunityApi` for the new frontend system.
 *
 * @alpha
 */
export const communityApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: communityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CommunityClient({ discoveryApi, fetchApi }),
    }),
});

/**
 * The communities page at `/communities`. Its title and icon also make the
 * sidebar's "Communities" entry.
 *
 * @alpha
 */
export const communitiesPage = PageBlueprint.make({
  params: {
    path: '/communities',
    routeRef: rootRouteRef,
    title: 'Communities',
    icon: <GroupWorkIcon fontSize="inherit" />,
    loader: () =>
      import('./components/CommunitiesPage').then(m => (
        <Content>
          <m.CommunitiesRoutes />
        </Content>
      )),
  },
});

/**
 * The communities card on Component entity pages. Config: `docsUrl`, a page
 * explaining how services become part of a community, linked from the card
 * when the service is in none.
 *
 * @alpha
 */
export const entityCommunitiesCard = EntityCardBlueprint.makeWithOverrides({
  name: 'communities',
  configSchema: {
    docsUrl: z.string().optional(),
  },
  factory(originalFactory, { config }) {
    return originalFactory({
      filter: { kind: 'component' },
      loader: () =>
        import('./components/EntityCommunitiesCard').then(m => (
          <m.EntityCommunitiesCard docsUrl={config.docsUrl} />
        )),
    });
  },
});

/**
 * The "Community" tab on Community entity pages.
 *
 * @alpha
 */
export const communityEntityContent = EntityContentBlueprint.make({
  name: 'community',
  params: {
    path: '/community',
    title: 'Community',
    filter: { kind: 'community' },
    loader: () =>
      import('./components/CommunityPage').then(m => (
        <m.CommunityEntityContent />
      )),
  },
});

/**
 * A Community at a glance, on the overview of Community entity pages.
 *
 * @alpha
 */
export const entityCommunityOverviewCard = EntityCardBlueprint.make({
  name: 'community-overview',
  params: {
    filter: { kind: 'community' },
    loader: () =>
      import('./components/CommunityPage').then(m => (
        <m.CommunityOverviewCard />
      )),
  },
});

/**
 * The "Adoption" tab on Pattern entity pages.
 *
 * @alpha
 */
export const patternAdoptionEntityContent = EntityContentBlueprint.make({
  name: 'pattern-adoption',
  params: {
    path: '/adoption',
    title: 'Adoption',
    filter: { kind: 'pattern' },
    loader: () =>
      import('./components/PatternPage').then(m => (
        <m.PatternAdoptionContent />
      )),
  },
});

/**
 * A Pattern at a glance, on the overview of Pattern entity pages.
 *
 * @alpha
 */
export const entityPatternOverviewCard = EntityCardBlueprint.make({
  name: 'pattern-overview',
  params: {
    filter: { kind: 'pattern' },
    loader: () =>
      import('./components/PatternPage').then(m => <m.PatternOverviewCard />),
  },
});

/**
 * copkit's community plugin for the new frontend system: the communities
 * page with the adoption dashboard (and its sidebar entry), the
 * communities card for Component pages, the Community and Pattern entity
 * tabs and overview cards, and the community API.
 *
 * @alpha
 */
export const communityPlugin = createFrontendPlugin({
  pluginId: 'community',
  title: 'Communities',
  icon: <GroupWorkIcon fontSize="inherit" />,
  info: { packageJson: () => import('../package.json') },
  routes: {
    root: rootRouteRef,
    adoption: adoptionRouteRef,
  },
  externalRoutes: {
    selectedTemplate: selectedTemplateRouteRef,
  },
  extensions: [
    communityApi,
    communitiesPage,
    entityCommunitiesCard,
    communityEntityContent,
    entityCommunityOverviewCard,
    patternAdoptionEntityContent,
    entityPatternOverviewCard,
    catalogCommunityFilter,
  ],
});

/**
 * Everything copkit adds to an app of the new frontend system, found by
 * feature discovery (`app.packages: all`): {@link communityPlugin} and
 * {@link catalogGraphCommunityRelationsModule}, which shows copkit's
 * relations in the catalog graph. The module does nothing in an app without
 * the catalog graph plugin.
 *
 * @alpha
 */
export default createFrontendFeatureLoader({
  async loader() {
    return [communityPlugin, catalogGraphCommunityRelationsModule];
  },
});
