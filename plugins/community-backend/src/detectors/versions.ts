import { DependencyEcosystem } from '@copkit/plugin-community-common';
import coerce from 'semver/functions/coerce';
import satisfies from 'semver/functions/satisfies';
import minVersion from 'semver/ranges/min-version';
import validRange from 'semver/ranges/valid';

/** `1.2`, `2.7.18.RELEASE`, `23.1rc1` → `1.2.0`, `2.7.18`, `23.1.0`. */
function coerced(version: string): string | undefined {
  return coerce(version, { includePrerelease: true })?.version;
}

/** Maven / Gradle / NuGet ranges: `[1.0,2.0)`, `(1.0,)`, `[1.2.3]`, `[1,2),[3,)`. */
function intervalRange(declared: string): string | undefined {
  const alternatives: string[] = [];
  const interval = /([[(])\s*([^,\])]*?)\s*(?:(,)\s*([^\])]*?)\s*)?([\])])/g;
  for (const [, open, low, comma, high, close] of declared.matchAll(interval)) {
    const parts: string[] = [];
    if (!comma) {
      parts.push(`=${coerced(low)}`);
    } else {
      if (low) parts.push(`${open === '[' ? '>=' : '>'}${coerced(low)}`);
      if (high) parts.push(`${close === ']' ? '<=' : '<'}${coerced(high)}`);
    }
    if (parts.some(p => p.endsWith('undefined'))) return undefined;
    alternatives.push(parts.join(' ') || '*');
  }
  return alternatives.length ? alternatives.join(' || ') : undefined;
}

/** PEP 440 specifiers: `>=23.1,<24`, `~=1.4`, `==1.2.*`, `!=1.5`. */
function pep440Range(declared: string): string | undefined {
  const parts: string[] = [];
  for (const clause of declared.split(',')) {
    const m = /^\s*(===|==|~=|!=|<=|>=|<|>)\s*(\S+)\s*$/.exec(clause);
    if (!m) return undefined;
    const [, op, version] = m;
    if (op === '!=') continue;
    if (version.endsWith('.*')) {
      parts.push(version);
      continue;
    }
    const v = coerced(version);
    if (!v) return undefined;
    parts.push(`${op === '~=' ? '>=' : op.replace(/^={2,3}$/, '=')}${v}`);
  }
  return parts.join(' ') || '*';
}

/** The declared version or range as an npm-style semver range, if understood. */
export function semverRangeOf(
  ecosystem: DependencyEcosystem,
  declared: string,
): string | undefined {
  let version = declared.trim();
  if (
    /^[[(]/.test(version) &&
    ['maven', 'gradle', 'nuget'].includes(ecosystem)
  ) {
    return intervalRange(version);
  }
  if (ecosystem === 'pypi') {
    const range = pep440Range(version);
    if (range) return validRange(range) ?? undefined;
  }
  // Gradle and NuGet float with `1.+` / `1.*`.
  if (ecosystem === 'gradle') version = version.replace(/\+$/, 'x');
  // Cargo and Poetry separate comparators with commas.
  const range = validRange(version.replace(/,/g, ' '));
  if (range) return range;
  return /^[v=]?\d/.test(version) ? coerced(version) : undefined;
}

/** How a declared version compares with a rule's range. */
export type VersionVerdict = 'satisfies' | 'outside' | 'unknown' | 'missing';

/**
 * A declared version satisfies a rule's range when the lowest version the
 * declaration allows is inside the range: `^8.1.0` satisfies `^8.0.0`,
 * `>=7.0.0` does not satisfy `^8.0.0`, and `*` satisfies only ranges that
 * admit 0.0.0. Pre-releases count (`8.1.0-beta.1` satisfies `^8.0.0`).
 */
export function judgeVersion(
  ecosystem: DependencyEcosystem,
  declared: string | undefined,
  ruleRange: string,
): VersionVerdict {
  if (declared === undefined || declared.trim() === '') return 'missing';
  const range = semverRangeOf(ecosystem, declared);
  let lowest;
  try {
    lowest = range === undefined ? null : minVersion(range);
  } catch {
    lowest = null;
  }
  if (!lowest) return 'unknown';
  return satisfies(lowest, ruleRange, { includePrerelease: true })
    ? 'satisfies'
    : 'outside';
}
