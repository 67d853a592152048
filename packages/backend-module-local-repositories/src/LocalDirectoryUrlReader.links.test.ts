import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';

const HOST = 'repos.acme.example';
const base = `https://${HOST}`;

const mockDir = createMockDirectory();

function createReader() {
  return UrlReaders.create({
    config: mockServices.rootConfig({
      data: {
        localRepositories: [{ host: HOST, root: mockDir.resolve('root') }],
      },
    }),
    logger: mockServices.logger.mock(),
    factories: [LocalDirectoryUrlReader.factory],
  });
}

async function pathsOf(url: string) {
  const files = await (await createReader().readTree(url)).files();
  return files.map(f => f.path);
}

describe('LocalDirectoryUrlReader links between folders', () => {
  it('lists a tree whose links fan out 2^16 ways once per folder', async () => {
    // L{i}/x and L{i}/y both link to L{i+1}: followed blindly, that is
    // 2^16 copies of the last folder (262,125 entries, about 1 GB).
    const repo: Record<string, any> = {};
    for (let i = 0; i < 17; i++) repo[`L${i}/file.txt`] = `level ${i}\n`;
    for (let i = 0; i < 16; i++) {
      repo[`L${i}/x`] = ({ symlink }: any) => symlink(`../L${i + 1}`);
      repo[`L${i}/y`] = ({ symlink }: any) => symlink(`../L${i + 1}`);
    }
    mockDir.setContent({ root: { fan: repo } });

    const paths = await pathsOf(`${base}/fan/`);
    expect(paths).toHaveLength(17);
    expect(paths).toContain('L16/file.txt');

    // Read from L0 alone, each deeper level appears once, under the first
    // link in path order.
    expect(await pathsOf(`${base}/fan/L0/`)).toEqual([
      'file.txt',
      'x/file.txt',
      'x/x/file.txt',
      ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16].map(
        n => `${'x/'.repeat(n)}file.txt`,
      ),
    ]);
  });

  it('lists a folder under its own path, not under a link to it', async () => {
    mockDir.setContent({
      root: {
        repo: {
          'a-link': ({ symlink }) => symlink('./z-real'),
          'z-real/file.txt': 'real\n',
        },
      },
    });
    expect(await pathsOf(`${base}/repo/`)).toEqual(['z-real/file.txt']);
  });

  it("does not follow a link into another repository's folder", async () => {
    mockDir.setContent({
      root: {
        'repo-a': {
          'README.md': '# a\n',
          'secret.txt': ({ symlink }) => symlink('../private-repo/secret.txt'),
          private: ({ symlink }) => symlink('../private-repo'),
        },
        'private-repo': { 'secret.txt': 'the secret line\n' },
      },
    });
    const reader = createReader();

    const tree = await reader.readTree(`${base}/repo-a/`);
    const files = await tree.files();
    expect(files.map(f => f.path)).toEqual(['README.md']);
    await expect(
      reader.readUrl(`${base}/repo-a/secret.txt`),
    ).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: `${base}/repo-a/secret.txt is a symbolic link that points outside its repository`,
    });
    const found = await reader.search(`${base}/repo-a/**/*.txt`);
    expect(found.files).toEqual([]);
    // The other repository itself is still served.
    const own = await reader.readUrl(`${base}/private-repo/secret.txt`);
    expect((await own.buffer()).toString()).toBe('the secret line\n');
  });

  it('follows links within the repository but outside the folder read', async () => {
    mockDir.setContent({
      root: {
        repo: {
          'lib/util.ts': 'export {};\n',
          'src/index.ts': 'export {};\n',
          'src/lib': ({ symlink }) => symlink('../lib'),
        },
      },
    });
    expect(await pathsOf(`${base}/repo/src/`)).toEqual([
      'index.ts',
      'lib/util.ts',
    ]);
  });
});
