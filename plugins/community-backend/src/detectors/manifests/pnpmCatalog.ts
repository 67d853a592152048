import { findLine } from '../text';

/** The catalogs of a `pnpm-workspace.yaml`, by name; `default` for `catalog:`. */
export type PnpmCatalogs = Map<string, Map<string, string>>;

/** The workspace file pnpm reads catalogs from, at the repository root. */
export const PNPM_WORKSPACE = 'pnpm-workspace.yaml';

/** A plain or quoted YAML scalar; undefined for anything richer. */
function scalar(raw: string): string | undefined {
  const text = raw.trim();
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, 1);
    return close > 0 ? text.slice(1, close) : undefined;
  }
  // Flow collections, block scalars, anchors, aliases and tags are not read.
  if (!text || /^[{[|>&*!]/.test(text)) return undefined;
  return text.replace(/\s+#.*$/, '');
}

/** `key: value` with an optional quoted key; undefined if not that. */
function entry(line: string): { key: string; value: string } | undefined {
  const text = line.trim();
  const quote = text[0];
  let colon: number;
  let key: string;
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, 1);
    if (close === -1 || text[close + 1] !== ':') return undefined;
    key = text.slice(1, close);
    colon = close + 1;
  } else {
    colon = text.indexOf(':');
    if (colon <= 0) return undefined;
    key = text.slice(0, colon).trim();
  }
  const value = text.slice(colon + 1);
  if (value && !/^\s/.test(value)) return undefined;
  return { key, value: value.trim() };
}

const indentOf = (line: string) => line.length - line.trimStart().length;

/**
 * Reads only the `catalog:` and `catalogs:` maps of a pnpm workspace file,
 * in block style, line by line. The `yaml` package is not a runtime
 * dependency of this plugin, and nothing else of the file is needed;
 * anything richer than plain `name: range` entries is passed over.
 */
export function readPnpmCatalogs(text: string): PnpmCatalogs {
  const catalogs: PnpmCatalogs = new Map();
  let section: 'catalog' | 'catalogs' | undefined;
  let current: Map<string, string> | undefined;
  let nameIndent: number | undefined;
  findLine(text, raw => {
    const line = raw.replace(/^\s*#.*$/, '');
    if (!line.trim()) return false;
    const indent = indentOf(line);
    const found = entry(line);
    if (indent === 0) {
      section =
        found?.key === 'catalog' || found?.key === 'catalogs'
          ? found.key
          : undefined;
      current = undefined;
      nameIndent = undefined;
      if (section === 'catalog') current = catalogFor(catalogs, 'default');
      return false;
    }
    if (!section || !found) return false;
    if (section === 'catalogs') {
      nameIndent ??= indent;
      if (indent === nameIndent) {
        current = catalogFor(catalogs, found.key);
        return false;
      }
    }
    const value = scalar(found.value);
    if (current && value !== undefined) current.set(found.key, value);
    return false;
  });
  return catalogs;
}

function catalogFor(catalogs: PnpmCatalogs, name: string) {
  let catalog = catalogs.get(name);
  if (!catalog) {
    catalog = new Map();
    catalogs.set(name, catalog);
  }
  return catalog;
}

/**
 * The version a `catalog:` / `catalog:name` specifier stands for, or why
 * there is none (the end of a sentence for a note).
 */
export function resolveCatalog(
  spec: string,
  name: string,
  catalogs: PnpmCatalogs | undefined,
): { version: string } | { unresolved: string } {
  const catalogName = spec.slice('catalog:'.length).trim() || 'default';
  if (catalogs === undefined) {
    return {
      unresolved: `but the repository has no ${PNPM_WORKSPACE} at its root to define catalogs`,
    };
  }
  const catalog = catalogs.get(catalogName);
  if (!catalog) {
    return {
      unresolved:
        catalogName === 'default'
          ? `but ${PNPM_WORKSPACE} has no default catalog (catalog:)`
          : `but ${PNPM_WORKSPACE} has no catalog "${catalogName}"`,
    };
  }
  const version = catalog.get(name);
  return version === undefined
    ? {
        unresolved: `but the ${catalogName} catalog in ${PNPM_WORKSPACE} has no entry for ${name}`,
      }
    : { version };
}
