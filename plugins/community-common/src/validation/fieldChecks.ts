import { makeValidator } from '@backstage/catalog-model';
import { RE2JS } from 're2js';
import validRange from 'semver/ranges/valid';
import { braceExpansionCount } from './globBraces';
import { countedRepetitions } from './regexCost';
import { parseSpecRef, refKindKey } from '../refs';

// Checks JSON schema cannot express. Each takes a field's value and returns
// what is wrong with it ("must be ...; got ...") or undefined; values of the
// wrong type are left to the schema, which reports them already.

/**
 * The longest `contains` regex a pattern may carry. Long expressions are
 * almost always pasted by mistake and cost memory in the scanner.
 *
 * @public
 */
export const MAX_REGEX_LENGTH = 512;

/**
 * The most a `contains` regex may repeat through `{n}`, `{n,}` and `{n,m}`,
 * all counts added up and nested ones multiplied. RE2 runs in time linear
 * in the text but proportional to its program, and each repetition copies
 * what it repeats into the program: `.{1000}` written 15 times took minutes
 * on a 1 MiB file.
 */
export const MAX_REGEX_REPETITIONS = 1000;

/**
 * The largest compiled RE2 program (`programSize()`) a `contains` regex may
 * have. Catches what the repetition count alone lets through, such as a long
 * group repeated a few hundred times; `.{0,1000}` compiles to about 2000.
 */
export const MAX_REGEX_PROGRAM_SIZE = 3000;

/**
 * The most globs a `file.path` may expand to through braces: the scanner
 * builds one matcher per expansion, so `{1..100000}` meant 100,000 of them.
 */
export const MAX_GLOB_EXPANSIONS = 256;

const names = makeValidator();
const quote = (value: string) => JSON.stringify(value);

/**
 * Remembers the verdict for the last `max` distinct inputs. The catalog
 * re-validates every entity on each processing loop, and compiling a regex or
 * building an Intl formatter costs tens of microseconds, while the set of
 * distinct refs, regexes, ranges and time zones in a catalog is small.
 */
function memoize<T>(fn: (value: string) => T, max = 5000) {
  const cache = new Map<string, T>();
  return (value: string): T => {
    if (cache.has(value)) return cache.get(value) as T;
    const result = fn(value);
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    cache.set(value, result);
    return result;
  };
}

/** What an entity ref field expects: its default kind and the kinds allowed. */
export interface RefExpectation {
  defaultKind: string;
  allowedKinds?: string[];
}

function refVerdict(value: string, expected: RefExpectation) {
  let ref;
  try {
    ref = parseSpecRef(value, expected);
  } catch {
    return 'unparseable';
  }
  if (
    !names.isValidKind(ref.kind) ||
    !names.isValidNamespace(ref.namespace) ||
    !names.isValidEntityName(ref.name)
  ) {
    return 'unparseable';
  }
  const kind = refKindKey(ref);
  const allowed = expected.allowedKinds;
  return !allowed || allowed.some(k => refKindKey({ kind: k }) === kind)
    ? 'ok'
    : 'wrong-kind';
}

// One memo per expectation; the kind checks pass module-level constants.
const refVerdicts = new WeakMap<RefExpectation, (value: string) => string>();

export function refProblem(
  value: unknown,
  expected: RefExpectation,
): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  let verdict = refVerdicts.get(expected);
  if (!verdict) {
    verdict = memoize(v => refVerdict(v, expected));
    refVerdicts.set(expected, verdict);
  }
  switch (verdict(value)) {
    case 'ok':
      return undefined;
    case 'wrong-kind':
      return `must refer to a ${expected.allowedKinds!.join(
        ' or ',
      )}; got ${quote(value)}`;
    default:
      return `must be an entity ref such as "${expected.defaultKind.toLocaleLowerCase(
        'en-US',
      )}:default/name" (kind defaults to ${expected.defaultKind}); got ${quote(
        value,
      )}`;
  }
}

const regexVerdict = memoize((pattern: string): string | undefined => {
  if (pattern.length > MAX_REGEX_LENGTH) {
    return `must be at most ${MAX_REGEX_LENGTH} characters; got ${pattern.length}`;
  }
  // Counted before compiling: building a huge program is itself slow.
  const repetitions = countedRepetitions(pattern);
  if (repetitions > MAX_REGEX_REPETITIONS) {
    return `must repeat at most ${MAX_REGEX_REPETITIONS} times in total through {n}, {n,} and {n,m} (nested counts multiply); got ${repetitions}`;
  }
  let size: number;
  try {
    size = RE2JS.compile(pattern).programSize();
  } catch (e) {
    const message = (e as Error).message;
    // RE2 rejects lookarounds as "Perl syntax" and backreferences as escapes.
    const hint = /Perl syntax|escape sequence/.test(message)
      ? '; lookarounds and backreferences are not supported'
      : '';
    return `is not a regex the linear-time engine (RE2 syntax) can run: ${message}${hint}`;
  }
  if (size > MAX_REGEX_PROGRAM_SIZE) {
    return `must compile to at most ${MAX_REGEX_PROGRAM_SIZE} RE2 instructions (a repeated group adds its whole length per copy); got ${size}`;
  }
  return undefined;
});

export function regexProblem(value: unknown): string | undefined {
  return typeof value === 'string' ? regexVerdict(value) : undefined;
}

const globVerdict = memoize((glob: string): string | undefined => {
  if (/^([\\/]|[a-zA-Z]:)/.test(glob) || glob.startsWith('~')) {
    return `must be a glob relative to the repository root; got absolute path ${quote(
      glob,
    )}`;
  }
  if (glob.split(/[\\/]/).includes('..')) {
    return `must stay inside the repository (no ".." segments); got ${quote(
      glob,
    )}`;
  }
  const expansions = braceExpansionCount(glob);
  if (expansions > MAX_GLOB_EXPANSIONS) {
    return `must expand to at most ${MAX_GLOB_EXPANSIONS} globs through its braces ({a,b}, {1..9}); got ${expansions}`;
  }
  return undefined;
});

export function globProblem(value: unknown): string | undefined {
  return typeof value === 'string' ? globVerdict(value) : undefined;
}

const isSemverRange = memoize((range: string) => validRange(range) !== null);

export function semverRangeProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || isSemverRange(value)) return undefined;
  return `must be a semver range such as ">=2.0.0" or "^1.4"; got ${quote(
    value,
  )}`;
}

const isTimeZoneName = memoize((name: string) => {
  // Offsets such as "+01:00" are accepted by Intl but are not IANA names.
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    // Intl throws a RangeError for a zone it does not know.
    return !!new Intl.DateTimeFormat('en-US', {
      timeZone: name,
    }).resolvedOptions().timeZone;
  } catch {
    return false;
  }
});

export function timeZoneProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || isTimeZoneName(value)) return undefined;
  return `must be an IANA time zone name such as "Europe/Berlin"; got ${quote(
    value,
  )}`;
}

const isDate = memoize((value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [+match[1], +match[2], +match[3]];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
});

export function dateProblem(value: unknown): string | undefined {
  // An empty string is reported by the schema ("must be a non-empty string").
  if (typeof value !== 'string' || value === '' || isDate(value)) {
    return undefined;
  }
  return `must be a date written YYYY-MM-DD; got ${quote(value)}`;
}

export function timeOfDayProblem(value: unknown): string | undefined {
  // Two digits each, so that "9:5" is not silently read as 09:05.
  if (
    typeof value !== 'string' ||
    value === '' ||
    /^([01]\d|2[0-3]):[0-5]\d$/.test(value)
  ) {
    return undefined;
  }
  return `must be a 24-hour time written HH:MM, such as "16:00"; got ${quote(
    value,
  )}`;
}
