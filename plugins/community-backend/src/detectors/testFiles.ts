import { RepositoryFiles } from '@copkit/plugin-community-node';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Options for the test helpers that build {@link RepositoryFiles}. */
export type TestFilesOptions = {
  /** Files over this many bytes read as `undefined`. Default 1 MiB. */
  maxFileBytes?: number;
  location?: string;
};

const DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

/**
 * Repository files held in memory, for tests: `{ 'src/a.ts': '...' }`.
 * Like the scanner's reader, files over `maxFileBytes` read as `undefined`.
 */
export function repositoryFilesFromRecord(
  files: Record<string, string | Buffer>,
  options: TestFilesOptions = {},
): RepositoryFiles {
  const contents = new Map(
    Object.entries(files).map(([p, c]) => [p, Buffer.from(c)] as const),
  );
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  return {
    location: options.location ?? 'memory:test',
    paths: [...contents.keys()].sort(),
    maxFileBytes,
    size: p => contents.get(p)?.length,
    read: async p => {
      const content = contents.get(p);
      if (!content) throw new Error(`no such file: ${p}`);
      return content.length > maxFileBytes ? undefined : content;
    },
  };
}

async function walk(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), {
    withFileTypes: true,
  });
  const paths = await Promise.all(
    entries.map(async entry => {
      const relative = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return walk(root, relative);
      return entry.isFile() ? [relative] : [];
    }),
  );
  return paths.flat();
}

/**
 * Repository files read from a directory on disk, for tests. Sizes come from
 * `stat`, so over-cap files are never read, as with the scanner's reader.
 */
export async function repositoryFilesFromDirectory(
  root: string,
  options: TestFilesOptions = {},
): Promise<RepositoryFiles> {
  const paths = (await walk(root)).sort();
  const sizes = new Map<string, number>();
  for (const p of paths) {
    sizes.set(p, (await fs.stat(path.join(root, p))).size);
  }
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  return {
    location: options.location ?? `file:${root}`,
    paths,
    maxFileBytes,
    size: p => sizes.get(p),
    read: async p => {
      const size = sizes.get(p);
      if (size === undefined) throw new Error(`no such file: ${p}`);
      return size > maxFileBytes ? undefined : fs.readFile(path.join(root, p));
    },
  };
}
