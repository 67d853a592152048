import { DeclaredDependency, ManifestFormat } from './types';
import { asRecord, baseName, escapeRegExp, lineOf } from './shared';
import {
  PNPM_WORKSPACE,
  readPnpmCatalogs,
  resolveCatalog,
} from './pnpmCatalog';

const SECTIONS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/**
 * `package.json`: the four dependency sections. pnpm's `catalog:` and
 * `catalog:<name>` versions are resolved from `pnpm-workspace.yaml` at the
 * repository root, as pnpm does.
 */
export const packageJson: ManifestFormat = {
  ecosystem: 'npm',
  companions: [PNPM_WORKSPACE],
  isManifest: path => baseName(path) === 'package.json',
  parse(text, context) {
    const json: unknown = JSON.parse(text);
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      throw new Error('expected a JSON object');
    }
    const workspace = context?.companions.get(PNPM_WORKSPACE);
    const catalogs =
      workspace === undefined ? undefined : readPnpmCatalogs(workspace);
    const found: DeclaredDependency[] = [];
    for (const section of SECTIONS) {
      for (const [name, version] of Object.entries(
        asRecord((json as Record<string, unknown>)[section]),
      )) {
        const declared: DeclaredDependency = {
          name,
          version: typeof version === 'string' ? version : undefined,
          line: lineOf(text, new RegExp(`"${escapeRegExp(name)}"\\s*:`)),
        };
        if (declared.version?.startsWith('catalog:')) {
          const resolved = resolveCatalog(declared.version, name, catalogs);
          Object.assign(declared, resolved);
        }
        found.push(declared);
      }
    }
    return found;
  },
};
