import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { CommunityClient, communityApiRef } from './api';
import type { EntityCommunitiesCardProps } from './components/EntityCommunitiesCard';
import {
  adoptionRouteRef,
  rootRouteRef,
  selectedTemplateRouteRef,
} from './routes';

/**
 * copkit's community plugin for apps on the legacy frontend system. Apps on
 * the new frontend system use the default export of
 * `@copkit/plugin-community/alpha` instead.
 *
 * @public
 */
export const communityPlugin = createPlugin({
  id: 'community',
  routes: {
    root: rootRouteRef,
    adoption: adoptionRouteRef,
  },
  externalRoutes: {
    selectedTemplate: selectedTemplateRouteRef,
  },
  apis: [
    createApiFactory({
      api: communityApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CommunityClient({ discoveryApi, fetchApi }),
    }),
  ],
});

/**
 * The communities page, for a route such as
 * `<Route path="/communities" element={<CommunitiesPage />} />`.
 *
 * @public
 */
export const CommunitiesPage: () => JSX.Element = communityPlugin.provide(
  createRoutableExtension({
    name: 'CommunitiesPage',
    component: () =>
      import('./components/CommunitiesPage').then(m => m.CommunitiesPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The communities card for Component entity pages, e.g. inside
 * `<EntitySwitch.Case if={isKind('component')}>`.
 *
 * @public
 */
export const EntityCommunitiesCard: (
  props: EntityCommunitiesCardProps,
) => JSX.Element = communityPlugin.provide(
  createComponentExtension({
    name: 'EntityCommunitiesCard',
    component: {
      lazy: () =>
        import('./components/EntityCommunitiesCard').then(
          m => m.EntityCommunitiesCard,
        ),
    },
  }),
);

/**
 * The contents of a "Community" tab on Community entity pages, e.g.
 * `<EntityLayout.Route path="/community" title="Community">`.
 *
 * @public
 */
export const CommunityEntityContent: () => JSX.Element =
  communityPlugin.provide(
    createComponentExtension({
      name: 'CommunityEntityContent',
      component: {
        lazy: () =>
          import('./components/CommunityPage').then(
            m => m.CommunityEntityContent,
          ),
      },
    }),
  );

/**
 * A Community at a glance, for the overview of Community entity pages.
 *
 * @public
 */
export const EntityCommunityOverviewCard: () => JSX.Element =
  communityPlugin.provide(
    createComponentExtension({
      name: 'EntityCommunityOverviewCard',
      component: {
        lazy: () =>
          import('./components/CommunityPage').then(
            m => m.CommunityOverviewCard,
          ),
      },
    }),
  );

/**
 * The contents of an "Adoption" tab on Pattern entity pages, e.g.
 * `<EntityLayout.Route path="/adoption" title="Adoption">`.
 *
 * @public
 */
export const PatternAdoptionContent: () => JSX.Element =
  communityPlugin.provide(
    createComponentExtension({
      name: 'PatternAdoptionContent',
      component: {
        lazy: () =>
          import('./components/PatternPage').then(
            m => m.PatternAdoptionContent,
          ),
      },
    }),
  );

/**
 * A Pattern at a glance, for the overview of Pattern entity pages.
 *
 * @public
 */
export const EntityPatternOverviewCard: () => JSX.Element =
  communityPlugin.provide(
    createComponentExtension({
      name: 'EntityPatternOverviewCard',
      component: {
        lazy: () =>
          import('./components/PatternPage').then(m => m.PatternOverviewCard),
      },
    }),
  );
