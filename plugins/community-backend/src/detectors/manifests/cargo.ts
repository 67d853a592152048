import { DeclaredDependency, ManifestFormat } from './types';
import {
  asRecord,
  baseName,
  escapeRegExp,
  lineOf,
  parseTomlDocument,
} from './shared';

const SECTIONS = ['dependencies', 'dev-dependencies', 'build-dependencies'];

/** The dependency tables of a crate, its workspace and `[target.*]`. */
function tables(toml: Record<string, unknown>): Record<string, unknown>[] {
  const scopes = [
    toml,
    asRecord(toml.workspace),
    ...Object.values(asRecord(toml.target)).map(asRecord),
  ];
  return scopes.flatMap(scope => SECTIONS.map(s => asRecord(scope[s])));
}

/** Where a dependency is declared: `key = ...` or `[dependencies.key]`. */
function keyLine(text: string, key: string): number | undefined {
  const k = escapeRegExp(key);
  return lineOf(
    text,
    new RegExp(`^\\s*(["']?${k}["']?\\s*=|\\[[\\w.-]*dependencies\\.${k}\\])`),
  );
}

/**
 * `Cargo.toml`: `[dependencies]`, `[dev-dependencies]`,
 * `[build-dependencies]`, `[workspace.dependencies]` and their
 * `[target.*]` forms; a renamed crate (`package = "..."`) counts by its
 * real name. `{ workspace = true }` carries no version of its own.
 */
export const cargoToml: ManifestFormat = {
  ecosystem: 'cargo',
  isManifest: path => baseName(path) === 'Cargo.toml',
  parse(text) {
    const found: DeclaredDependency[] = [];
    for (const table of tables(parseTomlDocument(text))) {
      for (const [key, value] of Object.entries(table)) {
        const entry = asRecord(value);
        const name = typeof entry.package === 'string' ? entry.package : key;
        const version = typeof value === 'string' ? value : entry.version;
        found.push({
          name,
          version: typeof version === 'string' ? version : undefined,
          line: keyLine(text, key),
        });
      }
    }
    return found;
  },
};

/** Crate names compare lower case, with `-` and `_` alike, as crates.io does. */
export function normalizeCrateName(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}
