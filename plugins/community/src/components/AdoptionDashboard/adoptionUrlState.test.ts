import { parseAdoptionUrl, writeAdoptionUrl } from './adoptionUrlState';

const cell = {
  patternRef: 'pattern:default/jenkins-pipelines',
  valueStream: 'domain:default/storefront',
};
const withCell = (extra: string) =>
  new URLSearchParams(
    `pattern=${encodeURIComponent(
      cell.patternRef,
    )}&valueStream=${encodeURIComponent(cell.valueStream)}${extra}`,
  );

describe('the adoption dashboard URL', () => {
  it('lists the non-adopting services of a cell unless it says otherwise', () => {
    expect(parseAdoptionUrl(withCell(''))).toMatchObject({
      cell,
      status: 'not-adopted',
    });
    expect(parseAdoptionUrl(withCell('&status=error')).status).toBe('error');
    expect(parseAdoptionUrl(withCell('&status=all')).status).toBeUndefined();
  });

  it('falls back to the default for a status it has no tab for', () => {
    for (const status of ['done', 'not-applicable', '']) {
      expect(parseAdoptionUrl(withCell(`&status=${status}`)).status).toBe(
        'not-adopted',
      );
    }
  });

  it('writes what it reads, keeping parameters it does not own', () => {
    const state = {
      community: 'community:default/devops-practice',
      cell,
      status: 'exempt' as const,
      trends: ['pattern:default/a', 'pattern:default/b'],
    };
    const written = writeAdoptionUrl(new URLSearchParams('tab=x'), state);
    expect(written.get('tab')).toBe('x');
    expect(parseAdoptionUrl(written)).toEqual(state);
    // the default status is left out of links
    expect(
      writeAdoptionUrl(new URLSearchParams(), {
        cell,
        status: 'not-adopted',
        trends: [],
      }).has('status'),
    ).toBe(false);
  });
});
