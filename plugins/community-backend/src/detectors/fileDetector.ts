import {
  DetectorOutcome,
  PatternDetector,
  RepositoryFiles,
} from '@copkit/plugin-community-node';
import { Minimatch } from 'minimatch';
import { setImmediate } from 'node:timers/promises';
import { NoteList, overCapNote } from './notes';
import { containsPool, containsTimeoutNote, firstMatchingLine } from './regex';
import { decodeText, evidenceText, isBinary } from './text';

/** The value of a `file` rule. */
export type FileRule = { path: string; contains?: string };

const globs = new Map<string, Minimatch>();

/**
 * The glob is matched against whole repository-relative paths: `Dockerfile`
 * matches only at the root, `**\/Dockerfile` at any depth. Dot files and
 * dot folders are included; `!` and `#` have no special meaning; a leading
 * `./` is ignored; braces (`*.{ts,tsx}`) expand.
 */
function compileGlob(glob: string): Minimatch {
  let matcher = globs.get(glob);
  if (!matcher) {
    matcher = new Minimatch(glob.replace(/^(\.\/)+/, ''), {
      dot: true,
      matchBase: false,
      nonegate: true,
      nocomment: true,
    });
    if (globs.size >= 500) globs.delete(globs.keys().next().value as string);
    globs.set(glob, matcher);
  }
  return matcher;
}

/** The repository's paths that match the glob, in sorted order. */
export function matchingPaths(files: RepositoryFiles, glob: string): string[] {
  const matcher = compileGlob(glob);
  return files.paths.filter(p => matcher.match(p)).sort();
}

async function searchContents(
  files: RepositoryFiles,
  paths: string[],
  contains: string,
  signal?: AbortSignal,
): Promise<DetectorOutcome> {
  const notes = new NoteList();
  for (const path of paths) {
    // A glob can select thousands of files: let other work run between them.
    await setImmediate();
    signal?.throwIfAborted();
    const content = await files.read(path);
    if (content === undefined) {
      notes.add(overCapNote(path, files.size(path), files.maxFileBytes));
      continue;
    }
    if (isBinary(content)) {
      notes.add(`skipped ${path}: it is a binary file`);
      continue;
    }
    const hit = await firstMatchingLine(contains, decodeText(content), signal);
    if (hit.kind === 'timeout') {
      notes.add(containsTimeoutNote(path, containsPool.timeoutMs));
    } else if (hit.kind === 'match') {
      const evidence = {
        path,
        line: hit.lineNumber,
        text: evidenceText(hit.line),
      };
      return { matched: true, evidence, ...notes.field() };
    }
  }
  return { matched: false, ...notes.field() };
}

/**
 * `file`: a file matching the glob exists; with `contains`, one whose text
 * matches the regex (RE2 syntax, `^`/`$` per line). Files are tried in
 * path order; over-cap and binary files are skipped with a note, and so is
 * a file the regex cannot judge within its deadline.
 */
export const fileDetector: PatternDetector<FileRule> = {
  shape: 'file',
  needs: 'repository',
  describe: ({ path, contains }) =>
    contains === undefined
      ? `file: ${path}`
      : `file: ${path} contains "${contains}"`,
  async detect({ rule, files, signal }) {
    if (!files) throw new Error('the file detector needs repository files');
    const paths = matchingPaths(files, rule.path);
    if (paths.length === 0) return { matched: false };
    if (rule.contains === undefined) {
      return { matched: true, evidence: { path: paths[0] } };
    }
    return searchContents(files, paths, rule.contains, signal);
  },
};
