import { RepositoryFiles } from '@copkit/plugin-community-node';
import { FileRule, fileDetector } from './fileDetector';
import { repositoryFilesFromRecord } from './testFiles';
import {
  repositoryHarness,
  testEntity,
} from './__testUtils__/repositoryHarness';

const entity = testEntity;
const { onDisk, fixture } = repositoryHarness();

const detect = (rule: FileRule, files: RepositoryFiles) =>
  fileDetector.detect({ rule, entity, files });

describe('file without contains', () => {
  it('matches a root file by exact path, giving that path as evidence', async () => {
    const files = await fixture('node-monorepo');
    await expect(detect({ path: 'Dockerfile' }, files)).resolves.toEqual({
      matched: true,
      evidence: { path: 'Dockerfile' },
    });
  });

  it('matches the glob against whole paths: a bare name only at the root', async () => {
    const files = await fixture('node-monorepo');
    await expect(detect({ path: 'Chart.yaml' }, files)).resolves.toEqual({
      matched: false,
    });
    await expect(detect({ path: '**/Chart.yaml' }, files)).resolves.toEqual({
      matched: true,
      evidence: { path: 'charts/api/Chart.yaml' },
    });
    await expect(
      detect({ path: 'charts/*/Chart.yaml' }, files),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: 'charts/api/Chart.yaml' },
    });
  });

  it('gives the first matching path in sorted order', async () => {
    const files = await fixture('node-monorepo');
    await expect(detect({ path: '**/package.json' }, files)).resolves.toEqual({
      matched: true,
      evidence: { path: 'package.json' },
    });
    await expect(
      detect({ path: 'services/*/package.json' }, files),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: 'services/api/package.json' },
    });
  });

  it('includes dot folders, expands braces and ignores a leading ./', async () => {
    const files = await fixture('node-monorepo');
    await expect(
      detect({ path: '.github/workflows/*.{yml,yaml}' }, files),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: '.github/workflows/ci.yaml' },
    });
    await expect(detect({ path: '**/ci.yaml' }, files)).resolves.toMatchObject({
      matched: true,
    });
    await expect(
      detect({ path: './Dockerfile' }, files),
    ).resolves.toMatchObject({
      matched: true,
    });
  });

  it('misses when nothing matches the glob', async () => {
    const files = await fixture('node-monorepo');
    await expect(detect({ path: 'Jenkinsfile' }, files)).resolves.toEqual({
      matched: false,
    });
  });
});

describe('file with contains', () => {
  it('gives the path, line and text of the first match', async () => {
    const files = await fixture('maven-service');
    await expect(
      detect(
        {
          path: 'src/main/java/**/*.java',
          contains: '@Idempotent\\b|"Idempotency-Key"',
        },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'src/main/java/com/acme/payments/PaymentController.java',
        line: 12,
        text: '@RequestHeader("Idempotency-Key") String key, PaymentRequest request) {',
      },
    });
  });

  it('matches ^ and $ per line', async () => {
    const files = await fixture('node-monorepo');
    await expect(
      detect(
        { path: 'Dockerfile', contains: '^FROM node:\\d+-alpine$' },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: 'Dockerfile', line: 7, text: 'FROM node:22-alpine' },
    });
  });

  it('treats Windows line ends like \\n', async () => {
    const files = repositoryFilesFromRecord({
      Dockerfile: '# base\r\nFROM node:22-alpine\r\nCMD ["node"]\r\n',
    });
    await expect(
      detect(
        { path: 'Dockerfile', contains: '^FROM node:\\d+-alpine$' },
        files,
      ),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: 'Dockerfile', line: 2, text: 'FROM node:22-alpine' },
    });
  });

  it('misses when the glob matches but no file contains the regex', async () => {
    const files = await fixture('maven-service');
    await expect(
      detect({ path: 'src/**/*.java', contains: '@Transactional' }, files),
    ).resolves.toEqual({ matched: false });
  });

  it('reports a match that spans lines at the line where it starts', async () => {
    const files = await fixture('node-monorepo');
    await expect(
      detect({ path: 'Dockerfile', contains: 'AS build\\nWORKDIR' }, files),
    ).resolves.toEqual({
      matched: true,
      evidence: {
        path: 'Dockerfile',
        line: 2,
        text: 'FROM node:22-alpine AS build',
      },
    });
  });

  it('keeps \\A meaning the start of the file, not of each line', async () => {
    const files = repositoryFilesFromRecord({ 'notes.txt': 'x\nfoo\nbar\n' });
    await expect(
      detect({ path: 'notes.txt', contains: '\\Afoo|bar' }, files),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: 'notes.txt', line: 3, text: 'bar' },
    });
  });

  it('cuts the evidence line to 200 characters', async () => {
    const files = await onDisk({
      'app.min.js': `var a=1;${'x'.repeat(500)};fetch("/api")`,
    });
    const outcome = await detect({ path: '*.js', contains: 'fetch\\(' }, files);
    expect(outcome).toMatchObject({ matched: true, evidence: { line: 1 } });
    const text = outcome.matched ? outcome.evidence.text : undefined;
    expect(text).toHaveLength(200);
    expect(text?.startsWith('var a=1;xxx')).toBe(true);
  });

  it('skips files over the size cap with a note, and still matches others', async () => {
    const files = await onDisk({
      'logs/big.log': `${'x'.repeat(2 * 1024 * 1024)}\nERROR here`,
      'logs/small.log': 'INFO ok\nERROR disk full\n',
    });
    await expect(
      detect({ path: 'logs/*.log', contains: '^ERROR' }, files),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: 'logs/small.log', line: 2, text: 'ERROR disk full' },
      notes: ['skipped logs/big.log: 2.0 MiB is over the 1.0 MiB limit'],
    });
  });

  it('misses with a note when the only candidate is over the cap', async () => {
    const files = await onDisk({
      'big.log': `ERROR\n${'x'.repeat(1024 * 1024)}`,
    });
    await expect(
      detect({ path: 'big.log', contains: 'ERROR' }, files),
    ).resolves.toEqual({
      matched: false,
      notes: ['skipped big.log: 1.0 MiB is over the 1.0 MiB limit'],
    });
  });

  it('skips binary files with a note', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      Buffer.from('FROM inside the image data'),
    ]);
    const files = await onDisk({
      'docs/logo.png': png,
      'docs/README.md': 'no match here',
    });
    await expect(
      detect({ path: 'docs/*', contains: 'FROM' }, files),
    ).resolves.toEqual({
      matched: false,
      notes: ['skipped docs/logo.png: it is a binary file'],
    });
  });

  it('reads text as UTF-8 and counts lines in characters, not bytes', async () => {
    const files = await onDisk({
      'i18n/de.properties': 'gruß=Grüße 😀\nkey=Schlüssel\n',
    });
    await expect(
      detect({ path: 'i18n/*', contains: 'Schlüssel$' }, files),
    ).resolves.toEqual({
      matched: true,
      evidence: { path: 'i18n/de.properties', line: 2, text: 'key=Schlüssel' },
    });
  });

  it('lists at most ten skipped files and counts the rest', async () => {
    const content: Record<string, Buffer> = {};
    for (let i = 10; i < 25; i++) content[`bin/f${i}.bin`] = Buffer.from([0]);
    const files = await onDisk(content);
    const outcome = await detect({ path: 'bin/*', contains: 'x' }, files);
    expect(outcome.notes).toHaveLength(11);
    expect(outcome.notes?.[0]).toBe('skipped bin/f10.bin: it is a binary file');
    expect(outcome.notes?.[10]).toBe('and 5 more notes like these');
  });

  it('stops when the scan is cancelled', async () => {
    const files = await fixture('maven-service');
    const controller = new AbortController();
    controller.abort(new Error('scan cancelled'));
    await expect(
      fileDetector.detect({
        rule: { path: '**/*.java', contains: 'x' },
        entity,
        files,
        signal: controller.signal,
      }),
    ).rejects.toThrow('scan cancelled');
  });
});

describe('contains runs in linear time on inputs that make backtracking engines explode', () => {
  // Each case would take minutes to years with a backtracking engine; with
  // RE2 each completes well inside jest's 5 s test timeout.
  const MiB = 1 << 20;
  const aaa = `${'a'.repeat(MiB)}!`;
  const missed = { matched: false };
  const onLine1 = {
    matched: true,
    evidence: { path: 'input.txt', line: 1, text: 'a'.repeat(200) },
  };
  const cases: Array<[string, string, object]> = [
    ['(a+)+$', aaa, missed],
    ['(.*a){20}', aaa, onLine1],
    ['^(\\w+\\s?)*$', aaa, missed],
    ['(a|aa)+$', aaa, missed],
    ['(.*a){20}', `${'a'.repeat(19)}\n`.repeat(MiB / 20), missed],
  ];

  it.each(cases)('%s', async (contains, text, expected) => {
    const files = await onDisk(
      { 'input.txt': text },
      {
        maxFileBytes: 2 * MiB,
      },
    );
    await expect(
      detect({ path: 'input.txt', contains }, files),
    ).resolves.toEqual(expected);
  });
});

describe('the rule in plain words', () => {
  it('says the glob and the regex', () => {
    expect(fileDetector.describe({ path: 'Dockerfile' })).toBe(
      'file: Dockerfile',
    );
    expect(
      fileDetector.describe({ path: 'Dockerfile', contains: '^FROM' }),
    ).toBe('file: Dockerfile contains "^FROM"');
  });
});
