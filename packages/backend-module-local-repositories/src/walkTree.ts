import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isInside } from './paths';

/** A file found by {@link walkTree}. */
export type TreeEntry = {
  /** Relative to the walked directory, `/`-separated. */
  path: string;
  /** The file's real path (symlinks resolved). */
  file: string;
  size: number;
  mtimeMs: number;
};

/** What {@link walkTree} found. */
export type TreeWalk = {
  /** Regular files, sorted by path. */
  entries: TreeEntry[];
  /**
   * Symbolic links that were not followed: pointing outside the root,
   * dangling, or looping back to a directory being walked.
   */
  skipped: string[];
};

type WalkState = TreeWalk & { root: string; signal?: AbortSignal };

type Found =
  | { kind: 'file'; entry: TreeEntry }
  | { kind: 'dir'; real: string; rel: string }
  | { kind: 'skip'; rel: string }
  | undefined;

// Within one directory the walk uses synchronous stat calls: a promise per
// file costs several times the stat itself, and a directory's worth of
// stats blocks the event loop for well under a millisecond. The walk still
// yields between directories (readdir is asynchronous).
function realpathOrUndefined(file: string): string | undefined {
  try {
    return fs.realpathSync(file);
  } catch {
    return undefined;
  }
}

function inspect(
  state: WalkState,
  dir: string,
  rel: string,
  dirent: fs.Dirent,
): Found {
  let real = path.join(dir, dirent.name);
  if (dirent.isSymbolicLink()) {
    const target = realpathOrUndefined(real);
    if (!target || !isInside(state.root, target)) return { kind: 'skip', rel };
    real = target;
  } else if (!dirent.isFile() && !dirent.isDirectory()) {
    return undefined; // sockets, FIFOs, devices
  }
  let stats: fs.Stats;
  try {
    stats = fs.statSync(real);
  } catch {
    return undefined; // removed while the walk was under way
  }
  if (stats.isDirectory()) return { kind: 'dir', real, rel };
  if (!stats.isFile()) return undefined;
  return {
    kind: 'file',
    entry: { path: rel, file: real, size: stats.size, mtimeMs: stats.mtimeMs },
  };
}

async function walkDir(
  state: WalkState,
  dir: string,
  relDir: string,
  ancestors: string[],
): Promise<void> {
  state.signal?.throwIfAborted();
  const dirents = await fs.promises.readdir(dir, { withFileTypes: true });
  const found = dirents
    .filter(dirent => dirent.name !== '.git')
    .map(dirent =>
      inspect(
        state,
        dir,
        relDir ? `${relDir}/${dirent.name}` : dirent.name,
        dirent,
      ),
    );
  for (const item of found) {
    if (item?.kind === 'file') state.entries.push(item.entry);
    if (item?.kind === 'skip') state.skipped.push(item.rel);
    if (item?.kind === 'dir') {
      if (ancestors.includes(item.real)) {
        state.skipped.push(item.rel); // a link back up would never end
      } else {
        await walkDir(state, item.real, item.rel, [...ancestors, item.real]);
      }
    }
  }
}

/**
 * Lists the regular files under `dir` (a real path inside `root`) without
 * reading any of them. `.git` is left out. Symlinks are followed only when
 * their target is inside `root`.
 */
export async function walkTree(options: {
  root: string;
  dir: string;
  signal?: AbortSignal;
}): Promise<TreeWalk> {
  const state: WalkState = {
    root: options.root,
    signal: options.signal,
    entries: [],
    skipped: [],
  };
  await walkDir(state, options.dir, '', [options.dir]);
  const byPath = (a: { path: string }, b: { path: string }) =>
    a.path < b.path ? -1 : Number(a.path > b.path);
  state.entries.sort(byPath);
  state.skipped.sort();
  return { entries: state.entries, skipped: state.skipped };
}

/**
 * A tree's ETag from its listing alone (path, size, modification time), so
 * an unchanged tree is recognised without reading a single file.
 */
export function treeEtag(entries: readonly TreeEntry[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) {
    hash.update(`${entry.path}\0${entry.size}\0${entry.mtimeMs}\n`);
  }
  return hash.digest('hex');
}
