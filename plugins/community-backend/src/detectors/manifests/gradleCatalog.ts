import { DeclaredDependency, ManifestFormat } from './types';
import {
  asRecord,
  baseName,
  escapeRegExp,
  lineOf,
  parseTomlDocument,
} from './shared';

/** A version as a string, a `version.ref`, or a rich `{ require, ... }`. */
function versionOf(
  entry: Record<string, unknown>,
  versions: Record<string, unknown>,
): string | undefined {
  const version = entry.version;
  if (typeof version === 'string') return version;
  const rich = asRecord(version);
  const ref = rich.ref;
  const value = typeof ref === 'string' ? versions[ref] : version;
  if (typeof value === 'string') return value;
  const { require, strictly, prefer } = asRecord(value);
  const picked = require ?? strictly ?? prefer;
  return typeof picked === 'string' ? picked : undefined;
}

/** A `[libraries]` entry: `"g:a:v"`, `{ module, version }` or `{ group, name, version }`. */
function library(
  value: unknown,
  versions: Record<string, unknown>,
): Omit<DeclaredDependency, 'line'> | undefined {
  if (typeof value === 'string') {
    const [group, name, version] = value.split(':');
    return group && name ? { name: `${group}:${name}`, version } : undefined;
  }
  const entry = asRecord(value);
  const module =
    typeof entry.module === 'string'
      ? entry.module
      : entry.group && entry.name && `${entry.group}:${entry.name}`;
  return typeof module === 'string'
    ? { name: module, version: versionOf(entry, versions) }
    : undefined;
}

/**
 * Gradle version catalogs (`gradle/libs.versions.toml`): libraries by
 * `group:name`, plugins by id, versions through `version.ref`.
 */
export const gradleVersionCatalog: ManifestFormat = {
  ecosystem: 'gradle',
  isManifest: path => baseName(path).endsWith('.versions.toml'),
  parse(text) {
    const toml = parseTomlDocument(text);
    const versions = asRecord(toml.versions);
    const found: DeclaredDependency[] = [];
    const line = (table: string, alias: string) =>
      lineOf(
        text,
        new RegExp(`^\\s*["']?${escapeRegExp(alias)}["']?\\s*=`),
        new RegExp(`^\\s*\\[${table}\\]`),
      );
    for (const [alias, value] of Object.entries(asRecord(toml.libraries))) {
      const dep = library(value, versions);
      if (dep) found.push({ ...dep, line: line('libraries', alias) });
    }
    for (const [alias, value] of Object.entries(asRecord(toml.plugins))) {
      const entry = asRecord(value);
      const [id, version] =
        typeof value === 'string'
          ? value.split(':')
          : [entry.id, versionOf(entry, versions)];
      if (typeof id === 'string') {
        found.push({ name: id, version, line: line('plugins', alias) });
      }
    }
    return found;
  },
};
