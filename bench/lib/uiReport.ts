import { ScanSummary } from '@copkit/plugin-community-common';
import { machine, median } from '../report';
import { PageSpec, QUIET_MS, Timing } from './pageTiming';
import { UiCatalogSize } from './uiCatalog';

/** The cold and warm loads of one page. */
export type PageRuns = { spec: PageSpec; cold: Timing[]; warm: Timing[] };

/** How the portal was set up, for the prose. */
export type Setup = {
  size: UiCatalogSize;
  kinds: Map<string, number>;
  database: string;
  chromium: string;
  runs: number;
  buildS: number;
  startS: number;
  ingestS: number;
  scan: ScanSummary;
  scanS: number;
  historyDays: number;
  historyRows: number;
  cells: number;
  load: number;
};

export const GOAL_MS = 1500;

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const s = (ms: number) => (ms / 1000).toFixed(2);
const kib = (bytes: number) => n(bytes / 1024);

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The run whose time to interactive is the median (the lower middle). */
function medianRun(timings: Timing[]): Timing {
  const sorted = [...timings].sort((a, b) => a.interactiveMs - b.interactiveMs);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const tti = (timings: Timing[]) => timings.map(t => t.interactiveMs);

function row(runs: PageRuns, load: 'cold' | 'warm', baseline: PageRuns) {
  const timings = runs[load];
  const mid = median(tti(timings));
  const typical = medianRun(timings);
  const ratio = mid / median(tti(baseline[load]));
  const isBaseline = runs === baseline;
  return `| ${runs.spec.label} | ${load} | **${s(mid)}** | ${s(
    percentile(tti(timings), 95),
  )} | ${s(Math.max(...tti(timings)))} | ${s(
    median(timings.map(t => t.readyMs)),
  )} | ${n(median(timings.map(t => t.longTaskMs)))} | ${
    typical.requests
  } | ${kib(typical.transferBytes)} | ${
    isBaseline ? '1.00×' : `${ratio.toFixed(2)}×`
  } | ${mid < GOAL_MS ? 'met' : '**not met**'} |`;
}

/** Where the median cold load of a page spent its time on the network. */
function waterfall(runs: PageRuns): string {
  const typical = medianRun(runs.cold);
  const api = typical.api;
  const lastEnd = Math.max(0, ...api.map(a => a.endMs));
  const slowest = [...api]
    .sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs))
    .slice(0, 3)
    .map(
      a =>
        `\`${decodeURIComponent(a.url).slice(0, 90)}\` ${n(
          a.endMs - a.startMs,
        )} ms, ${kib(a.decodedBytes)} KiB`,
    )
    .join('; ');
  const appStart = Math.min(...api.map(a => a.startMs));
  return `| ${runs.spec.label} | ${s(typical.interactiveMs)} | ${s(
    appStart,
  )} | ${api.length} | ${kib(api.reduce((sum, a) => sum + a.bytes, 0))} / ${kib(
    api.reduce((sum, a) => sum + a.decodedBytes, 0),
  )} | ${s(lastEnd)} | ${n(typical.longTaskMs)} | ${slowest} |`;
}

function prose(setup: Setup, loadNote: string): string[] {
  const { size, kinds, scan } = setup;
  const entities = [...kinds.values()].reduce((a, b) => a + b, 0);
  const kindList = [...kinds]
    .map(([kind, count]) => `${n(count)} ${kind}`)
    .join(', ');
  return [
    `## Frontend pages (issue 4)`,
    ``,
    `\`yarn workspace @copkit/bench ui\` (about 20 minutes: build, catalog ingestion, scan, ${
      setup.runs
    } runs; \`COPKIT_BENCH_UI_SERVICES\` and \`COPKIT_BENCH_UI_RUNS\` scale it down). Machine: ${machine()}; ${loadNote}.`,
    ``,
    `**What runs.** A generated, seeded catalog of ${n(
      entities,
    )} entities (${kindList}) registered as the portal's only location. One Community, \`${'platform-guild'}\`, has ${
      size.participantGroups
    } groups of 10 and ${
      size.directParticipants
    } more users as members (500 participants), 5 leads, 2 chapters, 8 value streams (Domains, over 80 Systems) and 50 named services; it publishes ${
      size.patterns
    } Patterns (catalog rules: tag, annotation, sourceTemplate, dependsOn; \`appliesTo\` by type or lifecycle; some exemptions) and 10 Templates. The ${n(
      size.services,
    )} Components (80% services, 12% websites, 8% libraries) all pass the catalog's and copkit's validators: the portal logged no processing error. The portal is \`packages/backend\` started with Node (the CLI's transform, no file watcher, \`NODE_ENV=production\`) on :7107 with ${
      setup.database
    }, serving the **production build** of \`packages/app\` (\`backstage-cli package build\`, ${setup.buildS.toFixed(
      0,
    )} s) through its app-backend plugin, so the browser loads what users get. Backend up in ${setup.startS.toFixed(
      0,
    )} s, catalog ingested and settled in ${setup.ingestS.toFixed(
      0,
    )} s. Adoption: the portal's own scan, started through \`POST /api/community/scans\`, judged every pattern against every Component in ${setup.scanS.toFixed(
      0,
    )} s (${n(scan.results)} results: ${n(size.patterns)} × ${n(
      size.services,
    )}, not-applicable pairs included, as the engine stores them) and wrote today's snapshot; the benchmark then added ${
      setup.historyDays
    } earlier days of snapshots (${n(
      setup.historyRows,
    )} rows, adoption lower in the past) straight into \`community_adoption_snapshots\`, so that trends and the 90-day change have data. The dashboard shows ${n(
      setup.cells,
    )} heatmap cells. Scheduled scans and search indexing are off during the run; the catalog keeps re-processing entities in the background, as it does in production.`,
    ``,
    `**How it is measured.** Headless Chromium ${setup.chromium} (playwright-core, 1400×900, no throttling), signed in as guest (the sign-in page's remembered provider, so no click). Per run and page: a new browser context (empty HTTP cache) loads the page (**cold**), then loads it again in the same context (**warm**: cached bundle, about:blank in between). Interactive = the page's main content is rendered with data and no progress bar is left, then the main thread stays free of long tasks for ${QUIET_MS} ms; the time is the later of content-ready and the end of the last long task, from navigation start. Each load includes the app's start: bundle, config, guest token, then the page's own requests. ${setup.runs} runs after one unmeasured round; pages interleaved. Requests and bytes (Resource Timing, bytes on the wire, cache hits count 0 bytes) are those of the median run until interactive. Rendered with data means:`,
    ``,
  ];
}

function expectations(pages: PageRuns[]): string[] {
  return pages.map(({ spec }) => {
    const scope = spec.progressIn
      ? ` Only progress bars inside \`${spec.progressIn}\` count: copkit's communities card on this page is not waited for (its requests still show in the waterfall below).`
      : '';
    return `- ${spec.label}, \`${spec.path}\`: ${spec.expect
      .map(e => `≥ ${n(e.min)} × \`${e.css}\``)
      .join(', ')}.${scope}${spec.note ? ` ${spec.note}` : ''}`;
  });
}

/** The `ui` section of docs/benchmarks.md. */
export function uiReport(
  setup: Setup,
  pages: PageRuns[],
  firstVisit: PageRuns[],
  loadNote: string,
): string {
  const baseline = pages.find(p => p.spec.id === 'baseline')!;
  const ours = pages.filter(p => p !== baseline);
  const missed = ours.filter(
    p => median(tti(p.cold)) >= GOAL_MS || median(tti(p.warm)) >= GOAL_MS,
  );
  const goal = missed.length
    ? `**not met** for ${missed.map(p => p.spec.id).join(', ')}`
    : '**met** for every page, cold and warm';
  return [
    ...prose(setup, loadNote),
    ...expectations(pages),
    ``,
    `| page | load | interactive, median (s) | p95 (s) | max (s) | content ready, median (s) | long tasks, median (ms) | requests | transferred (KiB) | vs. baseline | < 1.5 s |`,
    `|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|`,
    ...pages.flatMap(p => [row(p, 'cold', baseline), row(p, 'warm', baseline)]),
    ``,
    `Goal: each page interactive in under 1.5 s (median): ${goal}. Backstage's own Component page takes ${s(
      median(tti(baseline.cold)),
    )} s cold and ${s(
      median(tti(baseline.warm)),
    )} s warm on the same portal. First visits right after the scan (one load each, not in the table; the community plugin caches adoption summaries per scan, so the first visitor after each scan waits for the summary over every result): ${firstVisit
      .map(p => `${p.spec.id} ${s(p.cold[0].interactiveMs)} s`)
      .join(', ')}.`,
    ``,
    `Where the median cold load waits: when the app had loaded its bundle and made its first call to \`/api\` (the guest token), the page's calls to \`/api\` (the app's own included), their bytes on the wire / decoded, when the last one ended, and the three slowest.`,
    ``,
    `| page | interactive (s) | app started (s) | API calls | API KiB (wire / decoded) | last API response (s) | long tasks (ms) | slowest calls |`,
    `|---|---:|---:|---:|---:|---:|---:|---|`,
    ...pages.map(waterfall),
  ].join('\n');
}
