import { availableParallelism } from 'node:os';
import { RegexWorkerPool } from './RegexWorkerPool';
import { lineAt, lineNumberAt } from './text';

/** How long a `contains` regex may run on one file. */
export const CONTAINS_TIMEOUT_MS = 2000;

/**
 * The workers that run `contains` regexes. Validation bounds a regex's
 * program, yet within those bounds re2js can take seconds on a large file;
 * run here, that time never blocks the backend's event loop. One worker on a
 * single core, two otherwise: scans are background work.
 */
export const containsPool = new RegexWorkerPool({
  size: Math.min(2, Math.max(1, availableParallelism() - 1)),
  timeoutMs: CONTAINS_TIMEOUT_MS,
});

/** The first line a `contains` regex matches, or why there is no answer. */
export type ContainsResult =
  | { kind: 'match'; line: string; lineNumber: number }
  | { kind: 'none' }
  | { kind: 'timeout' };

/**
 * Looks for the first line that matches a `contains` regex (RE2 syntax, `^`
 * and `$` at line breaks; validation has checked it), off the main thread
 * and within {@link CONTAINS_TIMEOUT_MS}. A match that needs several lines
 * gives the line where it starts.
 */
export async function firstMatchingLine(
  contains: string,
  text: string,
  signal?: AbortSignal,
): Promise<ContainsResult> {
  const index = await containsPool.match(contains, text, signal);
  if (index === 'timeout') return { kind: 'timeout' };
  if (index < 0) return { kind: 'none' };
  return {
    kind: 'match',
    line: lineAt(text, index).replace(/\r$/, ''),
    lineNumber: lineNumberAt(text, index),
  };
}

/** The note for a file a `contains` regex could not judge in time. */
export function containsTimeoutNote(path: string, timeoutMs: number): string {
  const limit = `${Number((timeoutMs / 1000).toFixed(1))} s`;
  return `\`contains\` regex did not finish within ${limit} on ${path}; the file was not judged`;
}
