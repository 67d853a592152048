import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { CatalogVisibility } from './CatalogVisibility';

const conditional: PolicyDecision = {
  result: AuthorizeResult.CONDITIONAL,
  pluginId: 'catalog',
  resourceType: 'catalog-entity',
  conditions: {
    rule: 'IS_ENTITY_OWNER',
    resourceType: 'catalog-entity',
    params: { claims: ['group:default/web-frontend'] },
  },
};

function setup(decision: PolicyDecision) {
  let now = 1_000_000;
  const permissions = mockServices.permissions.mock({
    authorizeConditional: jest.fn(async () => [decision]),
  });
  const catalog = catalogServiceMock.mock({
    getEntities: jest.fn(async () => ({
      items: [
        {
          kind: 'Component',
          metadata: { namespace: 'default', name: 'Storefront-Web' },
        },
        {
          kind: 'Group',
          metadata: { namespace: 'default', name: 'web-frontend' },
        },
      ] as any,
    })),
  });
  const visibility = new CatalogVisibility({
    permissions,
    catalog,
    ttlMs: 10_000,
    now: () => now,
  });
  return {
    visibility,
    permissions,
    catalog,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('CatalogVisibility', () => {
  const lena = mockCredentials.user('user:default/lena');

  it('does not filter callers who may read every entity', async () => {
    const { visibility, catalog, permissions } = setup({
      result: AuthorizeResult.ALLOW,
    });
    await expect(visibility.visibleEntityRefs(lena)).resolves.toBeUndefined();
    expect(permissions.authorizeConditional).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({ name: 'catalog.entity.read' }),
        },
      ],
      { credentials: lena },
    );
    expect(catalog.getEntities).not.toHaveBeenCalled();
  });

  it('shows nothing to callers who may read no entity', async () => {
    const { visibility } = setup({ result: AuthorizeResult.DENY });
    const visible = await visibility.visibleEntityRefs(lena);
    expect(visible?.size).toBe(0);
  });

  it('asks the catalog, as the caller, what a conditional caller may read', async () => {
    const { visibility, catalog } = setup(conditional);
    const visible = await visibility.visibleEntityRefs(lena);
    expect([...visible!]).toEqual([
      'component:default/storefront-web',
      'group:default/web-frontend',
    ]);
    expect(catalog.getEntities).toHaveBeenCalledWith(
      { fields: ['kind', 'metadata.namespace', 'metadata.name'] },
      { credentials: lena },
    );
  });

  it('reuses the answer per principal for a few seconds', async () => {
    const { visibility, catalog, advance } = setup(conditional);
    await visibility.visibleEntityRefs(lena);
    advance(9_000);
    await visibility.visibleEntityRefs(
      mockCredentials.user('user:default/lena'),
    );
    expect(catalog.getEntities).toHaveBeenCalledTimes(1);

    await visibility.visibleEntityRefs(
      mockCredentials.user('user:default/yuki'),
    );
    expect(catalog.getEntities).toHaveBeenCalledTimes(2);

    advance(1_001);
    await visibility.visibleEntityRefs(lena);
    expect(catalog.getEntities).toHaveBeenCalledTimes(3);
  });

  it('asks again after a failure', async () => {
    const { visibility, catalog } = setup(conditional);
    catalog.getEntities.mockRejectedValueOnce(new Error('catalog is down'));
    await expect(visibility.visibleEntityRefs(lena)).rejects.toThrow(
      'catalog is down',
    );
    await expect(visibility.visibleEntityRefs(lena)).resolves.toBeDefined();
    expect(catalog.getEntities).toHaveBeenCalledTimes(2);
  });
});
