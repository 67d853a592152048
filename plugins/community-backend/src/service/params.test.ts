import { quoteValue } from './params';

describe('quoteValue', () => {
  it('quotes a short value whole', () => {
    expect(quoteValue('a b')).toBe('"a b"');
    expect(quoteValue(['x', 'y'])).toBe('["x","y"]');
    expect(quoteValue(5)).toBe('5');
  });

  it('cuts a long string to 100 characters and says how long it was', () => {
    expect(quoteValue('x'.repeat(100))).toBe(`"${'x'.repeat(100)}"`);
    expect(quoteValue('x'.repeat(15_000))).toBe(
      `"${'x'.repeat(100)}"… (15000 characters)`,
    );
  });

  it('cuts a long list', () => {
    const quoted = quoteValue(Array(100).fill('abc'));
    expect(quoted).toHaveLength(101);
    expect(quoted.endsWith('…')).toBe(true);
  });
});
