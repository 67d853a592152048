import {
  UrlReaderService,
  UrlReaderServiceReadTreeResponseFile,
} from '@backstage/backend-plugin-api';
import { NotModifiedError, isError } from '@backstage/errors';
import { RepositoryFiles } from '@copkit/plugin-community-node';

/** The outcome of reading one repository for a scan. */
export type RepositoryRead =
  | { kind: 'read'; files: RepositoryFiles; etag: string }
  | { kind: 'unchanged' }
  | { kind: 'failed'; reason: string };

class TreeFiles implements RepositoryFiles {
  readonly paths: readonly string[];
  readonly #byPath: Map<string, UrlReaderServiceReadTreeResponseFile>;
  readonly #cache = new Map<string, Promise<Buffer | undefined>>();

  constructor(
    readonly location: string,
    files: UrlReaderServiceReadTreeResponseFile[],
    readonly maxFileBytes: number,
    private readonly sizes: Map<string, number>,
  ) {
    this.#byPath = new Map(files.map(f => [f.path, f]));
    this.paths = [...this.#byPath.keys()].sort();
  }

  size(path: string): number | undefined {
    return this.sizes.get(path);
  }

  read(path: string): Promise<Buffer | undefined> {
    let content = this.#cache.get(path);
    if (!content) {
      content = this.#load(path);
      this.#cache.set(path, content);
    }
    return content;
  }

  async #load(path: string): Promise<Buffer | undefined> {
    const file = this.#byPath.get(path);
    const size = this.sizes.get(path);
    if (!file || (size !== undefined && size > this.maxFileBytes)) {
      return undefined;
    }
    const content = await file.content();
    if (content.length > this.maxFileBytes) {
      this.sizes.set(path, content.length);
      return undefined;
    }
    return content;
  }
}

/** Why a repository could not be read, in words for the result's reason. */
function failureReason(location: string, error: unknown): string {
  if (!isError(error)) return `could not read repository ${location}`;
  switch (error.name) {
    case 'NotFoundError':
      return `repository not found: ${location}`;
    case 'NotAllowedError':
      return `repository not readable by the backend: ${location} (${error.message})`;
    default:
      if (/rate limit/i.test(error.message)) {
        return `rate limited reading ${location}; retried next scan`;
      }
      return `could not read repository ${location}: ${error.message}`;
  }
}

/**
 * Reads a repository's tree once. With `etag`, an unchanged repository is
 * reported as such without downloading it.
 */
export async function readRepository(
  reader: UrlReaderService,
  location: string,
  options: { etag?: string; maxFileBytes: number; signal?: AbortSignal },
): Promise<RepositoryRead> {
  const sizes = new Map<string, number>();
  try {
    const tree = await reader.readTree(location, {
      etag: options.etag,
      signal: options.signal,
      filter: (path, info) => {
        if (info) sizes.set(path, info.size);
        return true;
      },
    });
    const files = await tree.files();
    return {
      kind: 'read',
      etag: tree.etag,
      files: new TreeFiles(location, files, options.maxFileBytes, sizes),
    };
  } catch (error) {
    if (
      error instanceof NotModifiedError ||
      (isError(error) && error.name === 'NotModifiedError')
    ) {
      return { kind: 'unchanged' };
    }
    if (options.signal?.aborted) throw error;
    return { kind: 'failed', reason: failureReason(location, error) };
  }
}
