import {
  AdoptionEvidence,
  AdoptionResult,
} from '@copkit/plugin-community-common';

/** The columns of the adoption export, in order. */
export const ADOPTION_CSV_COLUMNS = [
  'entity',
  'pattern',
  'community',
  'valueStream',
  'owner',
  'status',
  'evidence',
  'reason',
  'checkedAt',
] as const;

// Spreadsheets run a cell starting with one of these as a formula; tab and
// carriage return count too, since some programs strip them first.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line
 * break, and prefixed with `'` when a spreadsheet would read it as a formula.
 */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, ending with CRLF. */
export function csvLine(values: Array<string | number | undefined>): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Evidence in one cell: `rule (path:line)`, separated by `; `. */
export function formatEvidence(evidence: AdoptionEvidence[]): string {
  return evidence
    .map(item => {
      if (!item.path) return item.rule;
      const where = item.line ? `${item.path}:${item.line}` : item.path;
      return `${item.rule} (${where})`;
    })
    .join('; ');
}

export function adoptionCsvHeader(): string {
  return csvLine([...ADOPTION_CSV_COLUMNS]);
}

export function adoptionCsvRow(result: AdoptionResult): string {
  return csvLine([
    result.entityRef,
    result.patternRef,
    result.communityRef,
    result.valueStream,
    result.ownerRef,
    result.status,
    formatEvidence(result.evidence),
    result.reason,
    result.checkedAt,
  ]);
}

/** A file name that is safe in a Content-Disposition header. */
export function csvFileName(parts: string[]): string {
  const slug = parts
    .join('-')
    .toLocaleLowerCase('en-US')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'adoption'}.csv`;
}
