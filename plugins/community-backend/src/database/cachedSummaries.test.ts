import { ScanSummary } from '@copkit/plugin-community-common';
import { AdoptionStore } from './AdoptionStore';
import { withCachedSummaries } from './cachedSummaries';

function scan(done: number): ScanSummary {
  return {
    id: 'scan-1',
    trigger: 'schedule',
    status: done < 4 ? 'running' : 'succeeded',
    startedAt: '2026-11-24T00:00:00Z',
    partitions: { total: 4, done, failed: 0 },
    repositories: { scanned: 0, unchanged: 0, failed: 0 },
    results: 0,
  };
}

describe('withCachedSummaries', () => {
  const cell = (adopted: number) => ({
    patternRef: 'pattern:default/p',
    communityRef: 'community:default/c',
    valueStream: 'domain:default/d',
    adopted,
    notAdopted: 0,
    exempt: 0,
    errors: 0,
    applicable: adopted,
    rate: 1,
  });

  function setup() {
    let done = 1;
    let adopted = 1;
    const inner = {
      summarize: jest.fn(async () => [cell(adopted++)]),
      getLatestScan: jest.fn(async () => scan(done)),
      getRunningScan: jest.fn(async () => undefined),
    } as unknown as AdoptionStore;
    return { store: withCachedSummaries(inner), inner, next: () => done++ };
  }

  it('answers repeated unrestricted summaries from the cache until a partition finishes', async () => {
    const { store, inner, next } = setup();
    expect((await store.summarize({}))[0].adopted).toBe(1);
    expect((await store.summarize({}))[0].adopted).toBe(1);
    expect(inner.summarize).toHaveBeenCalledTimes(1);
    next();
    expect((await store.summarize({}))[0].adopted).toBe(2);
  });

  it('keeps filters apart', async () => {
    const { store, inner } = setup();
    await store.summarize({ communityRef: 'community:default/a' });
    await store.summarize({ communityRef: 'community:default/b' });
    expect(inner.summarize).toHaveBeenCalledTimes(2);
  });

  it('never caches a summary restricted to what a caller may see', async () => {
    const { store, inner } = setup();
    const visibleEntityRefs = new Set(['component:default/a']);
    await store.summarize({ visibleEntityRefs });
    await store.summarize({ visibleEntityRefs });
    expect(inner.summarize).toHaveBeenCalledTimes(2);
  });

  it('passes every other call through', async () => {
    const { store, inner } = setup();
    await store.getRunningScan();
    expect(inner.getRunningScan).toHaveBeenCalled();
  });
});
