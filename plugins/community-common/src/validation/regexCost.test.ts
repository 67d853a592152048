import { countedRepetitions } from './regexCost';

describe('countedRepetitions', () => {
  it.each([
    ['plain text', 'Idempotency-Key', 0],
    ['stars and pluses', '(?s)a.*b+c?', 0],
    ['{n}', 'a{512}', 512],
    ['{n,} as n', 'a{2,}', 2],
    ['{n,m} as m', 'a{2,7}', 7],
    ['siblings added up', '.{1000}.{1000}', 2000],
    ['nested multiplied', '(a{10}){10}', 110],
    ['a group of characters as one copy each', '(ab){3}', 3],
    ['a class', '[a-z]{4}', 4],
    ['a class with braces in it', '[{]{5}', 5],
    ['a class with a named class in it', '[[:alpha:]{]{3}', 3],
    ['an escaped brace', '\\{5}', 0],
    ['a hex escape, not a count', '\\x{100}', 0],
    ['a Unicode class escape', '\\p{Greek}{3}', 3],
    ['quoted text', '\\Q{5}\\E', 0],
    ['a brace RE2 reads as text', 'a{,5}', 0],
    ['after a flag group', '(?s).{1000}(?i)x{2}', 1002],
  ])('counts %s', (_case, source, expected) => {
    expect(countedRepetitions(source)).toBe(expected);
  });

  it('counts the regex that froze the scanner', () => {
    expect(countedRepetitions(`${'(?s).{1000}'.repeat(15)}Z`)).toBe(15000);
  });
});
