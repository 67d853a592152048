import { createRouteRef, createSubRouteRef } from '@backstage/core-plugin-api';

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
