import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseToml } from 'smol-toml';
import { findLine } from '../text';

/** The file name of a `/`-separated path. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The 1-based number of the first line matching `pattern`; with `section`,
 * the first one after a line matching `section` (e.g. a TOML table header).
 */
export function lineOf(
  text: string,
  pattern: RegExp,
  section?: RegExp,
): number | undefined {
  let inSection = !section;
  return findLine(text, line => {
    if (inSection) return pattern.test(line);
    inSection = section!.test(line);
    return false;
  })?.lineNumber;
}

/** A plain object, or an empty one for anything else. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A value that XML or TOML gives as one item or a list, as a list. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** Parses TOML; the error keeps the first line of the parser's message. */
export function parseTomlDocument(text: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const e = error as Error & { line?: number };
    const first = e.message.split('\n')[0];
    throw new Error(e.line ? `${first} (line ${e.line})` : first);
  }
}

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
});

/** Parses XML after checking it is well-formed; values stay strings. */
export function parseXmlDocument(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new Error(`line ${valid.err.line}: ${valid.err.msg}`);
  }
  return xmlParser.parse(text);
}

/** The text of an XML element or attribute value, trimmed. */
export function xmlText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  const text = asRecord(value)['#text'];
  return typeof text === 'string' ? text.trim() || undefined : undefined;
}

/** Rounds of `${a}` → `${b}` → value followed; deeper chains stay unresolved. */
const MAX_PROPERTY_DEPTH = 5;
/** A value that would expand past this many characters stays unexpanded. */
export const MAX_EXPANDED_CHARS = 200;

/**
 * Replaces `${name}` (Maven) or `$(name)` (MSBuild) with known values, a few
 * rounds deep for properties defined through other properties. Unknown
 * references stay as they are, so the version reads as not understood.
 * Properties that expand each other (`a` = twenty `${b}`, `b` = twenty
 * `${c}`, ...) would grow a 1 KB file into megabytes: a round that would
 * pass `MAX_EXPANDED_CHARS` is not applied, and the value stays as it was.
 * `syntax` must be a global regex whose first group is the name.
 */
export function resolveProperties(
  value: string,
  properties: Map<string, string>,
  syntax: RegExp,
): string {
  let result = value;
  for (let round = 0; round < MAX_PROPERTY_DEPTH; round++) {
    let length = result.length;
    const next = result.replace(syntax, (ref, key: string) => {
      const replacement = properties.get(key);
      if (replacement === undefined) return ref;
      length += replacement.length - ref.length;
      return length > MAX_EXPANDED_CHARS ? ref : replacement;
    });
    if (length > MAX_EXPANDED_CHARS || next === result) break;
    result = next;
  }
  return result;
}
