import { RE2JS } from 're2js';
import { findLine, lineAt, lineNumberAt } from './text';

// Patterns repeat across entities and scans; compiling costs far more than a
// lookup. The cap keeps a catalog that churns through regexes from growing it.
const MAX_CACHED = 500;
const compiled = new Map<string, RE2JS>();

/**
 * Compiles a `contains` regex for RE2's linear-time engine, with `^` and `$`
 * matching at line breaks. Validation has checked the syntax already.
 */
export function compileContains(source: string): RE2JS {
  let re = compiled.get(source);
  if (!re) {
    re = RE2JS.compile(source, RE2JS.MULTILINE);
    if (compiled.size >= MAX_CACHED) {
      compiled.delete(compiled.keys().next().value as string);
    }
    compiled.set(source, re);
  }
  return re;
}

// `\A`, `\z` and turning multi-line mode off (`(?-m)`) make a line on its own
// behave differently from the same line inside the file.
const NEEDS_WHOLE_TEXT = /\\[Az]|\(\?[a-zA-Z]*-/;

/**
 * The first line that matches: its 1-based number and text.
 *
 * RE2's DFA answers "is there a match" fast, but locating a match start
 * takes its slower NFA, which costs seconds on a 1 MiB line. So the whole
 * text is tested first, then each line on its own; only a match that needs
 * several lines is located with the NFA (still linear time).
 */
export function firstMatchingLine(
  re: RE2JS,
  text: string,
): { line: string; lineNumber: number } | undefined {
  if (!re.test(text)) return undefined;
  if (!NEEDS_WHOLE_TEXT.test(re.pattern())) {
    const hit = findLine(text, line => re.test(line));
    if (hit) return hit;
  }
  const matcher = re.matcher(text);
  if (!matcher.find()) return undefined;
  const start = matcher.start();
  return {
    line: lineAt(text, start).replace(/\r$/, ''),
    lineNumber: lineNumberAt(text, start),
  };
}
