import { DeclaredDependency, ManifestFormat } from './types';
import { asRecord, baseName, escapeRegExp, lineOf } from './shared';

const SECTIONS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
];

/** `package.json`: the four dependency sections. */
export const packageJson: ManifestFormat = {
  ecosystem: 'npm',
  isManifest: path => baseName(path) === 'package.json',
  parse(text) {
    const json: unknown = JSON.parse(text);
    if (!json || typeof json !== 'object' || Array.isArray(json)) {
      throw new Error('expected a JSON object');
    }
    const found: DeclaredDependency[] = [];
    for (const section of SECTIONS) {
      for (const [name, version] of Object.entries(
        asRecord((json as Record<string, unknown>)[section]),
      )) {
        found.push({
          name,
          version: typeof version === 'string' ? version : undefined,
          line: lineOf(text, new RegExp(`"${escapeRegExp(name)}"\\s*:`)),
        });
      }
    }
    return found;
  },
};
