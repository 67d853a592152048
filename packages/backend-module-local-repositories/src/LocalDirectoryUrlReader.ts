import {
  LoggerService,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchOptions,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReadTreeResponseFactory,
  ReaderFactory,
} from '@backstage/backend-defaults/urlReader';
import {
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Minimatch } from 'minimatch';
import { readLocalRepositoryRoots } from './config';
import { LocalTreeResponse } from './LocalTreeResponse';
import {
  joinInside,
  lazyFileStream,
  readFileInside,
  realPathInside,
  urlPathSegments,
} from './paths';
import { TreeWalk, treeEtag, walkTree } from './walkTree';

/**
 * Options for {@link LocalDirectoryUrlReader}.
 *
 * @public
 */
export type LocalDirectoryUrlReaderOptions = {
  /** Host name the URLs use, lower case, e.g. `repos.acme.example`. */
  host: string;
  /** The served directory, as a real path (symlinks resolved). */
  root: string;
  treeResponseFactory: ReadTreeResponseFactory;
  logger?: LoggerService;
};

const GLOB_CHARACTERS = /[*?[\]{}]/;

function fileEtag(stats: fs.Stats): string {
  return createHash('sha256')
    .update(`${stats.size}\0${stats.mtimeMs}`)
    .digest('hex');
}

/**
 * Serves a local directory through Backstage's UrlReader:
 * `https://<host>/<path>` is read from `<root>/<path>`, each folder below
 * the root being one repository. Nothing outside the repository a URL names
 * is ever read: `..` in any spelling is refused, and symlinks are followed
 * only when their target is inside that repository.
 *
 * @public
 */
export class LocalDirectoryUrlReader implements UrlReaderService {
  /**
   * One reader per entry of `localRepositories`, each handling
   * only its own host.
   */
  static factory: ReaderFactory = ({ config, logger, treeResponseFactory }) =>
    readLocalRepositoryRoots(config).map(({ host, root }) => {
      logger.info(`Serving https://${host}/ from ${root}`);
      const reader = new LocalDirectoryUrlReader({
        host,
        root,
        treeResponseFactory,
        logger,
      });
      return {
        reader,
        predicate: (url: URL) =>
          url.host === host &&
          (url.protocol === 'https:' || url.protocol === 'http:'),
      };
    });

  readonly #options: LocalDirectoryUrlReaderOptions;

  constructor(options: LocalDirectoryUrlReaderOptions) {
    this.#options = options;
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    options?.signal?.throwIfAborted();
    const { repo, real } = await this.#resolve(url, new URL(url));
    const stats = await fs.promises.stat(real);
    if (!stats.isFile()) {
      throw new NotFoundError(`${url} is a directory, not a file`);
    }
    const etag = fileEtag(stats);
    if (
      options?.etag === etag ||
      (options?.lastModifiedAfter && stats.mtime <= options.lastModifiedAfter)
    ) {
      throw new NotModifiedError();
    }
    return {
      buffer: () => readFileInside(repo, real, url),
      stream: () => lazyFileStream(repo, real, url),
      etag,
      lastModifiedAt: new Date(Math.round(stats.mtimeMs)),
    };
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const walk = await this.#walk(url, new URL(url), options?.signal);
    const etag = treeEtag(walk.entries);
    if (options?.etag === etag) throw new NotModifiedError();
    const filter = options?.filter;
    return new LocalTreeResponse({
      etag,
      root: walk.repo,
      treeResponseFactory: this.#options.treeResponseFactory,
      entries: filter
        ? walk.entries.filter(entry => filter(entry.path, { size: entry.size }))
        : walk.entries,
    });
  }

  /**
   * A URL without glob characters returns that one file, or nothing. A glob
   * (`*`, `?`, `[...]`, `{a,b}`) in the path is matched with minimatch
   * against the files below its last plain directory.
   */
  async search(
    url: string,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    const parsed = new URL(url);
    const segments = urlPathSegments(url, parsed);
    const globAt = segments.findIndex(s => GLOB_CHARACTERS.test(s));
    try {
      if (globAt < 0) {
        const file = await this.readUrl(url, options);
        const { lastModifiedAt } = file;
        return {
          files: [{ url, content: () => file.buffer(), lastModifiedAt }],
          etag: file.etag ?? '',
        };
      }
      return await this.#glob(parsed, segments, globAt, options);
    } catch (error) {
      if (error instanceof NotFoundError) return { files: [], etag: '' };
      throw error;
    }
  }

  toString() {
    return `localDirectory{host=${this.#options.host}}`;
  }

  async #glob(
    url: URL,
    segments: string[],
    globAt: number,
    options?: UrlReaderServiceSearchOptions,
  ): Promise<UrlReaderServiceSearchResponse> {
    const base = segments.slice(0, globAt);
    const baseUrl = this.#urlFor(url, base, true);
    const walk = await this.#walk(baseUrl, new URL(baseUrl), options?.signal);
    const etag = treeEtag(walk.entries);
    if (options?.etag === etag) throw new NotModifiedError();
    const matcher = new Minimatch(segments.slice(globAt).join('/'), {
      dot: true,
      nonegate: true,
      nocomment: true,
    });
    const files = walk.entries
      .filter(entry => matcher.match(entry.path))
      .map(entry => ({
        url: this.#urlFor(url, [...base, ...entry.path.split('/')], false),
        content: () => readFileInside(walk.repo, entry.file, entry.path),
        lastModifiedAt: new Date(Math.round(entry.mtimeMs)),
      }));
    return { files, etag };
  }

  async #walk(
    rawUrl: string,
    url: URL,
    signal?: AbortSignal,
  ): Promise<TreeWalk & { repo: string }> {
    signal?.throwIfAborted();
    const { repo, real } = await this.#resolve(rawUrl, url);
    if (!(await fs.promises.stat(real)).isDirectory()) {
      throw new NotFoundError(`${rawUrl} is a file, not a directory`);
    }
    const walk = await walkTree({
      root: repo,
      dir: real,
      name: rawUrl,
      signal,
    });
    if (walk.skipped.length) {
      this.#options.logger?.warn(
        `Did not follow ${
          walk.skipped.length
        } symbolic link(s) under ${rawUrl} that point outside their repository, nowhere, or to a folder listed already: ${walk.skipped.join(
          ', ',
        )}`,
      );
    }
    return { ...walk, repo };
  }

  /**
   * The real path a URL names, after every containment check, and the real
   * path of its repository: the first folder below the root (the root
   * itself for the root URL). Links are followed only within it, so one
   * repository's link cannot put another's files into a read.
   */
  async #resolve(
    rawUrl: string,
    url: URL,
  ): Promise<{ repo: string; real: string }> {
    if (url.host !== this.#options.host) {
      throw new NotAllowedError(
        `${rawUrl} is not served by the local reader for ${this.#options.host}`,
      );
    }
    const { root } = this.#options;
    const segments = urlPathSegments(rawUrl, url);
    const repo = segments.length
      ? await realPathInside(
          root,
          joinInside(root, segments.slice(0, 1)),
          rawUrl,
        )
      : root;
    const candidate = joinInside(root, segments);
    const real = await realPathInside(
      repo,
      candidate,
      rawUrl,
      'its repository',
    );
    return { repo, real };
  }

  #urlFor(url: URL, segments: string[], directory: boolean): string {
    const encoded = segments.map(encodeURIComponent).join('/');
    const slash = directory && encoded ? '/' : '';
    return `${url.protocol}//${url.host}/${encoded}${slash}`;
  }
}
