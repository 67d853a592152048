/**
 * A `contains` regex within validation's bounds (1000 counted repetitions,
 * about 1000 instructions) on which re2js falls back to its NFA.
 */
export const SLOW_REGEX = 'a.{1000}Z';

/**
 * Text on which {@link SLOW_REGEX} runs for seconds (about 5 s per 256 KiB
 * on a laptop): half the characters are `a`, each starting a thread the NFA
 * carries for 1000 characters, and the `Z`s never land 1001 after an `a`,
 * so the search never stops early. Deterministic, unlike random bytes.
 */
export function slowText(length: number): string {
  let seed = 42;
  const chars = Array.from({ length }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    const n = seed >> 16;
    return n % 2 === 0 ? 'a' : String.fromCharCode(98 + (n % 24));
  });
  for (let i = 1001; i < length; i += 997) {
    chars[i] = 'Z';
    chars[i - 1001] = 'b';
  }
  return chars.join('');
}
