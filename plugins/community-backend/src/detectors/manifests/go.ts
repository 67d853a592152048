import { findLine } from '../text';
import { DeclaredDependency, ManifestFormat } from './types';
import { baseName } from './shared';

/** `module/path v1.2.3`, the path possibly quoted. */
function requirement(spec: string, lineNumber: number): DeclaredDependency {
  const parts = spec.split(/\s+/);
  if (parts.length !== 2) {
    throw new Error(
      `line ${lineNumber}: expected "module version", got "${spec}"`,
    );
  }
  const name = parts[0].replace(/^"(.*)"$/, '$1');
  return { name, version: parts[1], line: lineNumber };
}

/**
 * `go.mod`: `require` lines and blocks. Requirements marked `// indirect`
 * are left out: the module does not import them itself.
 */
export const goMod: ManifestFormat = {
  ecosystem: 'go',
  isManifest: path => baseName(path) === 'go.mod',
  parse(text) {
    const found: DeclaredDependency[] = [];
    let block: string | undefined;
    let blockStart = 0;
    findLine(text, (raw, lineNumber) => {
      const indirect = /\/\/\s*indirect\b/.test(raw);
      const line = raw.replace(/\/\/.*$/, '').trim();
      if (block) {
        if (line === ')') block = undefined;
        else if (line && block === 'require' && !indirect) {
          found.push(requirement(line, lineNumber));
        }
        return false;
      }
      const opening = /^(\w+)\s*\($/.exec(line);
      if (opening) {
        block = opening[1];
        blockStart = lineNumber;
      } else if (/^require\s/.test(line) && !indirect) {
        found.push(
          requirement(line.slice('require'.length).trim(), lineNumber),
        );
      }
      return false;
    });
    if (block) {
      throw new Error(
        `the ${block} block opened on line ${blockStart} is not closed`,
      );
    }
    return found;
  },
};
