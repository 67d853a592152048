import { Entity } from '@backstage/catalog-model';
import {
  UNASSIGNED,
  parseSpecRef,
  refKey,
  refKindKey,
  specRefKey,
  specRefKeys,
} from './refs';

const holder: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'Payments' },
};

describe('refKey', () => {
  it('lower-cases the whole ref, as the catalog stores relation targets', () => {
    expect(refKey('Component:Default/Checkout-Service')).toBe(
      'component:default/checkout-service',
    );
    expect(refKey({ kind: 'Group', namespace: 'Ops', name: 'SRE' })).toBe(
      'group:ops/sre',
    );
    expect(refKey(holder)).toBe('component:payments/checkout');
  });

  it('gives the kind of a ref or entity in the same form', () => {
    expect(refKindKey('Domain:default/Payments')).toBe('domain');
    expect(refKindKey(holder)).toBe('component');
  });
});

describe('parseSpecRef', () => {
  it('fills in the default kind and the holder’s namespace', () => {
    expect(parseSpecRef('Ana', { defaultKind: 'User', holder })).toEqual({
      kind: 'User',
      namespace: 'Payments',
      name: 'Ana',
    });
  });

  it('keeps a kind and namespace that are written', () => {
    expect(
      parseSpecRef('group:ops/sre', { defaultKind: 'User', holder }),
    ).toEqual({ kind: 'group', namespace: 'ops', name: 'sre' });
  });

  it('uses the default namespace without a holder', () => {
    expect(parseSpecRef('payments', { defaultKind: 'Domain' })).toEqual({
      kind: 'Domain',
      namespace: 'default',
      name: 'payments',
    });
  });

  it('says what it expected and what came', () => {
    expect(() => parseSpecRef('group:', { defaultKind: 'Group' })).toThrow(
      'Expected an entity ref such as "group:default/name" (kind defaults to Group); got "group:"',
    );
    expect(() => parseSpecRef('', { defaultKind: 'Group' })).toThrow(/got ""$/);
    expect(() => parseSpecRef(42, { defaultKind: 'Group' })).toThrow(/got 42$/);
    expect(() =>
      parseSpecRef(`${'x'.repeat(500)}:`, { defaultKind: 'Group' }),
    ).toThrow(/x…"$/);
  });
});

describe('specRefKey', () => {
  it('resolves a ref as written in YAML to its key', () => {
    expect(specRefKey('Ana', { defaultKind: 'User', holder })).toBe(
      'user:payments/ana',
    );
    expect(
      specRefKey('Domain:Default/Payments', { defaultKind: 'Domain' }),
    ).toBe('domain:default/payments');
  });

  it('is undefined for a missing or malformed value', () => {
    expect(specRefKey(undefined, { defaultKind: 'Group' })).toBeUndefined();
    expect(specRefKey('group:', { defaultKind: 'Group' })).toBeUndefined();
    expect(specRefKey({ name: 'x' }, { defaultKind: 'Group' })).toBeUndefined();
  });

  it('drops bad values and duplicates from a list', () => {
    expect(
      specRefKeys(['Ana', 'user:payments/ana', '', 'group:', 'Bo'], {
        defaultKind: 'User',
        holder,
      }),
    ).toEqual(['user:payments/ana', 'user:payments/bo']);
    expect(specRefKeys('Ana', { defaultKind: 'User' })).toEqual([]);
  });
});

describe('UNASSIGNED', () => {
  it('never equals a key, even of a Domain named "unassigned"', () => {
    expect(specRefKey(UNASSIGNED, { defaultKind: 'Domain' })).toBe(
      'domain:default/unassigned',
    );
  });
});
