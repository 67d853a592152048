/*
 * The catalog import journey in the browser: a new Community registered
 * through /catalog-import shows up in the catalog, and a broken one is refused
 * with messages that name its mistakes.
 *
 * Needs the portal (./scripts/start.sh) and the fixture server
 * (node e2e/serve-fixtures.js); scripts/e2e.sh starts both and runs this.
 */
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  appUrl,
  fixturesUrl,
  launch,
  documentStep,
  withSignedInPage,
} = require('./browser');
const {
  getEntity,
  waitForEntity,
  findLocations,
  unregisterLocation,
} = require('./catalog-api');

const validUrl = `${fixturesUrl}/data-practice.yaml`;
const brokenUrl = `${fixturesUrl}/broken-practice.yaml`;

/** How long the catalog may take to process an entity. */
const PROCESSING_TIMEOUT_MS = 120_000;
/** Bounds each test and hook, so that a stuck page fails instead of hanging. */
const timeout = 5 * 60_000;

/** Opens the import page, enters the URL and presses Analyze. */
async function analyze(page, url) {
  await page.goto(`${appUrl}/catalog-import`);
  await page.getByRole('textbox', { name: 'URL' }).fill(url);
  await page.getByRole('button', { name: 'Analyze' }).click();
}

describe('catalog import page', () => {
  let browser;

  before(
    async () => {
      // A run that stopped half-way against the same portal may have left the
      // Community registered; the import page would then offer a refresh
      // instead of an import.
      await unregisterLocation(validUrl);
      // The new Community refers to the example catalog's groups, users and
      // communities; the list shows their names once the catalog has them.
      for (const [kind, name] of [
        ['group', 'catalog-team'],
        ['user', 'meera'],
        ['community', 'engineering-guild'],
      ]) {
        await waitForEntity(kind, 'default', name, PROCESSING_TIMEOUT_MS);
      }
      browser = await launch();
    },
    { timeout },
  );

  after(
    async () => {
      await browser?.close();
      await unregisterLocation(validUrl);
    },
    { timeout },
  );

  test(
    'imports a new Community, which then shows in the catalog',
    { timeout },
    async () => {
      await withSignedInPage(browser, 'import-community', async page => {
        await analyze(page, validUrl);

        // Review: the file and the entities it holds.
        const importButton = page.getByRole('button', { name: 'Import' });
        await importButton.waitFor();
        await page
          .getByText('The following entities will be added to the catalog:')
          .waitFor();
        await page
          .getByRole('listitem')
          .getByText('data-practice', { exact: true })
          .waitFor();
        await importButton.click();

        // Finish: a link to the new entity (a list item with the role button).
        await page
          .getByText('The following entities have been added to the catalog:')
          .waitFor();
        const entityLink = page.getByRole('button', {
          name: 'data-practice',
          exact: true,
        });
        assert.equal(
          await entityLink.getAttribute('href'),
          '/catalog/default/community/data-practice',
        );
        // The Community and its Location.
        await page.getByText('Entities: 2', { exact: true }).last().waitFor();
        await page.getByRole('button', { name: 'Register another' }).waitFor();
        await page
          .getByText('The following entities will be added to the catalog:')
          .waitFor({ state: 'hidden' });
        await documentStep(page, 'import-community');

        // The catalog list, as a user reaches it: the sidebar's Catalog link,
        // filtered to Communities. Processing takes a few seconds, so reload
        // until the new Community is listed.
        const catalogPath = await page
          .getByRole('link', { name: 'Catalog', exact: true })
          .first()
          .getAttribute('href');
        const catalogUrl = new URL(catalogPath, appUrl);
        catalogUrl.searchParams.set('filters[kind]', 'community');
        const row = page.getByRole('row').filter({ hasText: 'Data Practice' });
        const deadline = Date.now() + PROCESSING_TIMEOUT_MS;
        for (;;) {
          await page.goto(catalogUrl.href);
          await page.getByText(/^All Communities \(\d+\)$/).waitFor();
          if ((await row.count()) > 0) break;
          assert.ok(
            Date.now() < deadline,
            `"Data Practice" not in the catalog list ${PROCESSING_TIMEOUT_MS} ms after the import`,
          );
          await page.waitForTimeout(2_000);
        }
        assert.match(
          await row.innerText(),
          /Analysts and engineers sharing how Acme models/,
        );
        // The owner column shows the owning group's display name once the
        // page has looked group:default/catalog-team up (first it shows the
        // ref's name, catalog-team).
        await row.getByText('Catalog & Search', { exact: true }).waitFor();
        await documentStep(page, 'import-community-in-catalog');

        // Its entity page, from the list.
        await row.getByRole('link', { name: 'Data Practice' }).click();
        await page.waitForURL('**/catalog/default/community/data-practice');
        await page.getByRole('heading', { name: 'Data Practice' }).waitFor();
        // The About card and copkit's Community overview card both show it.
        await page
          .getByText(
            'Analysts and engineers sharing how Acme models, tests and publishes its data',
          )
          .first()
          .waitFor();

        // And on the communities page (the sidebar's Communities), as a
        // chapter of its parent, found by a search.
        await page.getByRole('link', { name: 'Communities' }).first().click();
        await page.waitForURL('**/communities');
        const chapters = page.getByRole('list', {
          name: 'Chapters of Engineering Guild',
        });
        await chapters.getByRole('link', { name: 'Data Practice' }).waitFor();
        await page.getByLabel('Search communities').fill('warehouse');
        await page.getByText(/^1 of \d+ communities$/).waitFor();
        const card = page.getByRole('link', {
          name: 'Data Practice',
          exact: true,
        });
        await card.waitFor();
        await page
          .getByText(
            'Trustworthy data products, from event tracking to the reporting warehouse',
          )
          .waitFor();
        await documentStep(page, 'import-community-on-communities-page');
      });
    },
  );

  test(
    'refuses a broken Community and names its mistakes',
    { timeout },
    async () => {
      await withSignedInPage(browser, 'import-broken-community', async page => {
        await analyze(page, brokenUrl);

        const error = page.getByText('spec has unknown key "valuestreams"', {
          exact: false,
        });
        await error.waitFor();
        const message = await error.innerText();
        assert.match(
          message,
          /spec has unknown key "valuestreams" \(did you mean "valueStreams"\?\)/,
        );
        assert.match(
          message,
          /spec\.rhythm\.frequency must be one of weekly, biweekly, monthly, quarterly; got "fortnightly"/,
        );
        // Still on the first step, ready for another try; nothing to review
        // or import.
        assert.equal(
          await page.getByRole('button', { name: 'Import' }).count(),
          0,
        );
        // (waits until the button is enabled again, without clicking it)
        await page
          .getByRole('button', { name: 'Analyze' })
          .click({ trial: true });
        await documentStep(page, 'import-broken-community');

        assert.deepEqual(await findLocations(brokenUrl), []);
        assert.equal(
          await getEntity('community', 'default', 'broken-practice'),
          undefined,
        );
      });
    },
  );
});
