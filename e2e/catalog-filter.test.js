/*
 * The catalog index page filtered by community: the filter copkit's frontend
 * plugin adds to Backstage's catalog page, with no app-config.
 *
 * Needs the portal; scripts/e2e.sh starts it and runs this.
 */
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { launch, documentStep, withSignedInPage } = require('./browser');
const { waitForEntity } = require('./catalog-api');

const timeout = 5 * 60_000;

describe('catalog page', () => {
  let browser;

  before(
    async () => {
      await waitForEntity('community', 'default', 'devops-practice', timeout);
      await waitForEntity('component', 'default', 'payment-gateway', timeout);
      browser = await launch();
    },
    { timeout },
  );

  after(async () => browser?.close());

  test(
    'lists the services a community supports with the Community filter',
    { timeout },
    async () => {
      await withSignedInPage(
        browser,
        'catalog-community-filter',
        async page => {
          await page.getByRole('link', { name: 'Catalog' }).first().click();
          await page.getByRole('link', { name: 'Checkout Service' }).waitFor();
          // Everyone's components, not only the guest's.
          await page.getByText('All', { exact: true }).first().click();

          await page.getByRole('textbox', { name: 'Community' }).click();
          await page
            .getByRole('option', { name: 'DevOps Practice', exact: true })
            .click();
          await page.keyboard.press('Escape');

          // DevOps Practice supports four services by name (catalog-info).
          for (const name of [
            'Payment Gateway',
            'Order Service',
            'Storefront BFF',
            'Shipping Label Service',
          ]) {
            await page.getByRole('link', { name, exact: true }).waitFor();
          }
          await page
            .getByRole('link', { name: 'Checkout Service', exact: true })
            .waitFor({ state: 'detached' });
          assert.match(
            decodeURIComponent(page.url()),
            /filters\[community\]=community:default\/devops-practice/,
          );
          // The whole page: the Community filter sits below Backstage's own.
          await documentStep(page, 'catalog-community-filter', {
            fullPage: true,
          });
        },
      );
    },
  );
});
