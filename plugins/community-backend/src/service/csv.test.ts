import { csvCell, csvFileName, csvLine, formatEvidence } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=1+2', "'=1+2"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ['a=b', 'a=b'],
    ['', ''],
  ])('writes %j as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('writes missing values as empty cells', () => {
    expect(csvLine(['a', undefined, 'c'])).toBe('a,,c\r\n');
  });
});

describe('formatEvidence', () => {
  it('joins rules with where they matched', () => {
    expect(
      formatEvidence([
        {
          rule: 'file: Dockerfile contains "^FROM"',
          path: 'Dockerfile',
          line: 1,
        },
        { rule: 'file: charts/*/Chart.yaml', path: 'charts/api/Chart.yaml' },
        { rule: 'tag: java' },
      ]),
    ).toBe(
      'file: Dockerfile contains "^FROM" (Dockerfile:1); file: charts/*/Chart.yaml (charts/api/Chart.yaml); tag: java',
    );
  });
});

describe('csvFileName', () => {
  it('keeps only letters, digits and dashes', () => {
    expect(
      csvFileName(['adoption', 'pattern:default/a"b\r\nc', '2026-11-24']),
    ).toBe('adoption-pattern-default-a-b-c-2026-11-24.csv');
  });
});
