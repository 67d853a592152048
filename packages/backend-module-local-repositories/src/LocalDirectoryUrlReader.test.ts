import { UrlReaderService } from '@backstage/backend-plugin-api';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import fs from 'node:fs';
import path from 'node:path';
import { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';

const HOST = 'repos.acme.example';
const base = `https://${HOST}`;

const mockDir = createMockDirectory();
const root = () => fs.realpathSync(mockDir.resolve('root'));

function createReader(rootSetting: string = mockDir.resolve('root')) {
  return UrlReaders.create({
    config: mockServices.rootConfig({
      data: {
        localRepositories: [{ host: HOST, root: rootSetting }],
      },
    }),
    logger: mockServices.logger.mock(),
    factories: [LocalDirectoryUrlReader.factory],
  });
}

/** Spies on every way the reader could open a file body. */
function spyOnBodyReads() {
  const spies = [
    jest.spyOn(fs.promises, 'open'),
    jest.spyOn(fs.promises, 'readFile'),
    jest.spyOn(fs, 'createReadStream'),
    jest.spyOn(fs, 'readFileSync'),
  ];
  return {
    calls: () => spies.reduce((n, spy) => n + spy.mock.calls.length, 0),
    restore: () => spies.forEach(spy => spy.mockRestore()),
  };
}

async function contentsOf(reader: UrlReaderService, url: string) {
  const tree = await reader.readTree(url);
  const files = await tree.files();
  return Object.fromEntries(
    await Promise.all(
      files.map(async f => [f.path, (await f.content()).toString()]),
    ),
  );
}

describe('LocalDirectoryUrlReader', () => {
  let reader: UrlReaderService;

  beforeEach(() => {
    mockDir.setContent({
      root: {
        'svc/package.json': '{"name":"svc"}',
        'svc/src/index.ts': 'export {};\n',
        'svc/.git/HEAD': 'ref: refs/heads/main\n',
        'svc/.github/workflows/ci.yml': 'on: push\n',
        'other/README.md': '# other\n',
      },
      outside: { 'secret.txt': 'top secret' },
    });
    reader = createReader();
  });

  afterEach(() => jest.restoreAllMocks());

  describe('readTree', () => {
    it('lists every file below the URL, sorted, without .git', async () => {
      const tree = await reader.readTree(`${base}/svc/`);
      const files = await tree.files();
      expect(files.map(f => f.path)).toEqual([
        '.github/workflows/ci.yml',
        'package.json',
        'src/index.ts',
      ]);
      expect(await files[1].content()).toEqual(Buffer.from('{"name":"svc"}'));
      expect(files[1].lastModifiedAt).toEqual(
        fs.statSync(mockDir.resolve('root/svc/package.json')).mtime,
      );
      expect(tree.etag).toMatch(/^[0-9a-f]{64}$/);
    });

    it('reads the same tree with or without a trailing slash', async () => {
      const a = await reader.readTree(`${base}/svc`);
      const b = await reader.readTree(`${base}/svc/`);
      expect(a.etag).toBe(b.etag);
    });

    it('passes each file size to the filter and keeps what it accepts', async () => {
      const filter = jest.fn((p: string) => p.endsWith('.json'));
      const tree = await reader.readTree(`${base}/svc/`, { filter });
      expect(filter).toHaveBeenCalledWith('package.json', { size: 14 });
      expect(filter).toHaveBeenCalledWith('src/index.ts', { size: 11 });
      expect((await tree.files()).map(f => f.path)).toEqual(['package.json']);
      expect(tree.etag).toBe((await reader.readTree(`${base}/svc/`)).etag);
    });

    it('throws NotModifiedError for an unchanged tree without reading a file body', async () => {
      const { etag } = await reader.readTree(`${base}/svc/`);
      const spies = spyOnBodyReads();
      await expect(
        reader.readTree(`${base}/svc/`, { etag }),
      ).rejects.toMatchObject({ name: 'NotModifiedError' });
      expect(spies.calls()).toBe(0);
    });

    it('reads a body only when its content() is called', async () => {
      const spies = spyOnBodyReads();
      const files = await (await reader.readTree(`${base}/svc/`)).files();
      expect(spies.calls()).toBe(0);
      await files[2].content();
      expect(jest.mocked(fs.promises.open)).toHaveBeenCalledTimes(1);
      expect(jest.mocked(fs.promises.open).mock.calls[0][0]).toBe(
        path.join(root(), 'svc/src/index.ts'),
      );
    });

    it('changes the ETag when a file changes, appears or disappears', async () => {
      const etag = async () => (await reader.readTree(`${base}/svc/`)).etag;
      const first = await etag();
      const file = mockDir.resolve('root/svc/src/index.ts');

      fs.writeFileSync(file, 'export const x = 1;\n');
      const resized = await etag();
      expect(resized).not.toBe(first);

      // Same size, new modification time: still a change.
      fs.utimesSync(file, new Date('2030-01-01'), new Date('2030-01-01'));
      const touched = await etag();
      expect(touched).not.toBe(resized);

      fs.writeFileSync(mockDir.resolve('root/svc/new.txt'), 'new');
      const added = await etag();
      expect(added).not.toBe(touched);

      fs.rmSync(mockDir.resolve('root/svc/new.txt'));
      expect(await etag()).toBe(touched);
      await expect(
        reader.readTree(`${base}/svc/`, { etag: first }),
      ).resolves.toBeDefined();
    });

    it('writes the tree to a directory with dir()', async () => {
      const target = mockDir.resolve('extracted');
      fs.mkdirSync(target);
      const tree = await reader.readTree(`${base}/svc/`);
      await tree.dir({ targetDir: target });
      expect(mockDir.content({ path: 'extracted' })).toEqual({
        '.github': { workflows: { 'ci.yml': 'on: push\n' } },
        'package.json': '{"name":"svc"}',
        src: { 'index.ts': 'export {};\n' },
      });
    });

    it('throws NotFoundError for a missing path or a file', async () => {
      await expect(reader.readTree(`${base}/nope/`)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
      await expect(
        reader.readTree(`${base}/svc/package.json`),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });
  });

  describe('readUrl', () => {
    it('reads one file with an ETag and honours it', async () => {
      const response = await reader.readUrl(`${base}/svc/package.json`);
      expect((await response.buffer()).toString()).toBe('{"name":"svc"}');
      expect(response.lastModifiedAt).toBeInstanceOf(Date);

      const spies = spyOnBodyReads();
      await expect(
        reader.readUrl(`${base}/svc/package.json`, { etag: response.etag }),
      ).rejects.toMatchObject({ name: 'NotModifiedError' });
      await expect(
        reader.readUrl(`${base}/svc/package.json`, {
          lastModifiedAfter: new Date(Date.now() + 60_000),
        }),
      ).rejects.toMatchObject({ name: 'NotModifiedError' });
      expect(spies.calls()).toBe(0);
    });

    it('streams a file', async () => {
      const response = await reader.readUrl(`${base}/other/README.md`);
      const chunks: Buffer[] = [];
      for await (const chunk of response.stream!()) chunks.push(chunk);
      expect(Buffer.concat(chunks).toString()).toBe('# other\n');
    });

    it('throws NotFoundError for a missing file or a directory', async () => {
      await expect(
        reader.readUrl(`${base}/svc/missing.json`),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      await expect(reader.readUrl(`${base}/svc/`)).rejects.toMatchObject({
        name: 'NotFoundError',
      });
    });
  });

  describe('staying inside the root', () => {
    it.each([
      ['plain ..', '/svc/../../outside/secret.txt'],
      ['.. at the start', '/../outside/secret.txt'],
      ['encoded %2e%2e', '/svc/%2e%2e/%2E%2e/outside/secret.txt'],
      ['half-encoded .%2e', '/.%2e/outside/secret.txt'],
      ['encoded slashes', '/svc%2f..%2f..%2foutside%2fsecret.txt'],
      ['backslashes', '/svc\\..\\..\\outside\\secret.txt'],
      ['encoded backslashes', '/svc%5c..%5c..%5coutside%5csecret.txt'],
      ['an encoded absolute path', '/%2Fetc%2Fpasswd'],
    ])('refuses %s', async (_, urlPath) => {
      const url = `${base}${urlPath}`;
      await expect(reader.readUrl(url)).rejects.toMatchObject({
        name: 'NotAllowedError',
      });
      await expect(reader.readTree(url)).rejects.toMatchObject({
        name: 'NotAllowedError',
      });
      await expect(reader.search(url)).rejects.toMatchObject({
        name: 'NotAllowedError',
      });
    });

    it('reads a doubled leading slash inside the root, not from /', async () => {
      await expect(reader.readUrl(`${base}//etc/passwd`)).rejects.toMatchObject(
        { name: 'NotFoundError' },
      );
      const readme = await reader.readUrl(`${base}//other//README.md`);
      expect((await readme.buffer()).toString()).toBe('# other\n');
    });

    it('only handles the configured host', async () => {
      await expect(
        reader.readUrl(`https://elsewhere.example/svc/package.json`),
      ).rejects.toThrow(/not allowed/);
      const none = UrlReaders.create({
        config: mockServices.rootConfig(),
        logger: mockServices.logger.mock(),
        factories: [LocalDirectoryUrlReader.factory],
      });
      await expect(
        none.readUrl(`${base}/svc/package.json`),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });
  });

  describe('symbolic links', () => {
    beforeEach(() => {
      const secret = mockDir.resolve('outside/secret.txt');
      mockDir.addContent({
        root: {
          'svc/leak.txt': ({ symlink }) => symlink(secret),
          'svc/leak-dir': ({ symlink }) => symlink(mockDir.resolve('outside')),
          'svc/shared.md': ({ symlink }) => symlink('../other/README.md'),
          'svc/other-repo': ({ symlink }) => symlink('../other'),
          'svc/package-link.json': ({ symlink }) => symlink('./package.json'),
          'svc/loop': ({ symlink }) => symlink('.'),
          'svc/dangling': ({ symlink }) => symlink('./does-not-exist'),
          'escape-repo': ({ symlink }) => symlink(mockDir.resolve('outside')),
        },
      });
    });

    it('skips links that leave the repository, dangle or loop, and follows the rest', async () => {
      expect(await contentsOf(reader, `${base}/svc/`)).toEqual({
        '.github/workflows/ci.yml': 'on: push\n',
        'package-link.json': '{"name":"svc"}',
        'package.json': '{"name":"svc"}',
        'src/index.ts': 'export {};\n',
      });
    });

    it('refuses URLs that are, or go through, a link out of the root', async () => {
      for (const url of [
        `${base}/svc/leak.txt`,
        `${base}/svc/leak-dir/secret.txt`,
        `${base}/escape-repo/secret.txt`,
        `${base}/svc/shared.md`,
        `${base}/svc/other-repo/README.md`,
      ]) {
        await expect(reader.readUrl(url)).rejects.toMatchObject({
          name: 'NotAllowedError',
        });
      }
      await expect(
        reader.readTree(`${base}/escape-repo/`),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        reader.search(`${base}/escape-repo/*.txt`),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
    });

    it('reads a URL through a link that stays inside its repository', async () => {
      const response = await reader.readUrl(`${base}/svc/package-link.json`);
      expect((await response.buffer()).toString()).toBe('{"name":"svc"}');
    });

    it('re-checks at read time, so a file swapped for a link is refused', async () => {
      const files = await (await reader.readTree(`${base}/svc/`)).files();
      const pkg = files.find(f => f.path === 'package.json')!;
      const file = mockDir.resolve('root/svc/package.json');
      fs.rmSync(file);
      fs.symlinkSync(mockDir.resolve('outside/secret.txt'), file);
      await expect(pkg.content()).rejects.toMatchObject({
        name: 'NotAllowedError',
      });
    });
  });

  describe('search', () => {
    it('returns the one file a plain URL names, or nothing', async () => {
      const found = await reader.search(`${base}/svc/package.json`);
      expect(found.files.map(f => f.url)).toEqual([`${base}/svc/package.json`]);
      expect((await found.files[0].content()).toString()).toBe(
        '{"name":"svc"}',
      );
      expect(await reader.search(`${base}/svc/nope.json`)).toEqual({
        files: [],
        etag: '',
      });
    });

    it('matches globs below the last plain directory', async () => {
      const found = await reader.search(`${base}/*/**/*.{md,json}`);
      expect(found.files.map(f => f.url)).toEqual([
        `${base}/other/README.md`,
        `${base}/svc/package.json`,
      ]);
      await expect(
        reader.search(`${base}/*/**/*.{md,json}`, { etag: found.etag }),
      ).rejects.toMatchObject({ name: 'NotModifiedError' });
      expect((await reader.search(`${base}/nope/*.md`)).files).toEqual([]);
    });
  });

  describe('configuration', () => {
    it('resolves a relative root against the working directory', async () => {
      const relative = createReader(
        path.relative(process.cwd(), mockDir.resolve('root')),
      );
      const readme = await relative.readUrl(`${base}/other/README.md`);
      expect((await readme.buffer()).toString()).toBe('# other\n');
    });

    it('names the config key when the root is missing', () => {
      expect(() => createReader(mockDir.resolve('missing'))).toThrow(
        /localRepositories\[0\]\.root: directory ".*missing" does not exist/,
      );
    });

    it('refuses a host written as a URL', () => {
      expect(() =>
        UrlReaders.create({
          config: mockServices.rootConfig({
            data: {
              localRepositories: [{ host: `${base}/`, root: root() }],
            },
          }),
          logger: mockServices.logger.mock(),
          factories: [LocalDirectoryUrlReader.factory],
        }),
      ).toThrow(/localRepositories\[0\]\.host must be a bare host/);
    });
  });
});
