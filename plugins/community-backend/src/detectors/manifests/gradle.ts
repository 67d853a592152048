import { evidenceText } from '../text';
import { DeclaredDependency, ManifestFormat } from './types';
import { baseName } from './shared';
import {
  GradleStatement,
  GradleToken,
  gradleStatements,
  gradleTokens,
  insideParens,
  isPunct,
  splitArguments,
} from './gradleScanner';

type Found = Omit<DeclaredDependency, 'line'> & { line: number };

// Blocks whose calls are dependency configurations (`implementation ...`).
const DEPENDENCY_BLOCKS = new Set(['dependencies', 'constraints']);

// Arguments that name no external module: other projects, local files,
// Gradle's own APIs, and version catalog accessors (the catalog is read
// on its own, from gradle/*.versions.toml).
const NOT_EXTERNAL = new Set([
  'project',
  'projects',
  'files',
  'fileTree',
  'gradleApi',
  'gradleTestKit',
  'localGroovy',
  'libs',
]);

const WRAPPERS = new Set(['platform', 'enforcedPlatform', 'testFixtures']);

const COORDINATE_PART = /^[\w.-]+$/;

/** `g:a`, `g:a:1.0`, `g:a:1.0:classifier@ext`; undefined if not that. */
function coordinates(text: string): Omit<Found, 'line'> | undefined {
  const parts = text.replace(/@\w+$/, '').split(':');
  if (parts.length < 2 || parts.length > 4) return undefined;
  const [group, name, version] = parts;
  if (!COORDINATE_PART.test(group) || !COORDINATE_PART.test(name)) {
    return undefined;
  }
  return { name: `${group}:${name}`, version: version || undefined };
}

/** `kotlin("stdlib")` / `kotlin("stdlib", "1.9.24")` in dependencies. */
function kotlinModule(args: GradleToken[][]): Omit<Found, 'line'> | undefined {
  const [module, version] = args.map(a => (a.length === 1 ? a[0] : undefined));
  if (module?.kind !== 'string') return undefined;
  return {
    name: `org.jetbrains.kotlin:kotlin-${module.text}`,
    version: version?.kind === 'string' ? version.text : undefined,
  };
}

/** One argument of a configuration call: what it declares, or `undefined`. */
function argument(arg: GradleToken[]): Found[] | 'skip' | undefined {
  const [first, second] = arg;
  if (arg.length === 1 && first.kind === 'string') {
    const dep = coordinates(first.text);
    return dep && [{ ...dep, line: first.line }];
  }
  if (first.kind !== 'word') return undefined;
  if (NOT_EXTERNAL.has(first.text)) return 'skip';
  const call = isPunct(second, '(') ? insideParens(arg.slice(1)) : undefined;
  if (!call) return undefined;
  const inner = splitArguments(call.inside);
  if (first.text === 'kotlin') {
    const dep = kotlinModule(inner);
    return dep && [{ ...dep, line: first.line }];
  }
  if (WRAPPERS.has(first.text) && inner.length === 1) return argument(inner[0]);
  return undefined;
}

/** `group: 'g', name: 'a', version: '1'` or `group = "g", name = "a"`. */
function mapNotation(args: GradleToken[][]): Found | undefined {
  const entries = new Map<string, GradleToken>();
  for (const arg of args) {
    const [key, sep, value] = arg;
    if (arg.length !== 3 || key.kind !== 'word' || !isPunct(sep, ':', '=')) {
      return undefined;
    }
    if (value.kind !== 'string') return undefined;
    entries.set(key.text, value);
  }
  const group = entries.get('group');
  const name = entries.get('name');
  if (!group || !name || /\$/.test(group.text + name.text)) return undefined;
  const version = entries.get('version')?.text;
  return { name: `${group.text}:${name.text}`, version, line: group.line };
}

/** The arguments of `config(...)`, `config "..."` or `config group: ...`. */
function callArguments(tokens: GradleToken[]): GradleToken[][] {
  const call = isPunct(tokens[1], '(')
    ? insideParens(tokens.slice(1))
    : undefined;
  // `implementation("g:a:1") { ... }` and `implementation("g:a:1") because ...`
  return splitArguments(call ? call.inside : tokens.slice(1));
}

/**
 * A configuration call's declarations; `undefined` when some argument is
 * not understood (a variable, a computed string).
 */
function configurationCall(tokens: GradleToken[]): Found[] | undefined {
  let args = callArguments(tokens);
  // `add("implementation", "g:a:1")`
  if (tokens[0].text === 'add') args = args.slice(1);
  const map = mapNotation(args);
  if (map) return [map];
  const found: Found[] = [];
  for (const arg of args) {
    const deps = argument(arg);
    if (deps === undefined) return undefined;
    if (deps !== 'skip') found.push(...deps);
  }
  return found;
}

/** A string argument: `id 'x'`, `id("x")`, `version "1"`, `version("1")`. */
function stringArgument(tokens: GradleToken[]): GradleToken | undefined {
  const [a, b, c] = tokens;
  if (a?.kind === 'string') return a;
  return isPunct(a, '(') && b?.kind === 'string' && isPunct(c, ')')
    ? b
    : undefined;
}

/**
 * Plugins: `id("x") version "1"`, `kotlin("jvm") version "1.9.24"` (the
 * plugin `org.jetbrains.kotlin.jvm`) and `apply plugin: 'x'`.
 */
function plugin(statement: GradleStatement): Found | undefined {
  const { tokens, blocks } = statement;
  const [first, second, third, fourth] = tokens;
  if (
    first.text === 'apply' &&
    second?.text === 'plugin' &&
    isPunct(third, ':')
  ) {
    return fourth?.kind === 'string'
      ? { name: fourth.text, line: fourth.line }
      : undefined;
  }
  const inPlugins = blocks[blocks.length - 1] === 'plugins';
  if (first.text !== 'id' && !(first.text === 'kotlin' && inPlugins)) {
    return undefined;
  }
  const id = stringArgument(tokens.slice(1));
  if (!id) return undefined;
  const rest = tokens.slice(id === second ? 2 : 4);
  const version =
    rest[0]?.text === 'version' ? stringArgument(rest.slice(1)) : undefined;
  const name =
    first.text === 'kotlin' ? `org.jetbrains.kotlin.${id.text}` : id.text;
  return { name, version: version?.text, line: id.line };
}

/** `v = '1'`, `def v = "1"`, `val v = "1"`, `ext.v = '1'`, `ext { v = '1' }`. */
function assignment(tokens: GradleToken[]): [string, string] | undefined {
  let rest = tokens;
  if (['def', 'val', 'var'].includes(rest[0].text)) rest = rest.slice(1);
  if (rest[0]?.text === 'ext' && isPunct(rest[1], '.')) rest = rest.slice(2);
  const [name, equals, value] = rest;
  if (rest.length !== 3 || name.kind !== 'word' || !isPunct(equals, '=')) {
    return undefined;
  }
  return value.kind === 'string' && !value.text.includes('$')
    ? [name.text, value.text]
    : undefined;
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

/** The statement as written, on one line, for a note. */
function sourceOf(text: string, tokens: GradleToken[]): string {
  const last = tokens[tokens.length - 1];
  return evidenceText(
    text.slice(tokens[0].start, last.end).replace(/\s+/g, ' '),
  );
}

/**
 * `build.gradle` and `build.gradle.kts`: string, map and `kotlin(...)`
 * notation in any configuration of a `dependencies {}` block, declarations
 * spread over several lines included; plugin ids with their versions from
 * `plugins {}`, and `apply plugin:`. `$var` and `${var}` are resolved from
 * plain string assignments in the same file. A configuration call whose
 * arguments cannot be read is noted with its line, never dropped silently.
 */
export const buildGradle: ManifestFormat = {
  ecosystem: 'gradle',
  isManifest: path => /^build\.gradle(\.kts)?$/.test(baseName(path)),
  parse(text, context) {
    const vars = new Map<string, string>();
    const found: Found[] = [];
    for (const statement of gradleStatements(gradleTokens(text))) {
      const { tokens, blocks } = statement;
      if (tokens[0].kind !== 'word') continue;
      const assigned = assignment(tokens);
      if (assigned) {
        vars.set(...assigned);
        continue;
      }
      const declared = plugin(statement);
      if (declared) {
        found.push(declared);
        continue;
      }
      const inDependencies = DEPENDENCY_BLOCKS.has(blocks[blocks.length - 1]);
      // A bare word opens a block (`constraints {`) or calls nothing we read.
      if (tokens.length < 2 || isPunct(tokens[1], '.', '=')) continue;
      const deps = configurationCall(tokens);
      if (deps) found.push(...deps);
      else if (inDependencies && context) {
        context.note(
          `${context.path} line ${
            tokens[0].line
          }: cannot read the dependency declaration "${sourceOf(
            text,
            tokens,
          )}", so it is not checked`,
        );
      }
    }
    return found.map(({ line, ...dep }) => ({
      ...dep,
      version: resolveVersion(dep.version, vars),
      line,
    }));
  },
};
