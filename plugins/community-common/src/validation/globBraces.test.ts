import { braceExpansionCount } from './globBraces';

describe('braceExpansionCount', () => {
  // Each expected count is what minimatch's braceExpand returns.
  it.each([
    ['no braces', 'src/**/*.ts', 1],
    ['alternatives', 'src/**/*.{ts,tsx}', 2],
    ['an empty alternative', 'a{,b}', 2],
    ['braces in a row', '{a,b}{c,d}', 4],
    ['nested braces', 'x/{a,b/{c,d}}/y', 3],
    ['a numeric range', '{1..100000}', 100000],
    ['a negative range', '{-3..3}', 7],
    ['a padded range', '{01..10}', 10],
    ['a range with a step', '{1..10..3}', 4],
    ['a letter range', '{a..e}', 5],
    ['ranges in a row', '{1..3}{1..3}{a,b}', 18],
    ['a brace without a comma', '{a}', 1],
    ['a brace with a nested one', '{a{b,c}}', 2],
    ['an unclosed brace', '{a,b', 1],
    ['an unclosed brace around a closed one', '{{a,b}', 2],
    ['an escaped brace', '\\{a,b}', 1],
    ['an escaped comma', '{a\\,b,c}', 2],
    ['a stray closing brace', '{a,b}}', 2],
    ['a half range', '{a..}', 1],
  ])('counts %s', (_case, glob, expected) => {
    expect(braceExpansionCount(glob)).toBe(expected);
  });
});
