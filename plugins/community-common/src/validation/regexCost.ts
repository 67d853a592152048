// Counts a regex's counted repetitions without compiling it, so that a
// pattern whose program would be huge is turned away before RE2 spends
// hundreds of milliseconds building it. The count is the sum of the upper
// bounds of `{n}`, `{n,}` (counted as n) and `{n,m}`, each multiplied by the
// bounds of the repetitions around it: `.{1000}` counts 1000,
// `.{1000}.{1000}` 2000 and `(a{10}){10}` 110 (10 for the group, 10 times
// 10 for the `a`s in it).

const REPEAT = /^\{(\d+)(?:(,)(\d*))?\}/;

/** Where the character class starting at `start` (a `[`) ends. */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++; // a leading ] is a literal
  while (i < source.length) {
    const c = source[i];
    if (c === '\\') {
      i += 2;
    } else if (c === '[' && source[i + 1] === ':') {
      const close = source.indexOf(':]', i + 2);
      i = close < 0 ? i + 1 : close + 2;
    } else if (c === ']') {
      return i + 1;
    } else {
      i++;
    }
  }
  return source.length;
}

/** Where the escape starting at `start` (a backslash) ends. */
function escapeEnd(source: string, start: number): number {
  const next = source[start + 1];
  if (next === 'Q') {
    const end = source.indexOf('\\E', start + 2);
    return end < 0 ? source.length : end + 2;
  }
  if ('pPx'.includes(next ?? '') && source[start + 2] === '{') {
    const close = source.indexOf('}', start + 3);
    return close < 0 ? source.length : close + 1;
  }
  return start + 2;
}

/**
 * The total of a regex's counted repetitions, nested ones multiplied. Text
 * that RE2 would reject is counted as best it can; compiling reports it.
 */
export function countedRepetitions(source: string): number {
  // The count inside each open group; the last entry is the innermost.
  const groups: number[] = [0];
  // The count inside the atom a following `{n}` would repeat: 0 for a
  // character, the group's count for a group, undefined for nothing.
  let atom: number | undefined;
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    const repeat = c === '{' ? REPEAT.exec(source.slice(i, i + 24)) : null;
    if (repeat && atom !== undefined) {
      const lower = Number(repeat[1]);
      const upper = repeat[2] && repeat[3] ? Number(repeat[3]) : lower;
      // The atom's own count is in the group already; repeating it adds
      // the bound for the atom plus its count for each further copy.
      groups[groups.length - 1] += upper + atom * (upper - 1);
      atom = undefined;
      i += repeat[0].length;
      continue;
    }
    atom = 0;
    if (c === '\\') {
      i = escapeEnd(source, i);
    } else if (c === '[') {
      i = classEnd(source, i);
    } else if (c === '(') {
      groups.push(0);
      atom = undefined;
      i++;
    } else if (c === ')' && groups.length > 1) {
      atom = groups.pop()!;
      groups[groups.length - 1] += atom;
      i++;
    } else {
      if (c === '|') atom = undefined;
      i++;
    }
  }
  return groups.reduce((sum, count) => sum + count, 0);
}
