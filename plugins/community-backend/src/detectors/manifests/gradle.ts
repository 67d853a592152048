import { findLine } from '../text';
import { DeclaredDependency, ManifestFormat } from './types';
import { baseName } from './shared';

// `implementation 'g:a:1.0'`, `api("g:a:1.0")`, `classpath "g:a:$v"`,
// `implementation(platform("g:a:1.0"))`, `testImplementation 'g:a:1.0:tests@jar'`.
// Any configuration name counts, custom ones included.
const STRING_NOTATION =
  /\b[a-z][A-Za-z0-9]*\s*\(?\s*(?:(?:platform|enforcedPlatform|testFixtures)\s*\(\s*)?(["'])([\w.-]+):([\w.-]+)(?::([^"'\s:@]+))?(?::[\w.-]*)?(?:@\w+)?\1/g;

// `implementation group: 'g', name: 'a', version: '1.0'` (Groovy) or
// `implementation(group = "g", name = "a", version = "1.0")` (Kotlin).
const mapEntry = (key: string) =>
  new RegExp(`\\b${key}\\s*[:=]\\s*(["'])([^"']+)\\1`);

// `id 'org.springframework.boot' version '3.2.0'` in a plugins block;
// `id("x") version "1"` in Kotlin. The plugin id is the dependency name.
const PLUGIN =
  /\bid\s*\(?\s*(["'])([\w.-]+)\1\s*\)?(?:\s*version\s*\(?\s*(["'])([^"']+)\3)?/;

// `springVersion = '3.2.0'`, `def x = "1"`, `val x = "1"`, `ext.x = '1'`.
const ASSIGNMENT =
  /^\s*(?:def\s+|val\s+|var\s+|ext\.)?(\w+)\s*=\s*(["'])([^"'$]+)\2/;

function stripComments(line: string, state: { inBlock: boolean }): string {
  let out = '';
  let rest = line;
  while (rest) {
    if (state.inBlock) {
      const end = rest.indexOf('*/');
      if (end === -1) return out;
      state.inBlock = false;
      rest = rest.slice(end + 2);
      continue;
    }
    const start = rest.indexOf('/*');
    if (start === -1) break;
    out += rest.slice(0, start);
    state.inBlock = true;
    rest = rest.slice(start + 2);
  }
  if (state.inBlock) return out;
  // `//` starts a comment only after a space or at the line start, so URLs stay.
  return (out + rest).replace(/(^|\s)\/\/.*$/, '');
}

function declarationsOnLine(line: string): Omit<DeclaredDependency, 'line'>[] {
  const found: Omit<DeclaredDependency, 'line'>[] = [];
  for (const m of line.matchAll(STRING_NOTATION)) {
    found.push({ name: `${m[2]}:${m[3]}`, version: m[4] });
  }
  const group = mapEntry('group').exec(line);
  const name = mapEntry('name').exec(line);
  if (group && name) {
    const version = mapEntry('version').exec(line);
    found.push({ name: `${group[2]}:${name[2]}`, version: version?.[2] });
  }
  const plugin = PLUGIN.exec(line);
  if (plugin) found.push({ name: plugin[2], version: plugin[4] });
  return found;
}

/** Resolves `$name` and `${name}` from assignments in the same file. */
function resolveVersion(
  version: string | undefined,
  vars: Map<string, string>,
) {
  return version?.replace(
    /\$\{?(\w+)\}?/g,
    (ref, key: string) => vars.get(key) ?? ref,
  );
}

/**
 * `build.gradle` and `build.gradle.kts`: string and map notation in any
 * configuration, and plugin ids with their versions from `plugins {}`.
 * Read line by line; a declaration split over several lines is not seen.
 */
export const buildGradle: ManifestFormat = {
  ecosystem: 'gradle',
  isManifest: path => /^build\.gradle(\.kts)?$/.test(baseName(path)),
  parse(text) {
    const vars = new Map<string, string>();
    const found: DeclaredDependency[] = [];
    const state = { inBlock: false };
    findLine(text, (raw, lineNumber) => {
      const line = stripComments(raw, state);
      const assignment = ASSIGNMENT.exec(line);
      if (assignment) vars.set(assignment[1], assignment[3]);
      for (const dep of declarationsOnLine(line)) {
        found.push({ ...dep, line: lineNumber });
      }
      return false;
    });
    return found.map(dep => ({
      ...dep,
      version: resolveVersion(dep.version, vars),
    }));
  },
};
