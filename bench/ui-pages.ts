/*
 * Frontend benchmark (issue 4): time until the community page, a pattern's
 * Adoption tab and the adoption dashboard are interactive, in headless
 * Chromium against the running portal (production build of the frontend)
 * with a generated catalog of 10,000 services, 100 patterns and a
 * community of 500 participants; Backstage's own Component page as the
 * baseline.
 *
 *   yarn workspace @copkit/bench ui
 *
 * COPKIT_BENCH_UI_SERVICES (default 10000) and COPKIT_BENCH_UI_RUNS
 * (default 20) scale it down for a quick try.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Browser } from 'playwright-core';
import { loadNote } from './lib/machineLoad';
import {
  PageSpec,
  Timing,
  launchChromium,
  newContext,
  timeLoad,
} from './lib/pageTiming';
import {
  COMMUNITY,
  TEAM_SIZE,
  UiCatalogSize,
  serviceName,
  uiCatalog,
  writeUiCatalog,
} from './lib/uiCatalog';
import {
  BASE_URL,
  Portal,
  buildApp,
  guestToken,
  poll,
  portalDatabase,
  startPortal,
  writePortalConfig,
} from './lib/uiPortal';
import { PageRuns, Setup, uiReport } from './lib/uiReport';
import {
  adoptionSummary,
  processingErrors,
  runScan,
  waitForCatalog,
  writeTrendHistory,
} from './lib/uiSeed';
import { writeSection } from './report';

const SIZE: UiCatalogSize = {
  services: Number(process.env.COPKIT_BENCH_UI_SERVICES ?? 10_000),
  patterns: 100,
  directParticipants: 400,
  participantGroups: 10,
};
const RUNS = Number(process.env.COPKIT_BENCH_UI_RUNS ?? 20);
const HISTORY_DAYS = 120;
// The community People card's first page (PEOPLE_SHOWN in the plugin).
const PEOPLE_SHOWN = 20;
const WORK = path.join(os.tmpdir(), 'copkit-bench-ui');
const APP_DIST = path.resolve(__dirname, '../packages/app/dist');

const seconds = (since: number) => (performance.now() - since) / 1000;

function pageSpecs(patternRef: string, cells: number): PageSpec[] {
  const pattern = patternRef.split('/')[1];
  const section = (id: string, css = 'li') =>
    `section[aria-labelledby="${id}"] ${css}`;
  return [
    {
      id: 'community',
      label: 'Community page, Community tab',
      path: `/catalog/default/community/${COMMUNITY}/community`,
      expect: [
        { css: section('community-overview-numbers', 'dd'), min: 7 },
        { css: section('community-published-patterns'), min: SIZE.patterns },
        // the first 20, then "Show all 410 participants"
        { css: section('community-people-participants'), min: PEOPLE_SHOWN },
        { css: section('community-scope-chapters'), min: 2 },
      ],
      note: `The People card lists the first ${PEOPLE_SHOWN} participants and a "Show all ${
        SIZE.participantGroups + SIZE.directParticipants
      } participants" button (each of the 10 groups is one participant, with its members behind "Show 10 members"); the page reads only the people it shows.`,
    },
    {
      id: 'pattern',
      label: `Pattern page, Adoption tab (${pattern})`,
      path: `/catalog/default/pattern/${pattern}/adoption`,
      expect: [
        {
          css: 'table[aria-label="Adoption by value stream"] tbody tr',
          min: 1,
        },
        { css: 'table[aria-label="Adoption over time"] tbody tr', min: 90 },
        { css: 'table[aria-label="Services"] tbody tr', min: 20 },
      ],
    },
    {
      id: 'dashboard',
      label: 'Adoption dashboard (/communities/adoption)',
      path: '/communities/adoption',
      expect: [
        { css: 'table button[aria-pressed]', min: cells },
        { css: 'input[type="checkbox"]', min: SIZE.patterns },
      ],
    },
    {
      id: 'baseline',
      label: `Baseline: Component page, Overview tab (${serviceName(0)})`,
      path: `/catalog/default/component/${serviceName(0)}`,
      // Backstage's own cards; copkit's communities card on this page is
      // left out of "ready" (its progress bar does not count).
      expect: [
        { css: 'article h2', min: 7 },
        { css: 'article [data-testid="node"]', min: 3 },
        { css: 'article table tbody tr', min: 5 },
      ],
      progressIn: 'article',
    },
  ];
}

/** Cold (new context) then warm (same context again) loads of every page. */
async function measure(browser: Browser, specs: PageSpec[], runs: number) {
  const results = new Map<string, PageRuns>(
    specs.map(s => [s.id, { spec: s, cold: [], warm: [] }]),
  );
  for (let run = 0; run < runs; run++) {
    for (const spec of specs) {
      const context = await newContext(browser);
      const page = await context.newPage();
      const url = `${BASE_URL}${spec.path}`;
      try {
        results.get(spec.id)!.cold.push(await timeLoad(page, url, spec));
        results.get(spec.id)!.warm.push(await timeLoad(page, url, spec));
      } catch (error) {
        await page.screenshot({ path: path.join(WORK, `${spec.id}.png`) });
        throw new Error(`${spec.label}: ${error}`);
      } finally {
        await context.close();
      }
    }
    console.log(`run ${run + 1}/${runs} done`);
  }
  return [...results.values()];
}

async function seed(portal: Portal, kinds: Map<string, number>) {
  const token = await guestToken();
  let since = performance.now();
  await waitForCatalog({
    token,
    pid: portal.pid,
    kinds,
    community: `community:default/${COMMUNITY}`,
    participants: SIZE.participantGroups + SIZE.directParticipants,
    publishes: SIZE.patterns + 10,
    groupRef: 'group:default/team-000',
    groupSize: TEAM_SIZE,
  });
  const ingestS = seconds(since);
  const errors = processingErrors(portal.log);
  if (errors.length) {
    throw new Error(`Catalog processing errors:\n${errors.join('\n')}`);
  }
  since = performance.now();
  const scan = await runScan(token);
  const scanS = seconds(since);
  return { token, ingestS, scan, scanS };
}

async function main() {
  const load = os.loadavg()[0];
  fs.rmSync(WORK, { recursive: true, force: true });
  const files = uiCatalog(SIZE);
  const { all, kinds } = writeUiCatalog(path.join(WORK, 'catalog'), files);
  const database = await portalDatabase(WORK);
  const hadDist = fs.existsSync(APP_DIST);
  let since = performance.now();
  await buildApp();
  const buildS = seconds(since);
  const config = writePortalConfig({ dir: WORK, catalogFile: all, database });
  const portal = startPortal(config, path.join(WORK, 'portal.log'));
  let browser: Browser | undefined;
  try {
    since = performance.now();
    await poll(
      'the backend',
      async () => {
        const r = await fetch(`${BASE_URL}/api/catalog/entities?limit=1`);
        return r.status === 401 ? true : undefined;
      },
      5 * 60_000,
    );
    const startS = seconds(since);
    const seeded = await seed(portal, kinds);
    const knex = database.community();
    const historyRows = await writeTrendHistory(knex, HISTORY_DAYS);
    await knex.destroy();
    const summary = await adoptionSummary(seeded.token);
    const top = [...summary.items].sort(
      (a, b) => b.applicable - a.applicable,
    )[0];
    const specs = pageSpecs(top.patternRef, summary.cells);

    browser = await launchChromium();
    const firstVisit = await measure(browser, specs, 1);
    const pages = await measure(browser, specs, RUNS);
    const setup: Setup = {
      size: SIZE,
      kinds,
      database: database.label,
      chromium: browser.version(),
      runs: RUNS,
      buildS,
      startS,
      ingestS: seeded.ingestS,
      scan: seeded.scan,
      scanS: seeded.scanS,
      historyDays: HISTORY_DAYS,
      historyRows,
      cells: summary.cells,
      load,
    };
    writeSection('ui', uiReport(setup, pages, firstVisit, loadNote(load)));
  } catch (error) {
    console.error(`portal log: ${portal.log}`);
    throw error;
  } finally {
    await browser?.close();
    await portal.stop();
    await database.drop();
    if (!hadDist) fs.rmSync(APP_DIST, { recursive: true, force: true });
  }
  fs.rmSync(WORK, { recursive: true, force: true });
}

export type { Timing };

main().catch(e => {
  console.error(e);
  process.exit(1);
});
