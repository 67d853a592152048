import { findLine } from '../text';
import { DeclaredDependency, ManifestFormat } from './types';
import {
  asList,
  asRecord,
  baseName,
  lineOf,
  parseTomlDocument,
} from './shared';

/** PEP 503: names compare lower case, with runs of `-_.` as one `-`. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const REQUIREMENT =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*(.*)$/;

/**
 * A PEP 508 requirement: `name[extras] >=1.0,<2 ; markers` or
 * `name @ url`. The version is the specifier as written, if any.
 */
export function parseRequirement(
  spec: string,
): Omit<DeclaredDependency, 'line'> | undefined {
  const m = REQUIREMENT.exec(spec.trim());
  if (!m) return undefined;
  const rest = m[2].split(';')[0].trim();
  if (rest.startsWith('@')) return { name: m[1] };
  const version = rest.replace(/^\((.*)\)$/, '$1').trim();
  return { name: m[1], version: version || undefined };
}

/**
 * `requirements*.txt` and `requirements/*.txt`: one requirement per line.
 * Options (`-r`, `-e`, `--hash`), URLs and local paths are passed over.
 */
export const requirementsTxt: ManifestFormat = {
  ecosystem: 'pypi',
  isManifest: path =>
    /^requirements.*\.txt$/i.test(baseName(path)) ||
    /(^|\/)requirements\/[^/]+\.txt$/i.test(path),
  parse(text) {
    const found: DeclaredDependency[] = [];
    let pending = '';
    let pendingLine = 0;
    findLine(text, (raw, lineNumber) => {
      if (!pending) pendingLine = lineNumber;
      const line = pending + raw.replace(/(^|\s)#.*$/, '');
      if (line.endsWith('\\')) {
        pending = `${line.slice(0, -1)} `;
        return false;
      }
      pending = '';
      const spec = line.replace(/\s--?\w[\w-]*(=\S*)?/g, '').trim();
      // Options, local paths and bare URLs (`git+https://...#egg=x`).
      if (!spec || /^([-./]|[a-z][\w+.-]*:\/\/)/i.test(spec)) return false;
      const dep = parseRequirement(spec);
      if (dep) found.push({ ...dep, line: pendingLine });
      return false;
    });
    return found;
  },
};

/** Poetry writes `"^1.2"`, `{ version = "^1.2", extras = [...] }` or a list. */
function poetryVersion(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const first = Array.isArray(value) ? value[0] : value;
  const version = asRecord(first).version;
  return typeof version === 'string' ? version : undefined;
}

function poetryTables(
  toml: Record<string, unknown>,
): Record<string, unknown>[] {
  const poetry = asRecord(asRecord(toml.tool).poetry);
  const groups = Object.values(asRecord(poetry.group)).map(
    g => asRecord(g).dependencies,
  );
  return [poetry.dependencies, poetry['dev-dependencies'], ...groups].map(
    asRecord,
  );
}

function pep508Strings(toml: Record<string, unknown>): unknown[] {
  const project = asRecord(toml.project);
  return [
    ...asList(project.dependencies),
    ...Object.values(asRecord(project['optional-dependencies'])).flat(),
    ...Object.values(asRecord(toml['dependency-groups'])).flat(),
  ];
}

/** Where a name is written, `-_.` and case aside. */
function nameLine(text: string, name: string): number | undefined {
  const pattern = name
    .split(/[-_.]+/)
    .map(part => part.replace(/[^A-Za-z0-9]/g, ''))
    .join('[-_.]+');
  return lineOf(
    text,
    new RegExp(`(^|["'\\s])${pattern}($|[\\s\\[<>=!~;@"',\\]])`, 'i'),
  );
}

/** `pyproject.toml`: PEP 621 `project.dependencies` and Poetry's tables. */
export const pyprojectToml: ManifestFormat = {
  ecosystem: 'pypi',
  isManifest: path => baseName(path) === 'pyproject.toml',
  parse(text) {
    const toml = parseTomlDocument(text);
    const found: Omit<DeclaredDependency, 'line'>[] = [];
    for (const spec of pep508Strings(toml)) {
      const dep = typeof spec === 'string' ? parseRequirement(spec) : undefined;
      if (dep) found.push(dep);
    }
    for (const table of poetryTables(toml)) {
      for (const [name, value] of Object.entries(table)) {
        // Poetry lists the Python version among the dependencies.
        if (name === 'python') continue;
        found.push({ name, version: poetryVersion(value) });
      }
    }
    return found.map(dep => ({ ...dep, line: nameLine(text, dep.name) }));
  },
};
