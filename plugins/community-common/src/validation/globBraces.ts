// Counts how many globs a brace expression expands to without expanding it,
// the way minimatch's brace expansion reads it: `{a,b}` is two, `{1..5}`
// five, `{a..e}` five, `{1..9..2}` five; braces in a row multiply and
// nested ones add up inside their alternative. A brace without a comma or a
// range (`{a}`) and an unclosed one are literal text. The count is an upper
// bound: empty alternatives that minimatch drops are counted too.

const SEQUENCE =
  /^(?:(-?\d+)\.\.(-?\d+)|([a-zA-Z])\.\.([a-zA-Z]))(?:\.\.(-?\d+))?$/;

function sequenceLength(body: string): number | undefined {
  const match = SEQUENCE.exec(body);
  if (!match) return undefined;
  const [, from, to, fromChar, toChar, step] = match;
  const span =
    from !== undefined
      ? Math.abs(Number(to) - Number(from))
      : Math.abs(toChar.charCodeAt(0) - fromChar.charCodeAt(0));
  return Math.floor(span / Math.max(1, Math.abs(Number(step ?? 1)))) + 1;
}

type Brace = {
  /** Where the body starts, to read a `{1..100}` range. */
  start: number;
  /** The expansions of the alternatives before the current one, added up. */
  done: number;
  /** The expansion of the current alternative so far. */
  current: number;
  /** Everything multiplied, for a brace that turns out to be literal. */
  literal: number;
  comma: boolean;
};

const open = (start: number): Brace => ({
  start,
  done: 0,
  current: 1,
  literal: 1,
  comma: false,
});

function multiply(brace: Brace, factor: number) {
  brace.current *= factor;
  brace.literal *= factor;
}

/** How many globs `glob` expands to; large counts are exact enough. */
export function braceExpansionCount(glob: string): number {
  // The outermost entry stands for the whole glob and is never closed.
  const stack: Brace[] = [open(0)];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const top = stack[stack.length - 1];
    if (c === '\\') {
      i++;
    } else if (c === '{') {
      stack.push(open(i + 1));
    } else if (c === ',' && stack.length > 1) {
      top.done += top.current;
      top.current = 1;
      top.comma = true;
    } else if (c === '}' && stack.length > 1) {
      stack.pop();
      const sequence = top.comma
        ? undefined
        : sequenceLength(glob.slice(top.start, i));
      let count = top.literal;
      if (top.comma) count = top.done + top.current;
      else if (sequence !== undefined) count = sequence;
      multiply(stack[stack.length - 1], count);
    }
  }
  // Unclosed braces are literal: what is inside them still expands.
  return stack.reduce((product, brace) => product * brace.literal, 1);
}
