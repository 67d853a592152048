import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { MAX_TREE_ENTRIES, walkTree } from './walkTree';

const mockDir = createMockDirectory();

describe('walkTree', () => {
  const walk = (maxEntries?: number) => {
    const root = fs.realpathSync(mockDir.resolve('root'));
    return walkTree({ root, dir: root, name: 'the tree', maxEntries });
  };

  it('reads at most 100,000 entries by default', () => {
    expect(MAX_TREE_ENTRIES).toBe(100_000);
  });

  it('fails a tree with more entries than the limit, naming it', async () => {
    mockDir.setContent({
      root: { 'a.txt': 'a', 'b.txt': 'b', 'dir/c.txt': 'c' },
    });
    await expect(walk(4)).resolves.toMatchObject({
      entries: [{ path: 'a.txt' }, { path: 'b.txt' }, { path: 'dir/c.txt' }],
    });
    await expect(walk(3)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message:
        'the tree has more than 3 entries (files, folders and links); the local reader reads at most 3 per tree',
    });
  });

  it('counts links it skips, so a folder of links cannot run on', async () => {
    mockDir.setContent({
      root: {
        'target/file.txt': 'x',
        ...Object.fromEntries(
          Array.from({ length: 10 }, (_, i) => [
            `link${i}`,
            ({ symlink }: any) => symlink('./target'),
          ]),
        ),
      },
    });
    await expect(walk(20)).resolves.toMatchObject({
      entries: [{ path: 'target/file.txt' }],
    });
    await expect(walk(11)).rejects.toThrow(/more than 11 entries/);
  });
});
