import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One line describing where the numbers were taken. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(
    os.totalmem() / 2 ** 30,
  )} GiB, Node ${process.versions.node}, ${new Date()
    .toISOString()
    .slice(0, 10)}`;
}

/** Formats the page as `prettier --check` wants it (aligned tables). */
function format(file: string) {
  execFileSync(process.execPath, [
    require.resolve('prettier/bin-prettier.js'),
    '--write',
    '--loglevel=warn',
    file,
  ]);
}

/**
 * Replaces the section between `<!-- bench:<id> -->` and `<!-- /bench:<id> -->`
 * in docs/benchmarks.md, so each script owns its own part of the page.
 */
export function writeSection(id: string, markdown: string) {
  const file = path.resolve(__dirname, '../docs/benchmarks.md');
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const current = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '# Benchmarks\n';
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  const next = pattern.test(current)
    ? current.replace(pattern, block)
    : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
  format(file);
  console.log(`updated ${path.relative(process.cwd(), file)} (${id})`);
}
