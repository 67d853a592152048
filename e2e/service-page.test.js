/*
 * Journey 1: an engineer on a service page finds the communities relevant to
 * the service, sees why, checks which patterns the service follows, and joins
 * a community through its chat link.
 *
 * Needs the portal; scripts/e2e.sh starts it and runs this.
 */
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { appUrl, launch, documentStep, withSignedInPage } = require('./browser');
const { waitForEntity } = require('./catalog-api');
const { waitForExampleAdoption } = require('./community-api');

const timeout = 5 * 60_000;
const CHAT_URL = 'https://chat.example.com/payments-cop';

describe('service page', () => {
  let browser;

  before(
    async () => {
      await waitForEntity(
        'community',
        'default',
        'payment-experience',
        timeout,
      );
      // the pattern statuses come from the first adoption scan
      await waitForExampleAdoption(61, timeout);
      browser = await launch();
    },
    { timeout },
  );

  after(async () => browser?.close());

  test(
    "shows the service's communities with their reasons and patterns, and joins one through its chat",
    { timeout },
    async () => {
      await withSignedInPage(browser, 'service-page', async page => {
        // The chat lives outside the portal; answer for it here.
        await page
          .context()
          .route('https://chat.example.com/**', route =>
            route.fulfill({ contentType: 'text/html', body: '<h1>chat</h1>' }),
          );

        // From the catalog list (the sidebar's Catalog) to the service.
        await page
          .getByRole('link', { name: 'Catalog', exact: true })
          .first()
          .click();
        await page.getByText(/^All Components \(\d+\)$/).waitFor();
        await page
          .getByRole('row')
          .filter({ hasText: 'Checkout Service' })
          .getByRole('link', { name: 'Checkout Service' })
          .click();
        await page.waitForURL('**/catalog/default/component/checkout-service');

        const card = page.locator('.MuiCard-root').filter({
          hasText: 'Communities of Practice this service is part of',
        });
        await card.scrollIntoViewIfNeeded();
        const reasons = card.getByRole('list', {
          name: 'Why Payment Experience is relevant',
        });
        await reasons.waitFor();
        assert.deepEqual(await reasons.getByRole('listitem').allInnerTexts(), [
          'Named among the services Payment Experience supports',
          'Owned by Checkout, which takes part in Payment Experience',
          'Part of the Payments value stream, which Payment Experience supports',
        ]);

        // The patterns that apply, with the evidence behind "Adopted".
        const patterns = card.getByRole('region', { name: 'Patterns' });
        const jenkins = patterns
          .getByRole('listitem')
          .filter({ hasText: 'Per-repository Jenkins pipelines' });
        assert.match(await jenkins.innerText(), /Adopted/);
        await jenkins.getByRole('button', { name: 'Evidence' }).click();
        await jenkins.getByText('file: Jenkinsfile').waitFor();
        const helm = patterns
          .getByRole('listitem')
          .filter({ hasText: 'One Helm chart per service' });
        assert.match(await helm.innerText(), /Not adopted/);
        await documentStep(page, 'entity-communities-card', { element: card });

        // Join: the community's chat opens in a new tab.
        const join = card.getByRole('link', {
          name: 'Join Payment Experience (opens its chat)',
        });
        assert.equal(await join.getAttribute('href'), CHAT_URL);
        const [chat] = await Promise.all([
          page.waitForEvent('popup'),
          join.click(),
        ]);
        await chat.waitForLoadState();
        assert.equal(chat.url(), CHAT_URL);
        await chat.getByRole('heading', { name: 'chat' }).waitFor();
      });
    },
  );
});
