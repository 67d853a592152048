/*
 * Shared Chromium launch for screenshots and end-to-end checks: the system's
 * Chromium (Debian package), driven by playwright-core. No browser download.
 */
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

async function launch() {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Opens the portal and signs in as guest. */
async function signedInPage(browser, baseUrl = 'http://localhost:3000') {
  const page = await browser.newPage({
    viewport: { width: 1400, height: 900 },
  });
  await page.goto(baseUrl);
  const enter = page.getByRole('button', { name: 'Enter' });
  await enter.waitFor({ timeout: 60_000 });
  await enter.click();
  await page
    .getByRole('link', { name: 'Catalog', exact: true })
    .first()
    .waitFor({ state: 'attached' });
  return page;
}

module.exports = { launch, signedInPage };
