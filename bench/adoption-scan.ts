/*
 * Adoption engine benchmarks 1, 2 and 4: a full scan of generated
 * repositories × 30 patterns through the local-directory UrlReader, against
 * find/grep doing the same file checks over the same files; a second scan
 * with nothing changed; and the scan's peak memory above idle.
 *
 *   yarn workspace @copkit/bench adoption-scan
 *
 * COPKIT_BENCH_REPOS (default 2000) sets the number of repositories.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareVerdicts, ruleKey } from './lib/agreement';
import { BaselineRun, runBaseline } from './lib/baseline';
import { loadNote } from './lib/machineLoad';
import { REPO_HOST } from './lib/catalog';
import { POSTGRES_URL, postgresDatabase } from './lib/db';
import { SCAN_PATTERNS } from './lib/patterns';
import { generateSpecs } from './lib/repoSpecs';
import { writeRepos } from './lib/repos';
import {
  CONCURRENCY,
  EngineJob,
  EngineRun,
  PARTITIONS,
  ROUNDS,
  runEngineInChild,
} from './lib/scanEngine';
import { machine, median, writeSection } from './report';

const REPOS = Number(process.env.COPKIT_BENCH_REPOS ?? 2000);
const SEED = 20261124;
const WORK = path.join(os.tmpdir(), 'copkit-bench-scan');

function repositoryRules() {
  return SCAN_PATTERNS.flatMap(pattern =>
    pattern.rules.map((rule, index) => ({
      key: ruleKey(pattern.name, index),
      rule,
    })),
  ).filter(({ rule }) => 'file' in rule || 'dependency' in rule);
}

async function main() {
  const loadBefore = os.loadavg()[0];
  const root = path.join(WORK, 'repos');
  const written = writeRepos(root, generateSpecs(REPOS, SEED), SEED);
  console.log(
    `wrote ${REPOS} repositories: ${written.files} files, ${mib(
      written.bytes,
    )} under ${root}`,
  );

  const databases: EngineJob['database'][] = ['sqlite-memory', 'sqlite-file'];
  const postgres = await postgresDatabase('copkit_bench_scan');
  if (postgres) {
    await postgres.destroy();
    databases.push('postgres');
  }

  // A baseline run before each engine run, so that both see the same
  // stretch of the machine's load; the baseline's figure is their median.
  const rules = repositoryRules();
  const baselines: BaselineRun[] = [];
  const runs: EngineRun[] = [];
  for (const database of databases) {
    baselines.push(runBaseline(root, rules));
    console.log(`baseline: ${s(baselines[baselines.length - 1].ms)}`);
    const run = await runEngineInChild({
      database,
      repos: REPOS,
      seed: SEED,
      root,
      work: WORK,
    });
    console.log(
      `${run.label}: full scan ${s(run.full.ms)}, unchanged ${s(
        run.again.ms,
      )}, reader walk ${s(run.walkMs)}`,
    );
    runs.push(run);
  }

  fs.rmSync(WORK, { recursive: true, force: true });
  writeSection(
    'adoption-scan',
    report({
      written,
      rules: rules.length,
      baselines,
      runs,
      agreement: compareVerdicts(
        SCAN_PATTERNS,
        baselines[0].hits,
        runs[0].rows,
      ),
      load: [loadBefore, os.loadavg()[0]],
    }),
  );
}

type ReportInput = {
  written: { files: number; bytes: number };
  rules: number;
  baselines: BaselineRun[];
  runs: EngineRun[];
  agreement: ReturnType<typeof compareVerdicts>;
  load: number[];
};

function s(ms: number) {
  return `${(ms / 1000).toFixed(2)} s`;
}
function mib(bytes: number) {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}
const n = (value: number) => value.toLocaleString('en-US');
const verdict = (met: boolean) => (met ? '**met**' : '**not met**');

function statusesOf(rows: EngineRun['rows']): string {
  const counts = new Map<string, number>();
  for (const row of rows) {
    counts.set(row.status, (counts.get(row.status) ?? 0) + 1);
  }
  return [...counts]
    .sort()
    .map(([status, count]) => `${status} ${n(count)}`)
    .join(', ');
}

function runRows(
  r: EngineRun,
  baseline: { ms: number; cpuMs: number },
): string[] {
  const ratio = r.full.ms / baseline.ms;
  const share = r.again.ms / r.full.ms;
  const above = r.memory.peak - r.memory.idle;
  const noReads = r.againReads.bodies === 0 && r.againReads.opens === 0;
  return [
    `| ${r.label} | full scan, wall (CPU ${s(r.full.cpuMs)} = ${(
      r.full.cpuMs / baseline.cpuMs
    ).toFixed(2)}× grep's CPU) | ${s(r.full.ms)} = ${ratio.toFixed(
      2,
    )}× grep | ≤ 3× grep | ${verdict(ratio <= 3)} |`,
    `| ${r.label} | second scan, nothing changed, median of ${ROUNDS} (CPU ${(
      (r.again.cpuMs / r.full.cpuMs) *
      100
    ).toFixed(1)}% of the full scan's; the reader's tree walks alone take ${s(
      r.walkMs,
    )}) | ${s(r.again.ms)} = ${(share * 100).toFixed(
      1,
    )}% of full | ≤ 10% | ${verdict(share <= 0.1)} |`,
    `| ${
      r.label
    } | file bodies read by the ${ROUNDS} unchanged scans (\`content()\` / \`fs.promises.open\`) | ${
      r.againReads.bodies
    } / ${r.againReads.opens} | 0 | ${verdict(noReads)} |`,
    `| ${r.label} | peak RSS above idle during the full scan (idle ${mib(
      r.memory.idle,
    )}, peak ${mib(r.memory.peak)}) | ${mib(above)} | < 300 MiB | ${verdict(
      above < 300 * 2 ** 20,
    )} |`,
  ];
}

function report(r: ReportInput): string {
  const pairs = REPOS * SCAN_PATTERNS.length;
  const [first] = r.runs;
  const { agreement } = r;
  const baseline = {
    ms: median(r.baselines.map(b => b.ms)),
    cpuMs: median(r.baselines.map(b => b.cpuMs)),
  };
  return [
    `## Adoption scan (engine benchmarks 1, 2 and 4)`,
    ``,
    `\`yarn workspace @copkit/bench adoption-scan\` (about 5 minutes; \`COPKIT_BENCH_REPOS\` sets the number of repositories, \`COPKIT_BENCH_POSTGRES_URL\` another PostgreSQL server than ${POSTGRES_URL}; without one the PostgreSQL rows are left out). Machine: ${machine()}; ${loadNote(
      r.load[0],
      r.load[1],
    )}.`,
    ``,
    `**What runs.** ${n(REPOS)} generated repositories (seeded, ${n(
      r.written.files,
    )} files, ${mib(
      r.written.bytes,
    )}: package.json / pom.xml / build.gradle.kts / go.mod / requirements.txt / pyproject.toml / Cargo.toml / .csproj, Dockerfiles, CI files, Helm charts, sources, tests, docs) in a temporary directory, served by \`LocalDirectoryUrlReader\` through Backstage's \`UrlReaders\`. ${n(
      REPOS,
    )} Components (one per repository, \`backstage.io/source-location: url:https://${REPO_HOST}/<name>/\`) and ${
      SCAN_PATTERNS.length
    } Patterns using every built-in rule shape (tag, annotation, sourceTemplate, dependsOn, file glob, file + contains, dependency for npm, Maven, Gradle, Go, PyPI, Cargo and NuGet; \`any\` and \`all\`; appliesTo filters; an exemption): ${n(
      pairs,
    )} pairs. The real \`PartitionScanner\` with \`builtinDetectors()\` writes to \`DatabaseAdoptionStore\`: partitions 0–${
      PARTITIONS - 1
    } of ${PARTITIONS} one after the other in one process, concurrency ${CONCURRENCY} (the plugin's defaults). The catalog snapshot is built in memory, so catalog reads are not timed. Each database runs in a fresh child process: a new store, a full scan, then a second scan with nothing changed. CPU is the process's user + system time (PostgreSQL's own server processes not included).`,
    ``,
    `**Baseline.** The same ${
      r.rules
    } repository rules as shell commands over the same files: one \`find -regex\` per glob (the glob translated to a path regex) and, for \`contains\` and \`dependency\` rules, \`grep -lE\` over the files find selects (for dependencies a declaration regex over the ecosystem's manifests). Each command covers all ${n(
      REPOS,
    )} repositories at once, grep's best case (a loop per repository would mostly time process start-ups). grep neither parses manifests nor checks version ranges, and it runs every rule on every repository, where the engine skips patterns that do not apply and stops at the first match of an \`any\` pattern. ${
      r.baselines[0].commands
    } commands handing ${n(
      r.baselines[0].filesGrepped,
    )} file bodies to grep, run once before each engine run: ${r.baselines
      .map(b => s(b.ms))
      .join(', ')}; median **${s(baseline.ms)}** wall, ${s(
      baseline.cpuMs,
    )} CPU (bash's \`times\`). Page cache warm.`,
    ``,
    `| database | measurement | value | goal | |`,
    `|---|---|---:|---:|---|`,
    ...r.runs.flatMap(run => runRows(run, baseline)),
    ``,
    `Full scans read ${n(first.full.repositories.scanned)} repositories and ${n(
      first.fullReads.bodies,
    )} file bodies and wrote ${n(first.full.results)} results (${statusesOf(
      first.rows,
    )}); ${
      first.full.repositories.failed
    } repositories failed, the reader warned ${
      first.warnings
    } times. Every second scan found ${r.runs
      .map(run => n(run.again.repositories.unchanged))
      .join(' / ')} repositories unchanged and wrote ${r.runs
      .map(run => n(run.again.results))
      .join(
        ' / ',
      )} results. Idle is the child process after building the catalog snapshot and migrating the database, after a forced GC; the peak is ${
      first.memory.method
    }. The in-memory SQLite database grows inside the process, so its peak includes the ${n(
      first.full.results,
    )} rows.`,
    ``,
    `Cross-check: for the ${
      agreement.patterns
    } patterns grep can decide alone (file rules and dependency rules without a version range), the engine's adopted / not-adopted verdicts agree with the baseline's hits on ${n(
      agreement.compared - agreement.disagreements.length,
    )} of ${n(agreement.compared)} pairs${
      agreement.disagreements.length
        ? ` (first disagreements: ${agreement.disagreements
            .slice(0, 3)
            .join('; ')})`
        : ''
    }.`,
  ].join('\n');
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
