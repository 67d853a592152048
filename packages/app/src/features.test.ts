import appPackage from '../package.json';

/**
 * The app finds its features with `app.packages: all`: every dependency
 * whose role is frontend-plugin is loaded, with its `./alpha` export when it
 * has one (what `backstage-cli` does when it bundles the app).
 */
describe('feature discovery', () => {
  it('finds the community plugin for the new frontend system', async () => {
    expect(Object.keys(appPackage.dependencies)).toContain(
      '@copkit/plugin-community',
    );
    const pluginPackage = await import('@copkit/plugin-community/package.json');
    expect(pluginPackage.backstage.role).toBe('frontend-plugin');
    expect(Object.keys(pluginPackage.exports)).toContain('./alpha');

    const { default: plugin } = await import('@copkit/plugin-community/alpha');
    expect(plugin.pluginId).toBe('community');
    expect(plugin.getExtension('page:community')).toBeDefined();
  });
});
