import { PatternDetectionRule } from '@copkit/plugin-community-common';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * The shell baseline: the repository rules of every pattern checked with
 * `find` (globs, as a regex on the path) and `grep -E` (file contents and
 * dependency declarations), over every generated repository.
 */

/** A glob as minimatch reads it (dot files included) → POSIX ERE. */
export function globToEre(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      out += '([^/]+/)*';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      out += '.*';
      i += 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') out += '(';
    else if (c === '}') out += ')';
    else if (c === ',') out += '|';
    else if ('.+()|^$[]\\'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

const escapeEre = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Manifest file names (ERE on the path) and a declaration line (ERE). */
function dependencyCheck(ecosystem: string, name: string) {
  const n = escapeEre(name);
  const [group, artifact] = name.split(':');
  switch (ecosystem) {
    case 'npm':
      return { files: 'package\\.json', line: `"${n}"[[:space:]]*:`, i: false };
    case 'maven':
      return {
        files: 'pom\\.xml',
        line: `<artifactId>[[:space:]]*${escapeEre(artifact)}[[:space:]]*<`,
        i: false,
      };
    case 'gradle':
      return {
        files: '(build\\.gradle(\\.kts)?|[^/]*\\.versions\\.toml)',
        line: artifact
          ? `${escapeEre(group)}:${escapeEre(artifact)}`
          : `id[[:space:]]*\\(?[[:space:]]*["']${n}["']`,
        i: false,
      };
    case 'go':
      return {
        files: 'go\\.mod',
        line: `^[[:space:]]*(require[[:space:]]+)?${n}[[:space:]]+v`,
        i: false,
      };
    case 'pypi':
      return {
        files:
          '(requirements[^/]*\\.txt|requirements/[^/]+\\.txt|pyproject\\.toml)',
        line: `^[[:space:]"']*${n}[[:space:]]*([<>=~!;[]|$|["'])`,
        i: true,
      };
    case 'cargo':
      return { files: 'Cargo\\.toml', line: `^${n}[[:space:]]*=`, i: false };
    default:
      return {
        files: '([^/]*\\.(cs|fs|vb)proj|Directory\\.(Packages|Build)\\.props)',
        line: `Include="${n}"`,
        i: true,
      };
  }
}

const SKIP = `-not -regex '.*/(node_modules|vendor|target)/.*'`;

/** The shell command for one rule, printing `./<repo>/<path>` per hit. */
export function ruleCommand(rule: PatternDetectionRule): string | undefined {
  const find = (ere: string, extra = '') =>
    `find . -regextype posix-extended -type f -regex ${quote(
      `\\./[^/]+/${ere}`,
    )} ${extra}`;
  if ('file' in rule) {
    const files = find(globToEre(rule.file.path.replace(/^(\.\/)+/, '')));
    if (rule.file.contains === undefined) return files;
    return `${files} -print0 | xargs -0 -r grep -lE -- ${quote(
      rule.file.contains,
    )}`;
  }
  if ('dependency' in rule) {
    const check = dependencyCheck(
      rule.dependency.ecosystem,
      rule.dependency.name,
    );
    const files = find(`(.*/)?${check.files}`, SKIP);
    return `${files} -print0 | xargs -0 -r grep -lE${
      check.i ? 'i' : ''
    } -- ${quote(check.line)}`;
  }
  return undefined;
}

export type BaselineRun = {
  ms: number;
  /** CPU time of the shell and every command it ran (bash's `times`). */
  cpuMs: number;
  commands: number;
  /** Rule key → repositories with a hit. */
  hits: Map<string, Set<string>>;
  /** Files whose content grep read (every file find handed it). */
  filesGrepped: number;
};

/** Runs every rule's command once, as one shell script; times the whole run. */
export function runBaseline(
  root: string,
  rules: Array<{ key: string; rule: PatternDetectionRule }>,
): BaselineRun {
  const lines = ['set -e', `cd ${quote(root)}`];
  let commands = 0;
  const grepped = ['set -e', `cd ${quote(root)}`];
  for (const { key, rule } of rules) {
    const command = ruleCommand(rule);
    if (!command) continue;
    commands += 1;
    lines.push(`echo ${quote(`### ${key}`)}`, `${command} || true`);
    const files = command.split(' -print0 |')[0];
    if (files !== command) grepped.push(`${files} | wc -l`);
  }
  lines.push(`echo '### times'`, 'times');
  const script = path.join(os.tmpdir(), 'copkit-bench-baseline.sh');
  fs.writeFileSync(script, `${lines.join('\n')}\n`);
  const start = performance.now();
  const output = execFileSync('bash', [script], {
    maxBuffer: 256 * 1024 * 1024,
    encoding: 'utf8',
  });
  const ms = performance.now() - start;

  const hits = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of output.split('\n')) {
    if (line.startsWith('### ')) {
      current = new Set();
      hits.set(line.slice(4), current);
    } else if (line && current) {
      current.add(line.split('/')[1]);
    }
  }
  hits.delete('times');
  const cpuMs = [...output.split('### times')[1].matchAll(/(\d+)m([\d.]+)s/g)]
    .map(([, min, sec]) => (Number(min) * 60 + Number(sec)) * 1000)
    .reduce((sum, value) => sum + value, 0);
  // How many file bodies grep was handed, counted outside the timed run.
  fs.writeFileSync(script, `${grepped.join('\n')}\n`);
  const filesGrepped = execFileSync('bash', [script], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .reduce((sum, n) => sum + Number(n), 0);
  fs.rmSync(script, { force: true });
  return { ms, cpuMs, commands, hits, filesGrepped };
}
