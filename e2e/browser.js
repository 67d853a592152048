/*
 * Shared Chromium launch for screenshots and end-to-end checks: the system's
 * Chromium (Debian package), driven by playwright-core. No browser download.
 */
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where the portal and the fixture server answer (see scripts/e2e.sh). */
const appUrl = process.env.E2E_APP_URL || 'http://localhost:3000';
const backendUrl = process.env.E2E_BACKEND_URL || 'http://localhost:7007';
const fixturesUrl = process.env.E2E_FIXTURES_URL || 'http://localhost:8000';

const repoRoot = path.resolve(__dirname, '..');
/** Screenshots of failed steps, and of every step unless E2E_DOCS_IMAGES=1. */
const reportDir = path.join(repoRoot, 'e2e-test-report');

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
async function signedInPage(browser, baseUrl = appUrl) {
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

/**
 * Saves a screenshot of a step of a journey: the top of the page, as much as
 * fits the window (1400x900), so that the sidebar spans the image. The docs
 * show these: with E2E_DOCS_IMAGES=1 they are written over
 * docs/images/<name>.png, otherwise to e2e-test-report/screenshots/ so that a
 * test run leaves the working tree alone. With `options.element` (a locator)
 * only that element is taken, e.g. one card further down a page; with
 * `options.fullPage` the whole page, however tall.
 */
async function documentStep(page, name, options = {}) {
  const dir =
    process.env.E2E_DOCS_IMAGES === '1'
      ? path.join(repoRoot, 'docs', 'images')
      : path.join(reportDir, 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // Let transitions (the import wizard's steps fold and unfold) finish first.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every(
            a =>
              a.playState !== 'running' ||
              a.effect?.getTiming().iterations === Infinity,
          ),
      null,
      { timeout: 5_000 },
    )
    .catch(() => {});
  if (options.element) {
    await options.element.scrollIntoViewIfNeeded();
    await options.element.screenshot({ path: file });
    return file;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: options.fullPage === true });
  return file;
}

/**
 * Runs one test's body with a fresh signed-in page; if the body throws, saves
 * what the browser showed to e2e-test-report/failure-<name>.png first.
 */
async function withSignedInPage(browser, name, body) {
  const page = await signedInPage(browser);
  page.setDefaultTimeout(30_000);
  try {
    await body(page);
  } catch (error) {
    fs.mkdirSync(reportDir, { recursive: true });
    const file = path.join(reportDir, `failure-${name}.png`);
    await page
      .screenshot({ path: file, fullPage: true })
      .then(() => console.error(`Screenshot of the failure: ${file}`))
      .catch(() => {});
    throw error;
  } finally {
    await page.context().close();
  }
}

module.exports = {
  appUrl,
  backendUrl,
  fixturesUrl,
  launch,
  signedInPage,
  documentStep,
  withSignedInPage,
};
