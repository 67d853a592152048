import { Browser, BrowserContext, Page, chromium } from 'playwright-core';

/** The main thread must stay free of long tasks this long. */
export const QUIET_MS = 500;
const TIMEOUT_MS = 60_000;

/** A CSS selector that must match at least `min` elements. */
export type Expect = { css: string; min: number };

/** A page to time and what "rendered with data" means on it. */
export type PageSpec = {
  id: string;
  label: string;
  path: string;
  expect: Expect[];
  /** Where a progress bar means "still loading"; the whole page by default. */
  progressIn?: string;
  /** What the report says about the page beyond its expectations. */
  note?: string;
};

/** One request of the page's waterfall (Resource Timing). */
export type ApiCall = {
  url: string;
  startMs: number;
  endMs: number;
  /** Body bytes on the wire, and after decompression. */
  bytes: number;
  decodedBytes: number;
};

/** One page load, times in ms from navigation start. */
export type Timing = {
  /** The expected content is there and no progress bar is left. */
  readyMs: number;
  /** `readyMs`, or the end of a later long task, then {@link QUIET_MS} idle. */
  interactiveMs: number;
  longTaskMs: number;
  requests: number;
  transferBytes: number;
  api: ApiCall[];
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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

/**
 * Runs in every document before the app: records long tasks, keeps every
 * resource entry, and remembers guest sign-in the way the sign-in page
 * does after "Enter", so that each load signs in without a click.
 */
function initScript() {
  const w = window as any;
  w.__bench = { longTasks: [] as Array<[number, number]> };
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) {
      w.__bench.longTasks.push([e.startTime, e.startTime + e.duration]);
    }
  }).observe({ type: 'longtask', buffered: true });
  performance.setResourceTimingBufferSize(10_000);
  localStorage.setItem('@backstage/core:SignInPage:provider', 'guest');
}

/** A fresh browser context: empty HTTP cache, guest sign-in remembered. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  });
  await context.addInitScript(initScript);
  return context;
}

function ready(args: { expect: Expect[]; progressIn: string }) {
  for (const { css, min } of args.expect) {
    if (document.querySelectorAll(css).length < min) return false;
  }
  if (document.querySelector(`${args.progressIn} [role="progressbar"]`)) {
    return false;
  }
  return performance.now();
}

/** Waits for {@link QUIET_MS} without long tasks after `readyMs`. */
async function interactiveAfter(page: Page, readyMs: number) {
  const deadline = Date.now() + TIMEOUT_MS;
  for (;;) {
    const { now, lastEnd } = await page.evaluate(() => {
      const tasks: Array<[number, number]> = (window as any).__bench.longTasks;
      return {
        now: performance.now(),
        lastEnd: tasks.reduce((max, [, end]) => Math.max(max, end), 0),
      };
    });
    const since = Math.max(readyMs, lastEnd);
    if (now - since >= QUIET_MS) return since;
    if (Date.now() > deadline) throw new Error('The page never went idle');
    await page.waitForTimeout(100);
  }
}

function resources(until: number) {
  const nav = performance.getEntriesByType(
    'navigation',
  )[0] as PerformanceNavigationTiming;
  const entries = (
    performance.getEntriesByType('resource') as PerformanceResourceTiming[]
  ).filter(e => e.startTime <= until);
  const tasks: Array<[number, number]> = (window as any).__bench.longTasks;
  return {
    requests: entries.length + 1,
    transferBytes:
      entries.reduce((sum, e) => sum + e.transferSize, 0) + nav.transferSize,
    longTaskMs: tasks
      .filter(([start]) => start <= until)
      .reduce((sum, [start, end]) => sum + end - start, 0),
    api: entries
      .filter(e => new URL(e.name).pathname.startsWith('/api/'))
      .map(e => ({
        url: e.name.slice(new URL(e.name).origin.length),
        startMs: e.startTime,
        endMs: e.responseEnd,
        bytes: e.encodedBodySize,
        decodedBytes: e.decodedBodySize,
      })),
  };
}

/** Loads `url` in `page` and times it until interactive. */
export async function timeLoad(
  page: Page,
  url: string,
  spec: PageSpec,
): Promise<Timing> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  const args = { expect: spec.expect, progressIn: spec.progressIn ?? 'body' };
  const handle = await page.waitForFunction(ready, args, {
    polling: 'raf',
    timeout: TIMEOUT_MS,
  });
  const readyMs = (await handle.jsonValue()) as number;
  const interactiveMs = await interactiveAfter(page, readyMs);
  const sizes = await page.evaluate(resources, interactiveMs);
  return { readyMs, interactiveMs, ...sizes };
}
