import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';

/** Whether `target` is `root` or below it; both must be real paths. */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return (
    relative === '' ||
    (relative !== '..' &&
      !relative.startsWith(`..${path.sep}`) &&
      !path.isAbsolute(relative))
  );
}

// A `..` segment, raw or percent-encoded, between any kind of separator.
// The URL parser already folds `..` away, so the raw string is checked too:
// a request that tries to climb is refused rather than quietly rewritten.
const DOT_DOT_SEGMENT = /(?:^|[/\\]|%2f|%5c)(?:\.|%2e){2}(?=$|[/\\]|%2f|%5c)/i;

/**
 * The decoded path segments of a URL, refusing every way of climbing out:
 * `..` (plain or `%2e%2e`), encoded separators (`%2f`, `%5c`) and NUL.
 */
export function urlPathSegments(rawUrl: string, url: URL): string[] {
  const rawPath = rawUrl.split(/[?#]/)[0];
  if (DOT_DOT_SEGMENT.test(rawPath)) {
    throw new NotAllowedError(`${rawUrl} contains a ".." path segment`);
  }
  return url.pathname
    .split('/')
    .filter(segment => segment !== '')
    .map(segment => {
      let decoded: string;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        throw new InputError(`${rawUrl} is not a well-formed URL path`);
      }
      if (decoded === '..' || /[/\\\0]/.test(decoded)) {
        throw new NotAllowedError(
          `${rawUrl} has a path segment that leaves its directory`,
        );
      }
      return decoded;
    })
    .filter(segment => segment !== '.');
}

/** Joins decoded segments onto the root, checking the result stays inside. */
export function joinInside(root: string, segments: string[]): string {
  const joined = path.join(root, ...segments);
  if (!isInside(root, joined)) {
    throw new NotAllowedError(`${segments.join('/')} is outside the root`);
  }
  return joined;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * The real path of `candidate`, which must exist and, with every symlink on
 * the way resolved, stay inside `root`.
 */
export async function realPathInside(
  root: string,
  candidate: string,
  what: string,
  rootName: string = 'the served directory',
): Promise<string> {
  let real: string;
  try {
    real = await fs.promises.realpath(candidate);
  } catch (error) {
    if (isMissing(error)) throw new NotFoundError(`${what} does not exist`);
    throw error;
  }
  if (!isInside(root, real)) {
    throw new NotAllowedError(
      `${what} is a symbolic link that points outside ${rootName}`,
    );
  }
  return real;
}

// Refuses a final-component symlink swapped in after the walk checked it.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0);

async function openInside(root: string, file: string, what: string) {
  const real = await realPathInside(root, file, what);
  return fs.promises.open(real, OPEN_FLAGS);
}

/** Reads a whole file, re-checking at read time that it is inside `root`. */
export async function readFileInside(
  root: string,
  file: string,
  what: string,
): Promise<Buffer> {
  const handle = await openInside(root, file, what);
  try {
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/**
 * A stream of a file that opens it only when first read, so building a list
 * of streams for a whole tree touches no file.
 */
export function lazyFileStream(
  root: string,
  file: string,
  what: string,
): Readable {
  async function* chunks() {
    const handle = await openInside(root, file, what);
    try {
      for await (const chunk of handle.createReadStream({ autoClose: false })) {
        yield chunk as Buffer;
      }
    } finally {
      await handle.close();
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
