import { DeclaredDependency, ManifestFormat } from './types';
import {
  asList,
  asRecord,
  baseName,
  escapeRegExp,
  lineOf,
  parseXmlDocument,
  resolveProperties,
  xmlText,
} from './shared';

const ITEMS = new Set([
  'PackageReference',
  'PackageVersion',
  'GlobalPackageReference',
]);

type Item = Record<string, unknown>;

/** Package items and MSBuild properties, at any depth. */
function collect(node: unknown, items: Item[], props: Map<string, string>) {
  for (const [key, value] of Object.entries(asRecord(node))) {
    for (const child of asList(value)) {
      if (ITEMS.has(key)) items.push(asRecord(child));
      else if (key === 'PropertyGroup') {
        for (const [name, prop] of Object.entries(asRecord(child))) {
          const text = xmlText(prop);
          if (text !== undefined && !name.startsWith('@_'))
            props.set(name, text);
        }
      }
      if (typeof child === 'object') collect(child, items, props);
    }
  }
}

/**
 * .NET project files (`*.csproj`, `*.fsproj`, `*.vbproj`) and the shared
 * `Directory.Packages.props` / `Directory.Build.props`: `PackageReference`
 * and central `PackageVersion` items, the version as an attribute or a
 * child element, through simple `$(Property)` references.
 */
export const msbuildProject: ManifestFormat = {
  ecosystem: 'nuget',
  isManifest: path =>
    /\.(cs|fs|vb)proj$/.test(path) ||
    /^Directory\.(Packages|Build)\.props$/.test(baseName(path)),
  parse(text) {
    const items: Item[] = [];
    const props = new Map<string, string>();
    collect(parseXmlDocument(text), items, props);
    const found: DeclaredDependency[] = [];
    for (const item of items) {
      const name = xmlText(item['@_Include']) ?? xmlText(item['@_Update']);
      if (!name) continue;
      const version =
        xmlText(item['@_VersionOverride']) ??
        xmlText(item['@_Version']) ??
        xmlText(item.Version);
      found.push({
        name,
        version: version && resolveProperties(version, props, /\$\(([^)]+)\)/g),
        line: lineOf(
          text,
          new RegExp(`(Include|Update)\\s*=\\s*"${escapeRegExp(name)}"`, 'i'),
        ),
      });
    }
    return found;
  },
};
