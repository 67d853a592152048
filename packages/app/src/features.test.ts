import { ConfigReader } from '@backstage/config';
import { resolveAsyncFeatures } from '@backstage/frontend-defaults';
import appPackage from '../package.json';

/**
 * The app finds its features with `app.packages: all`: every dependency
 * whose role is frontend-plugin is loaded, with its `./alpha` export when it
 * has one (what `backstage-cli` does when it bundles the app).
 */
describe('feature discovery', () => {
  it('finds the community plugin and its catalog graph module', async () => {
    expect(Object.keys(appPackage.dependencies)).toContain(
      '@copkit/plugin-community',
    );
    const pluginPackage = await import('@copkit/plugin-community/package.json');
    expect(pluginPackage.backstage.role).toBe('frontend-plugin');
    expect(Object.keys(pluginPackage.exports)).toContain('./alpha');

    const { default: discovered } = await import(
      '@copkit/plugin-community/alpha'
    );
    const { features } = await resolveAsyncFeatures({
      config: new ConfigReader({}),
      features: [discovered],
    });
    expect(
      features.map(feature => `${feature.$$type} ${feature.pluginId}`),
    ).toEqual([
      '@backstage/FrontendPlugin community',
      '@backstage/FrontendModule catalog-graph',
    ]);
  });
});
