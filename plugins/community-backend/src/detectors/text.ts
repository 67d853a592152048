/** Evidence lines are cut to this many characters. */
export const MAX_EVIDENCE_CHARS = 200;

/** Git's heuristic: a NUL byte among the first 8000 bytes means binary. */
export function isBinary(content: Buffer): boolean {
  return content.subarray(0, 8000).includes(0);
}

/**
 * Decodes UTF-8, dropping a byte order mark; bad bytes become U+FFFD.
 * Windows line ends become `\n`, so `$` matches at the end of their lines
 * too (RE2's `$` stops only before `\n`).
 */
export function decodeText(content: Buffer): string {
  const text = content.toString('utf8').replace(/\r\n/g, '\n');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The 1-based number of the line holding the character at `index`. */
export function lineNumberAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; ) {
    line += 1;
    i = text.indexOf('\n', i + 1);
  }
  return line;
}

/** The line holding the character at `index`, without its line break. */
export function lineAt(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? text.length : end);
}

/** A line as evidence shows it: trimmed, at most 200 characters. */
export function evidenceText(line: string): string {
  const trimmed = line.trim();
  if (trimmed.length <= MAX_EVIDENCE_CHARS) return trimmed;
  // Cut by code points so an emoji is never split in half.
  return Array.from(trimmed.slice(0, MAX_EVIDENCE_CHARS * 2))
    .slice(0, MAX_EVIDENCE_CHARS)
    .join('');
}

/** Calls `visit` with each line and its 1-based number until it returns true. */
export function findLine(
  text: string,
  visit: (line: string, lineNumber: number) => boolean,
): { line: string; lineNumber: number } | undefined {
  let start = 0;
  for (let lineNumber = 1; start <= text.length; lineNumber++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    const line = text.slice(start, text[stop - 1] === '\r' ? stop - 1 : stop);
    if (visit(line, lineNumber)) return { line, lineNumber };
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}
