import { AdoptionStatus } from '@copkit/plugin-community-common';
import fs from 'node:fs';
import path from 'node:path';
import { reposDir } from './demoFiles';

// Reads what examples/repos/README.md says the engine should find, so that
// the end-to-end test and the hand-derived table cannot drift apart.

const SYMBOLS: Record<string, AdoptionStatus> = {
  '✅': 'adopted',
  '❌': 'not-adopted',
  '🛡': 'exempt',
  '–': 'not-applicable',
  '⚠': 'error',
};

const cells = (line: string) =>
  line
    .replace(/\\\|/g, '\uE000')
    .split('|')
    .slice(1, -1)
    .map(cell => cell.replace(/\uE000/g, '|').trim());

/** The rows (without header and separator) of the first table after `from`. */
function tableAfter(lines: string[], from: number): string[][] {
  let i = from;
  while (i < lines.length && !lines[i].startsWith('|')) i++;
  const rows: string[][] = [];
  for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) {
    rows.push(cells(lines[i]));
  }
  return rows;
}

function headerAfter(lines: string[], from: number): string[] {
  let i = from;
  while (i < lines.length && !lines[i].startsWith('|')) i++;
  return cells(lines[i]);
}

function indexOfLine(lines: string[], test: (line: string) => boolean) {
  const index = lines.findIndex(test);
  if (index < 0) throw new Error(`examples/repos/README.md: ${test} not found`);
  return index;
}

/** One row of a pattern's table of applicable components. */
export type ExpectedDetail = {
  component: string;
  pattern: string;
  status: AdoptionStatus;
  /** The "Evidence, reason or notes" cell, markdown as written. */
  text: string;
};

export type ExpectedAdoption = {
  /** The day the table was worked out for, YYYY-MM-DD. */
  day: string;
  components: string[];
  patterns: string[];
  /** component → pattern → status, from the matrix. */
  matrix: Map<string, Map<string, AdoptionStatus>>;
  /** pattern → counts as the totals table states them. */
  totals: Map<string, Record<AdoptionStatus, number>>;
  details: ExpectedDetail[];
};

export function readExpectedAdoption(): ExpectedAdoption {
  const text = fs.readFileSync(path.join(reposDir, 'README.md'), 'utf8');
  const lines = text.split('\n');
  const day = text.match(
    /as the engine should judge it\s+on (\d{4}-\d{2}-\d{2})/,
  );
  if (!day) throw new Error('examples/repos/README.md: no judging day found');

  const matrixAt = indexOfLine(lines, l => l.startsWith('### Matrix'));
  const patterns = headerAfter(lines, matrixAt).slice(1);
  const matrix = new Map<string, Map<string, AdoptionStatus>>();
  for (const [component, ...symbols] of tableAfter(lines, matrixAt)) {
    const row = new Map<string, AdoptionStatus>();
    symbols.forEach((symbol, i) => {
      const status = SYMBOLS[symbol.replace(/\uFE0F/g, '').trim()];
      if (!status) {
        throw new Error(`README matrix: unknown symbol "${symbol}"`);
      }
      row.set(patterns[i], status);
    });
    matrix.set(component, row);
  }

  const totalsAt = indexOfLine(lines, l => l.startsWith('Totals per pattern'));
  const totals = new Map<string, Record<AdoptionStatus, number>>();
  for (const [name, ...counts] of tableAfter(lines, totalsAt)) {
    const [adopted, notAdopted, exempt, notApplicable, error] = counts.map(c =>
      Number(c.replace(/\*/g, '')),
    );
    totals.set(name.replace(/\*/g, ''), {
      adopted,
      'not-adopted': notAdopted,
      exempt,
      'not-applicable': notApplicable,
      error,
    });
  }

  const details: ExpectedDetail[] = [];
  lines.forEach((line, i) => {
    const heading = line.match(/^#### ([a-z0-9-]+) \(/);
    if (!heading) return;
    for (const [component, status, detail] of tableAfter(lines, i)) {
      if (!matrix.has(component)) continue; // "the other 12 (...)"
      details.push({
        component,
        pattern: heading[1],
        status: status as AdoptionStatus,
        text: detail,
      });
    }
  });

  return {
    day: day[1],
    components: [...matrix.keys()],
    patterns,
    matrix,
    totals,
    details,
  };
}

/** Backticked pieces of a markdown cell, in order. */
export const codeSpans = (markdown: string) =>
  [...markdown.matchAll(/`([^`]+)`/g)].map(m => m[1]);

/** `→ \`path\`:line` in a detail cell: where the README says it matched. */
export function evidenceLocation(
  markdown: string,
): { path: string; line?: number } | undefined {
  const match = markdown.match(/→ `([^`]+)`(?::(\d+))?/);
  if (!match) return undefined;
  return match[2]
    ? { path: match[1], line: Number(match[2]) }
    : { path: match[1] };
}

/** The notes a detail cell quotes: `(note: \`...\`)` or `(note \`...\`)`. */
export function quotedNotes(markdown: string): string[] {
  return [...markdown.matchAll(/\bnote:? `([^`]+)`/g)].map(m =>
    // "unreadable manifest packages/admin/package.json: ..." quotes a prefix
    m[1].replace(/:? ?\.\.\.$/, ''),
  );
}
