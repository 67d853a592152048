import { TtlCache } from './TtlCache';

function setup(maxEntries = 3) {
  let now = 0;
  const cache = new TtlCache<string>({
    ttlMs: 1_000,
    maxEntries,
    now: () => now,
  });
  return {
    cache,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const kept = (cache: TtlCache<string>, keys: string[]) =>
  keys.filter(key => cache.find(key) !== undefined);

describe('TtlCache', () => {
  it('keeps a value for its time, then forgets it', async () => {
    const { cache, advance } = setup();
    const load = jest.fn(async () => 'a');
    await expect(cache.get('k', load)).resolves.toBe('a');
    advance(999);
    await expect(cache.get('k', load)).resolves.toBe('a');
    expect(load).toHaveBeenCalledTimes(1);
    advance(1);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('makes room by dropping the expired entries, then the oldest', () => {
    const { cache, advance } = setup(3);
    cache.remember('a', Promise.resolve('a'));
    advance(500);
    cache.remember('b', Promise.resolve('b'));
    cache.remember('c', Promise.resolve('c'));
    cache.remember('d', Promise.resolve('d')); // full: 'a' goes
    expect(kept(cache, ['a', 'b', 'c', 'd'])).toEqual(['b', 'c', 'd']);
    cache.remember('b', Promise.resolve('b2')); // refreshed: now the newest
    cache.remember('e', Promise.resolve('e')); // full: 'c' goes
    expect(kept(cache, ['b', 'c', 'd', 'e'])).toEqual(['b', 'd', 'e']);
    advance(1_000); // every entry has expired
    cache.remember('f', Promise.resolve('f'));
    expect(kept(cache, ['b', 'd', 'e', 'f'])).toEqual(['f']);
  });

  it('forgets a value that failed, so the next caller asks again', async () => {
    const { cache } = setup();
    await expect(
      cache.get('k', async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await expect(cache.get('k', async () => 'up')).resolves.toBe('up');
  });

  it('keeps nothing when its time is 0', async () => {
    const cache = new TtlCache<string>({ ttlMs: 0, maxEntries: 3 });
    const load = jest.fn(async () => 'a');
    await cache.get('k', load);
    await cache.get('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
