/*
 * Journey 3: a platform team finds where a pattern lags on the adoption
 * dashboard, opens the services behind a heatmap cell, downloads them as
 * CSV, and follows the pattern to its own page.
 *
 * The figures are the example repositories' (examples/repos/README.md):
 * no Storefront service has a per-repository Jenkinsfile, 0 of 6.
 *
 * Needs the portal; scripts/e2e.sh starts it and runs this.
 */
const fs = require('node:fs');
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { appUrl, launch, documentStep, withSignedInPage } = require('./browser');
const { waitForExampleAdoption } = require('./community-api');

const timeout = 5 * 60_000;

const STOREFRONT_NON_ADOPTERS = [
  'component:default/design-system',
  'component:default/product-catalog-service',
  'component:default/recommendations',
  'component:default/search-service',
  'component:default/storefront-bff',
  'component:default/storefront-web',
];

describe('adoption dashboard', () => {
  let browser;

  before(
    async () => {
      // adopted 23, not adopted 31, exempt 2, errors 5
      await waitForExampleAdoption(61, timeout);
      browser = await launch();
    },
    { timeout },
  );

  after(async () => browser?.close());

  test(
    "goes from a heatmap cell to the services that lag, as CSV, and to the pattern's page",
    { timeout },
    async () => {
      await withSignedInPage(browser, 'adoption-dashboard', async page => {
        await page.getByRole('link', { name: 'Communities' }).first().click();
        await page.getByRole('tab', { name: 'Adoption' }).click();
        await page.waitForURL('**/communities/adoption');
        await page.getByText(/^Last scan: /).waitFor();

        const cell = page.getByRole('button', {
          name: /^Per-repository Jenkins pipelines in Storefront: 0% adopted \(0 adopted, 6 not adopted\)/,
        });
        await cell.waitFor();
        await documentStep(page, 'adoption-dashboard');

        // The cell's services open on the non-adopting ones.
        await cell.click();
        assert.match(
          page.url(),
          /[?&]valueStream=domain%3Adefault%2Fstorefront/,
        );
        const services = page.getByRole('list', {
          name: 'Services: Per-repository Jenkins pipelines in Storefront',
        });
        await services.waitFor();
        assert.equal(await services.locator(':scope > li').count(), 6);
        assert.equal(
          await services.getByText('Not adopted', { exact: true }).count(),
          6,
        );
        await services.getByText('Storefront BFF').waitFor();
        const card = page.locator('.MuiCard-root').filter({ has: services });
        await documentStep(page, 'adoption-cell-services', { element: card });

        // The same services, as a CSV file.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          card.getByRole('button', { name: 'Export these services' }).click(),
        ]);
        assert.equal(
          download.suggestedFilename(),
          'adoption-jenkins-pipelines-storefront-not-adopted.csv',
        );
        const lines = fs
          .readFileSync(await download.path(), 'utf8')
          .trim()
          .split('\r\n');
        assert.equal(
          lines[0],
          'entity,pattern,community,valueStream,owner,status,evidence,reason,checkedAt',
        );
        const rows = lines.slice(1).map(line => line.split(','));
        assert.deepEqual(
          rows.map(row => row[0]),
          STOREFRONT_NON_ADOPTERS,
        );
        for (const row of rows) {
          assert.deepEqual(row.slice(1, 4), [
            'pattern:default/jenkins-pipelines',
            'community:default/devops-practice',
            'domain:default/storefront',
          ]);
          assert.equal(row[5], 'not-adopted');
        }

        // The pattern's own page, filtered the same way.
        await page.goto(
          `${appUrl}/catalog/default/pattern/jenkins-pipelines/adoption?status=not-adopted&valueStream=domain%3Adefault%2Fstorefront`,
        );
        const table = page.getByRole('table', { name: 'Services' });
        await table.waitFor();
        assert.equal(await table.locator('tbody tr').count(), 6);
        await page
          .getByRole('table', { name: 'Adoption by value stream' })
          .waitFor();
        await documentStep(page, 'pattern-entity-page');
      });
    },
  );
});
