/*
 * Journey 2: from the communities page to a community, to a template it
 * publishes, and into the scaffolder's form for it.
 *
 * Needs the portal; scripts/e2e.sh starts it and runs this.
 */
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { appUrl, launch, documentStep, withSignedInPage } = require('./browser');
const { waitForEntity } = require('./catalog-api');
const { waitForExampleAdoption } = require('./community-api');

const timeout = 5 * 60_000;

describe('communities page', () => {
  let browser;

  before(
    async () => {
      for (const [kind, name] of [
        ['community', 'devops-practice'],
        ['community', 'frontend-guild-berlin'],
        ['template', 'node-service'],
      ]) {
        await waitForEntity(kind, 'default', name, timeout);
      }
      // the cards show adoption rates from the first scan
      await waitForExampleAdoption(61, timeout);
      browser = await launch();
    },
    { timeout },
  );

  after(async () => browser?.close());

  test(
    'finds a community, opens it and starts a service from one of its templates',
    { timeout },
    async () => {
      await withSignedInPage(browser, 'communities-page', async page => {
        // The sidebar's entry.
        await page.getByRole('link', { name: 'Communities' }).first().click();
        await page.waitForURL('**/communities');
        const count = page
          .getByRole('status')
          .filter({ hasText: /communities$/ });
        await count.waitFor();
        const list = page.getByRole('list', { name: 'Communities' });
        await list
          .getByRole('link', { name: 'Engineering Guild', exact: true })
          .waitFor();
        // Chapters sit under their parent.
        await page
          .getByRole('list', { name: 'Chapters of Frontend Guild' })
          .getByRole('link', { name: 'Frontend Guild Berlin' })
          .waitFor();
        // adoption rates, from the scan
        await list
          .getByText(/\(\d+ of \d+ adopted\)/)
          .first()
          .waitFor();
        await documentStep(page, 'communities-page');

        // Search narrows the cards, and the URL keeps it.
        await page.getByLabel('Search communities').fill('observability');
        await page.getByText(/^1 of \d+ communities$/).waitFor();
        assert.match(page.url(), /[?&]q=observability/);
        const link = page.getByRole('link', {
          name: 'DevOps Practice',
          exact: true,
        });
        await link.waitFor();
        await page
          .getByText(
            'Continuous delivery, observability and reliable operations',
          )
          .waitFor();

        // The community's page, on its Community tab.
        await link.click();
        await page.waitForURL('**/catalog/default/community/devops-practice');
        // Its Overview: the catalog graph draws copkit's relations.
        // (the innermost element holding both the card's title and its link)
        const graph = page
          .locator('div')
          .filter({ has: page.getByText('Relations', { exact: true }) })
          .filter({ has: page.getByText('View graph') })
          .last();
        for (const label of ['Jonas Becker', 'Node.js service (golden path)']) {
          await graph.getByText(label, { exact: true }).waitFor();
        }
        await documentStep(page, 'community-relations', { element: graph });
        await page
          .getByRole('link', { name: 'Community', exact: true })
          .click();
        await page.waitForURL(
          '**/catalog/default/community/devops-practice/community',
        );
        // (Backstage's LinkButton is a link with the role of a button)
        const create = page.getByRole('button', {
          name: 'Create from Node.js service (golden path)',
        });
        await create.waitFor();
        await page.getByText('About this community').waitFor();
        // its figures, once they have loaded
        await page.getByText(/No change to show yet|in 90 days/).waitFor();
        // the next meeting (or the one going on now, when the test runs
        // during it), in the viewer's time zone (the browser's: UTC)
        await page
          .getByText(
            /^(Next meeting|Meeting in progress): .* your time \(UTC\)/,
          )
          .waitFor();
        await documentStep(page, 'community-entity-page');

        // Into the scaffolder, on the template's first step.
        await create.click();
        await page.waitForURL('**/create/templates/default/node-service');
        await page
          .getByRole('heading', { name: 'Node.js service (golden path)' })
          .first()
          .waitFor();
        await page.getByText('About the service').first().waitFor();
        await page.getByRole('textbox', { name: /^Name/ }).waitFor();
        await documentStep(page, 'scaffolder-form');
      });
    },
  );
});
