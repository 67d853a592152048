import {
  createExternalRouteRef,
  createRouteRef,
  createSubRouteRef,
} from '@backstage/core-plugin-api';

/**
 * The communities page, `/communities` by default.
 *
 * @public
 */
export const rootRouteRef = createRouteRef({
  id: 'community',
});

/**
 * The adoption dashboard, `/communities/adoption` by default.
 *
 * @public
 */
export const adoptionRouteRef = createSubRouteRef({
  id: 'community-adoption',
  parent: rootRouteRef,
  path: '/adoption',
});

/**
 * The scaffolder's form for one template, where "Create" buttons lead. The
 * new frontend system binds it to the scaffolder by itself; legacy apps
 * bind it in `bindRoutes` to `scaffolderPlugin.routes.selectedTemplate`.
 * Unbound, the buttons are left out.
 *
 * @public
 */
export const selectedTemplateRouteRef = createExternalRouteRef({
  id: 'community-selected-template',
  params: ['namespace', 'templateName'],
  optional: true,
  defaultTarget: 'scaffolder.selectedTemplate',
});
