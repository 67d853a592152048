import {
  communities,
  relatedEntities,
  summaryCells,
} from '../../__testUtils__/fixtures';
import {
  CommunityFilters,
  filterChoices,
  matchesFilters,
  parseFilters,
  writeFilters,
} from './communityFilters';
import { nestCommunities } from './communityTree';
import { CommunityView, buildCommunityViews } from './communityViews';

const groups = relatedEntities.filter(entity => entity.kind === 'Group');

function views(ownershipEntityRefs: string[] = []) {
  return buildCommunityViews({
    communities,
    groups,
    adoptionCells: summaryCells,
    ownershipEntityRefs,
  });
}

const byName = (list: CommunityView[], name: string) =>
  list.find(view => view.entity.metadata.name === name)!;

const noFilters: CommunityFilters = { q: '', mine: false };

describe('buildCommunityViews', () => {
  it('resolves short refs in the namespace of the community', () => {
    const payments = byName(views(), 'payment-experience');
    expect(payments.members).toEqual([
      'group:default/checkout-team',
      'user:default/li',
      'user:default/sofia',
    ]);
    expect(payments.valueStreams).toEqual(['domain:default/payments']);
    expect(byName(views(), 'frontend-guild').parentRef).toBe(
      'community:default/engineering-guild',
    );
  });

  it('counts people once, expanding groups to their members', () => {
    const list = views();
    expect(byName(list, 'engineering-guild').participants).toBe(5);
    // checkout-team (li, haruto) + li + sofia
    expect(byName(list, 'payment-experience').participants).toBe(3);
    expect(byName(list, 'frontend-guild-berlin').participants).toBe(2);
  });

  it('sums adoption over every pattern and value stream of a community', () => {
    const list = views();
    expect(byName(list, 'frontend-guild').adoption).toEqual({
      adopted: 2,
      notAdopted: 2,
      rate: 0.5,
    });
    expect(byName(list, 'payment-experience').adoption?.rate).toBe(0.75);
    expect(byName(list, 'engineering-guild').adoption).toBeUndefined();
  });

  it('knows whether the user leads or takes part, directly or through a group', () => {
    const sofia = views(['user:default/sofia']);
    expect(byName(sofia, 'frontend-guild-berlin').involvement).toBe('lead');
    expect(byName(sofia, 'payment-experience').involvement).toBe('participant');
    expect(byName(sofia, 'frontend-guild').involvement).toBeUndefined();

    const webTeam = views(['user:default/yuki', 'group:default/web-frontend']);
    expect(byName(webTeam, 'frontend-guild').involvement).toBe('participant');
  });
});

describe('community filters', () => {
  it('round-trips through the query string, keeping other keys', () => {
    const filters: CommunityFilters = {
      q: 'design system',
      valueStream: 'domain:default/storefront',
      type: 'guild',
      mine: true,
    };
    const params = writeFilters(new URLSearchParams('tab=x'), filters);
    expect(params.toString()).toBe(
      'tab=x&q=design+system&valueStream=domain%3Adefault%2Fstorefront&type=guild&mine=true',
    );
    expect(parseFilters(params)).toEqual(filters);
    expect(writeFilters(params, noFilters).toString()).toBe('tab=x');
  });

  it('matches every search word against title, description, domain and tags', () => {
    const list = views();
    const search = (q: string) =>
      list
        .filter(view => matchesFilters(view, { ...noFilters, q }))
        .map(view => view.entity.metadata.name);
    expect(search('payments')).toEqual(['payment-experience']);
    expect(search('DESIGNERS payment')).toEqual(['payment-experience']);
    expect(search('berlin')).toEqual(['frontend-guild-berlin']);
    expect(search('guild frontend')).toEqual([
      'frontend-guild',
      'frontend-guild-berlin',
    ]);
    expect(search('nothing like this')).toEqual([]);
  });

  it('filters by value stream, type and involvement', () => {
    const list = views(['group:default/checkout-team']);
    const names = (filters: Partial<CommunityFilters>) =>
      list
        .filter(view => matchesFilters(view, { ...noFilters, ...filters }))
        .map(view => view.entity.metadata.name);
    expect(names({ valueStream: 'domain:default/payments' })).toEqual([
      'engineering-guild',
      'payment-experience',
    ]);
    expect(names({ type: 'Chapter' })).toEqual(['frontend-guild-berlin']);
    expect(names({ mine: true })).toEqual(['payment-experience']);
  });

  it('offers the value streams and types the communities use', () => {
    expect(filterChoices(views())).toEqual({
      valueStreams: ['domain:default/payments', 'domain:default/storefront'],
      types: ['chapter', 'community', 'guild'],
    });
  });
});

describe('nestCommunities', () => {
  it('nests chapters under their parents, sorted by title', () => {
    const [root, ...others] = nestCommunities(views());
    expect(others).toEqual([]);
    expect(root.view.title).toBe('Engineering Guild');
    expect(root.chapters.map(node => node.view.title)).toEqual([
      'Frontend Guild',
      'Payment Experience',
    ]);
    expect(root.chapters[0].chapters.map(node => node.view.title)).toEqual([
      'Frontend Guild Berlin',
    ]);
  });

  it('shows a chapter whose parent is filtered out at the top', () => {
    const berlin = byName(views(), 'frontend-guild-berlin');
    expect(nestCommunities([berlin])).toEqual([{ view: berlin, chapters: [] }]);
  });

  it('never hides communities whose parents form a cycle', () => {
    const [a, b, c] = views().map((view, i, all) => ({
      ...view,
      parentRef: all[(i + 1) % 3].ref,
    }));
    const roots = nestCommunities([a, b, c]);
    const count = (nodes: typeof roots): number =>
      nodes.reduce((sum, node) => sum + 1 + count(node.chapters), 0);
    expect(count(roots)).toBe(3);
  });
});
