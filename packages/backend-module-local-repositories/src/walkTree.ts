import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NotAllowedError } from '@backstage/errors';
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
   * dangling, or to a directory the walk lists already.
   */
  skipped: string[];
};

/**
 * The most directory entries (files, folders, links) one walk looks at,
 * unless told otherwise: a demo repository has hundreds.
 */
export const MAX_TREE_ENTRIES = 100_000;

type Dir = { real: string; rel: string };

type WalkState = TreeWalk & {
  root: string;
  /** How messages name the tree, e.g. its URL. */
  name: string;
  signal?: AbortSignal;
  maxEntries: number;
  /** Real paths of the directories listed or queued, each walked once. */
  visited: Set<string>;
  /** Directories reached through a link, followed once the rest is done. */
  linked: Dir[];
  counted: number;
};

type Found =
  | { kind: 'file'; entry: TreeEntry }
  | { kind: 'dir'; dir: Dir; viaLink: boolean }
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
  const viaLink = dirent.isSymbolicLink();
  if (viaLink) {
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
  if (stats.isDirectory()) return { kind: 'dir', dir: { real, rel }, viaLink };
  if (!stats.isFile()) return undefined;
  return {
    kind: 'file',
    entry: { path: rel, file: real, size: stats.size, mtimeMs: stats.mtimeMs },
  };
}

function count(state: WalkState) {
  state.counted += 1;
  if (state.counted > state.maxEntries) {
    throw new NotAllowedError(
      `${state.name} has more than ${state.maxEntries} entries (files, folders and links); the local reader reads at most ${state.maxEntries} per tree`,
    );
  }
}

/** Lists one directory; returns its subdirectories that are no links. */
async function listDir(state: WalkState, { real, rel }: Dir): Promise<Dir[]> {
  state.signal?.throwIfAborted();
  const dirents = await fs.promises.readdir(real, { withFileTypes: true });
  const subdirs: Dir[] = [];
  for (const dirent of dirents) {
    if (dirent.name === '.git') continue;
    count(state);
    const item = inspect(
      state,
      real,
      rel ? `${rel}/${dirent.name}` : dirent.name,
      dirent,
    );
    if (item?.kind === 'skip') state.skipped.push(item.rel);
    if (item?.kind === 'file') state.entries.push(item.entry);
    if (item?.kind === 'dir') {
      if (item.viaLink) state.linked.push(item.dir);
      else subdirs.push(item.dir);
    }
  }
  return subdirs;
}

/** Walks the directories below `start` that are reached without links. */
async function walkPlain(state: WalkState, start: Dir): Promise<void> {
  const pending = [start];
  while (pending.length) {
    const dir = pending.pop()!;
    state.visited.add(dir.real);
    pending.push(...(await listDir(state, dir)));
  }
}

/**
 * Lists the regular files under `dir` (a real path inside `root`) without
 * reading any of them. `.git` is left out. Symlinks are followed only when
 * their target is inside `root`, and each directory is listed once, under
 * its own path where it has one: a link to a directory listed already is
 * skipped, so links between folders cannot multiply the tree. More than
 * `maxEntries` directory entries fail the walk.
 */
export async function walkTree(options: {
  root: string;
  dir: string;
  /** How an error names the tree; the directory by default. */
  name?: string;
  signal?: AbortSignal;
  maxEntries?: number;
}): Promise<TreeWalk> {
  const state: WalkState = {
    root: options.root,
    name: options.name ?? options.dir,
    signal: options.signal,
    maxEntries: options.maxEntries ?? MAX_TREE_ENTRIES,
    visited: new Set(),
    linked: [],
    counted: 0,
    entries: [],
    skipped: [],
  };
  await walkPlain(state, { real: options.dir, rel: '' });
  // Links last, in path order, so that the result does not depend on the
  // order readdir returns and a folder is listed where it really is.
  while (state.linked.length) {
    const links = state.linked.sort(byPath(l => l.rel));
    state.linked = [];
    for (const link of links) {
      if (state.visited.has(link.real)) state.skipped.push(link.rel);
      else await walkPlain(state, link);
    }
  }
  state.entries.sort(byPath(e => e.path));
  state.skipped.sort();
  return { entries: state.entries, skipped: state.skipped };
}

function byPath<T>(key: (item: T) => string) {
  return (a: T, b: T) => (key(a) < key(b) ? -1 : Number(key(a) > key(b)));
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
