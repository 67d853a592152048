/** A token of a Groovy or Kotlin build script. */
export type GradleToken = {
  kind: 'word' | 'string' | 'punct' | 'newline';
  /** The word, the punctuation, or a string's content without its quotes. */
  text: string;
  line: number;
  /** Offsets in the script, quotes included. */
  start: number;
  end: number;
};

/** Tokens up to the end of one statement, with the blocks around it. */
export type GradleStatement = {
  tokens: GradleToken[];
  /** Names of the enclosing `name {` blocks, outermost first. */
  blocks: string[];
};

/** Whether the token is one of the punctuation marks. */
export function isPunct(token: GradleToken | undefined, ...marks: string[]) {
  return token?.kind === 'punct' && marks.includes(token.text);
}

const isWordChar = (c: string) => /[A-Za-z0-9_]/.test(c);

/** Where a string opened at `start` ends (after its closing quote). */
function stringEnd(text: string, start: number, quote: string): number {
  let i = start + quote.length;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text.startsWith(quote, i)) return i + quote.length;
    else if (quote.length === 1 && text[i] === '\n') return i;
    else i += 1;
  }
  return text.length;
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; ) {
    count += 1;
    i = text.indexOf('\n', i + 1);
  }
  return count;
}

/**
 * Splits a build script into tokens in one pass: comments dropped, strings
 * (single, double and triple quoted) kept whole, so `//` inside a URL stays.
 */
export function gradleTokens(text: string): GradleToken[] {
  const tokens: GradleToken[] = [];
  let line = 1;
  let i = 0;
  const push = (kind: GradleToken['kind'], value: string, end: number) => {
    tokens.push({ kind, text: value, line, start: i, end });
    line += countLines(text, i, end);
    i = end;
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      push('newline', c, i + 1);
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i += 1;
    } else if (text.startsWith('//', i)) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      const end = close === -1 ? text.length : close + 2;
      line += countLines(text, i, end);
      i = end;
    } else if (c === '"' || c === "'") {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      const end = stringEnd(text, i, quote);
      const close = text.startsWith(quote, end - quote.length) ? quote : '';
      push('string', text.slice(i + quote.length, end - close.length), end);
    } else if (isWordChar(c)) {
      let end = i + 1;
      while (end < text.length && isWordChar(text[end])) end += 1;
      push('word', text.slice(i, end), end);
    } else {
      push('punct', c, i + 1);
    }
  }
  return tokens;
}

// A line ending in one of these goes on on the next line.
const CONTINUES = [',', '(', '[', '=', ':', '+', '.'];

/**
 * Groups tokens into statements. A statement ends at a line break, `;`,
 * `{` or `}`, except inside parentheses or brackets and after a trailing
 * `,`, `(`, `=`, `:`, `+` or `.`: so `implementation(` ⏎ `"g:a:1"` ⏎ `)`
 * and `group: 'g',` ⏎ `name: 'a'` are one statement each. Each token joins
 * one statement at most, so this is linear in the script.
 */
export function gradleStatements(tokens: GradleToken[]): GradleStatement[] {
  const statements: GradleStatement[] = [];
  const blocks: string[] = [];
  let current: GradleToken[] = [];
  let depth = 0;
  const flush = () => {
    if (current.length)
      statements.push({ tokens: current, blocks: [...blocks] });
    current = [];
    depth = 0;
  };
  for (const token of tokens) {
    const last = current[current.length - 1];
    if (token.kind === 'newline') {
      const joins = depth > 0 || isPunct(last, ...CONTINUES);
      if (!joins) flush();
    } else if (isPunct(token, '{')) {
      // `dependencies {` opens a named block; `implementation("g:a:1") {`
      // a closure, whose call is still a statement.
      blocks.push(
        current.length === 1 && last.kind === 'word' ? last.text : '',
      );
      flush();
    } else if (isPunct(token, '}')) {
      flush();
      blocks.pop();
    } else if (isPunct(token, ';')) {
      flush();
    } else {
      if (isPunct(token, '(', '[')) depth += 1;
      if (isPunct(token, ')', ']')) depth = Math.max(0, depth - 1);
      current.push(token);
    }
  }
  flush();
  return statements;
}

/** Splits tokens at top-level commas (outside parentheses and brackets). */
export function splitArguments(tokens: GradleToken[]): GradleToken[][] {
  const args: GradleToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (isPunct(token, '(', '[')) depth += 1;
    if (isPunct(token, ')', ']')) depth -= 1;
    if (isPunct(token, ',') && depth === 0) {
      args.push([]);
    } else {
      args[args.length - 1].push(token);
    }
  }
  return args.filter(arg => arg.length > 0);
}

/**
 * The tokens inside the parentheses that open at `tokens[0]`, and those
 * after the closing one; undefined when they are not closed.
 */
export function insideParens(
  tokens: GradleToken[],
): { inside: GradleToken[]; after: GradleToken[] } | undefined {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (isPunct(tokens[i], '(')) depth += 1;
    if (isPunct(tokens[i], ')')) depth -= 1;
    if (depth === 0) {
      return { inside: tokens.slice(1, i), after: tokens.slice(i + 1) };
    }
  }
  return undefined;
}
