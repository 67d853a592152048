import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read adoption results, roll-ups, trends and scan status.
 *
 * @public
 */
export const communityAdoptionReadPermission = createPermission({
  name: 'community.adoption.read',
  attributes: { action: 'read' },
});

/**
 * Start an adoption scan by hand.
 *
 * @public
 */
export const communityScanCreatePermission = createPermission({
  name: 'community.scan.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the community plugin, for registration and policies.
 *
 * @public
 */
export const communityPermissions = [
  communityAdoptionReadPermission,
  communityScanCreatePermission,
];
