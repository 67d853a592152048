import { makeValidator, parseEntityRef } from '@backstage/catalog-model';
import { RE2JS } from 're2js';
import validRange from 'semver/ranges/valid';

/**
 * The longest `contains` regex a pattern may carry. Long expressions are
 * almost always pasted by mistake and cost memory in the scanner.
 *
 * @public
 */
export const MAX_REGEX_LENGTH = 512;

const names = makeValidator();

/** What an entity ref field expects: its default kind and the kinds allowed. */
export interface RefExpectation {
  defaultKind: string;
  allowedKinds?: string[];
}

export function checkEntityRef(
  path: string,
  value: unknown,
  expected: RefExpectation,
): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const example = `${expected.defaultKind.toLocaleLowerCase('en-US')}:default/name`;
  const problem = `${path} must be an entity ref such as "${example}" (kind defaults to ${expected.defaultKind}); got ${JSON.stringify(
    value,
  )}`;
  let ref;
  try {
    ref = parseEntityRef(value, {
      defaultKind: expected.defaultKind,
      defaultNamespace: 'default',
    });
  } catch {
    return problem;
  }
  if (
    !names.isValidKind(ref.kind) ||
    !names.isValidNamespace(ref.namespace) ||
    !names.isValidEntityName(ref.name)
  ) {
    return problem;
  }
  const allowed = expected.allowedKinds;
  if (
    allowed &&
    !allowed.some(k => k.toLocaleLowerCase('en-US') === ref.kind.toLocaleLowerCase('en-US'))
  ) {
    return `${path} must refer to a ${allowed.join(' or ')}; got ${JSON.stringify(
      value,
    )}`;
  }
  return undefined;
}

export function checkRefList(
  path: string,
  values: unknown,
  expected: RefExpectation,
): string[] {
  if (!Array.isArray(values)) return [];
  return values.flatMap(
    (value, i) => checkEntityRef(`${path}[${i}]`, value, expected) ?? [],
  );
}

export function checkRegex(path: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length > MAX_REGEX_LENGTH) {
    return `${path} must be at most ${MAX_REGEX_LENGTH} characters; got ${value.length}`;
  }
  try {
    RE2JS.compile(value);
    return undefined;
  } catch (e) {
    return `${path} is not a regex the linear-time engine (RE2 syntax) can run: ${
      (e as Error).message
    }; lookarounds and backreferences are not supported`;
  }
}

export function checkGlob(path: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const segments = value.split(/[\\/]/);
  if (/^([\\/]|[a-zA-Z]:)/.test(value) || value.startsWith('~')) {
    return `${path} must be a glob relative to the repository root; got absolute path ${JSON.stringify(
      value,
    )}`;
  }
  if (segments.includes('..')) {
    return `${path} must stay inside the repository (no ".." segments); got ${JSON.stringify(
      value,
    )}`;
  }
  return undefined;
}

export function checkSemverRange(
  path: string,
  value: unknown,
): string | undefined {
  if (typeof value !== 'string') return undefined;
  return validRange(value)
    ? undefined
    : `${path} must be a semver range such as ">=2.0.0" or "^1.4"; got ${JSON.stringify(
        value,
      )}`;
}

export function checkTimeZone(path: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  // Offsets such as "+01:00" are accepted by Intl but are not IANA names.
  const looksLikeName = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(
    value,
  );
  try {
    if (looksLikeName) {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return undefined;
    }
  } catch {
    // reported below
  }
  return `${path} must be an IANA time zone name such as "Europe/Berlin"; got ${JSON.stringify(
    value,
  )}`;
}

export function checkDate(path: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match
    ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]))
    : undefined;
  const valid =
    date &&
    date.getUTCFullYear() === +match![1] &&
    date.getUTCMonth() === +match![2] - 1 &&
    date.getUTCDate() === +match![3];
  return valid
    ? undefined
    : `${path} must be a date written YYYY-MM-DD; got ${JSON.stringify(value)}`;
}
