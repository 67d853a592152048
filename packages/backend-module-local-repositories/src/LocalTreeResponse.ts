import {
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadTreeResponseDirOptions,
  UrlReaderServiceReadTreeResponseFile,
} from '@backstage/backend-plugin-api';
import { ReadTreeResponseFactory } from '@backstage/backend-defaults/urlReader';
import { lazyFileStream, readFileInside } from './paths';
import { TreeEntry } from './walkTree';

/**
 * A tree read from a local directory. Nothing is read until asked for:
 * `files()` hands out lazy `content()` functions, and `archive()`/`dir()`
 * stream each file only when they copy it.
 */
export class LocalTreeResponse implements UrlReaderServiceReadTreeResponse {
  readonly etag: string;
  readonly #root: string;
  readonly #entries: readonly TreeEntry[];
  readonly #treeResponseFactory: ReadTreeResponseFactory;

  constructor(options: {
    etag: string;
    root: string;
    entries: readonly TreeEntry[];
    treeResponseFactory: ReadTreeResponseFactory;
  }) {
    this.etag = options.etag;
    this.#root = options.root;
    this.#entries = options.entries;
    this.#treeResponseFactory = options.treeResponseFactory;
  }

  async files(): Promise<UrlReaderServiceReadTreeResponseFile[]> {
    return this.#entries.map(entry => ({
      path: entry.path,
      lastModifiedAt: new Date(Math.round(entry.mtimeMs)),
      content: () => readFileInside(this.#root, entry.file, entry.path),
    }));
  }

  async archive(): Promise<NodeJS.ReadableStream> {
    return (await this.#streams()).archive();
  }

  async dir(
    options?: UrlReaderServiceReadTreeResponseDirOptions,
  ): Promise<string> {
    return (await this.#streams()).dir(options);
  }

  #streams(): Promise<UrlReaderServiceReadTreeResponse> {
    return this.#treeResponseFactory.fromReadableArray(
      this.#entries.map(entry => ({
        path: entry.path,
        lastModifiedAt: new Date(Math.round(entry.mtimeMs)),
        data: lazyFileStream(this.#root, entry.file, entry.path),
      })),
    );
  }
}
