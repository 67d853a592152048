import fs from 'node:fs';
import path from 'node:path';
import { filesOf } from './repoFiles';
import { RepoSpec } from './repoSpecs';

/**
 * Writes every repository under `root` (emptied first), one directory per
 * repository, and returns how much was written.
 */
export function writeRepos(root: string, specs: RepoSpec[], seed: number) {
  fs.rmSync(root, { recursive: true, force: true });
  let files = 0;
  let bytes = 0;
  const dirs = new Set<string>();
  specs.forEach((spec, index) => {
    for (const [file, content] of Object.entries(
      filesOf(spec, seed * 7919 + index),
    )) {
      const full = path.join(root, spec.name, file);
      const dir = path.dirname(full);
      if (!dirs.has(dir)) {
        fs.mkdirSync(dir, { recursive: true });
        dirs.add(dir);
      }
      fs.writeFileSync(full, content);
      files += 1;
      bytes += Buffer.byteLength(content);
    }
  });
  return { files, bytes };
}
