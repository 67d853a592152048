import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { CatalogEntityReader } from './CatalogEntityReader';

const group = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default', title: `Team ${name}` },
  spec: { type: 'team', children: [] },
});

const FIELDS = ['kind', 'metadata.namespace', 'metadata.name'];

function setup(ttlMs = 10_000) {
  let now = 1_000_000;
  const inner = catalogServiceMock({
    entities: [group('web'), group('payments')],
  });
  const getEntitiesByRefs = jest.fn(inner.getEntitiesByRefs.bind(inner));
  const catalog = catalogServiceMock.mock({ getEntitiesByRefs });
  const reader = new CatalogEntityReader({ catalog, ttlMs, now: () => now });
  const asked = () =>
    getEntitiesByRefs.mock.calls.map(([request]) => request.entityRefs);
  return {
    reader,
    getEntitiesByRefs,
    asked,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const names = (entities: Array<Entity | undefined>) =>
  entities.map(e => e?.metadata.name);

describe('CatalogEntityReader', () => {
  const lena = mockCredentials.user('user:default/lena');
  const ana = mockCredentials.user('user:default/ana');

  it('lines the answer up with the refs, absent ones included', async () => {
    const { reader } = setup();
    const read = await reader.read(
      lena,
      [
        'group:default/payments',
        undefined,
        'group:default/ghost',
        'group:default/web',
      ],
      FIELDS,
    );
    expect(names(read)).toEqual(['payments', undefined, undefined, 'web']);
    expect(read[0]).toEqual({
      kind: 'Group',
      metadata: { namespace: 'default', name: 'payments' },
    });
  });

  it('asks the catalog only for what it has not read for this caller lately', async () => {
    const { reader, asked, advance } = setup();
    await reader.read(lena, ['group:default/web'], FIELDS);
    advance(5_000);
    const read = await reader.read(
      lena,
      ['group:default/Web', 'group:default/payments'],
      FIELDS,
    );
    expect(names(read)).toEqual(['web', 'payments']);
    expect(asked()).toEqual([
      ['group:default/web'],
      ['group:default/payments'],
    ]);

    advance(6_000); // the first read is now 11 s old
    await reader.read(lena, ['group:default/web'], FIELDS);
    expect(asked()).toHaveLength(3);
  });

  it('never gives one caller what was read for another, or other fields', async () => {
    const { reader, asked } = setup();
    await reader.read(lena, ['group:default/web'], FIELDS);
    await reader.read(ana, ['group:default/web'], FIELDS);
    const titled = await reader.read(
      lena,
      ['group:default/web'],
      [...FIELDS, 'metadata.title'],
    );
    expect(titled[0]?.metadata.title).toBe('Team web');
    expect(asked()).toHaveLength(3);
  });

  it('asks again after a failed read', async () => {
    const { reader, getEntitiesByRefs, asked } = setup();
    getEntitiesByRefs.mockRejectedValueOnce(new Error('catalog is down'));
    await expect(
      reader.read(lena, ['group:default/web'], FIELDS),
    ).rejects.toThrow('catalog is down');
    const read = await reader.read(lena, ['group:default/web'], FIELDS);
    expect(names(read)).toEqual(['web']);
    expect(asked()).toHaveLength(2);
  });

  it('keeps nothing when its time is 0', async () => {
    const { reader, asked } = setup(0);
    await reader.read(lena, ['group:default/web'], FIELDS);
    await reader.read(lena, ['group:default/web'], FIELDS);
    expect(asked()).toHaveLength(2);
  });
});
