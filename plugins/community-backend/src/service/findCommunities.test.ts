import { PatternFacts } from '../engine/entityFacts';
import { CommunityFacts } from './catalogFacts';
import { COMMUNITY_REASON_STRENGTH, rankCommunities } from './findCommunities';
import { ServiceContext } from './serviceContext';

function community(
  name: string,
  title: string,
  more: Partial<CommunityFacts> = {},
): { facts: CommunityFacts } {
  return {
    facts: {
      ref: `community:default/${name}`,
      title,
      owner: 'group:default/someone-else',
      leads: [],
      members: [],
      services: [],
      valueStreams: [],
      ...more,
    },
  };
}

const service: ServiceContext = {
  ref: 'component:default/payment-gateway',
  title: 'Payment Gateway',
  adoptedPatternRefs: [],
  owner: {
    ref: 'group:default/payments-platform',
    title: 'Payments Platform',
    kind: 'group',
    members: [
      { ref: 'user:default/ana', title: 'Ana Costa' },
      { ref: 'user:default/haruto', title: 'Haruto Sato' },
      { ref: 'user:default/kai', title: 'Kai Lee' },
    ],
  },
};

function texts(options: Parameters<typeof rankCommunities>[0]) {
  return rankCommunities(options).map(c => [
    c.title,
    c.score,
    c.reasons.map(r => r.text),
  ]);
}

describe('rankCommunities', () => {
  it('names the members of the owning team who lead or take part', () => {
    expect(
      texts({
        service,
        patterns: [],
        communities: [
          community('payment-experience', 'Payment Experience', {
            leads: ['user:default/ana'],
            members: [
              'user:default/haruto',
              'user:default/kai',
              'user:default/li',
            ],
          }),
          community('java-chapter', 'Java Chapter', {
            leads: [
              'user:default/ana',
              'user:default/haruto',
              'user:default/kai',
            ],
          }),
        ],
      }),
    ).toEqual([
      [
        'Payment Experience',
        50,
        [
          'owned by Payments Platform, whose member Ana Costa leads Payment Experience',
          'owned by Payments Platform, whose members Haruto Sato and Kai Lee take part in Payment Experience',
        ],
      ],
      [
        'Java Chapter',
        30,
        [
          'owned by Payments Platform, whose members Ana Costa, Haruto Sato and Kai Lee lead Java Chapter',
        ],
      ],
    ]);
  });

  it('speaks of a user owner in person', () => {
    const ownedByAna: ServiceContext = {
      ...service,
      owner: {
        ref: 'user:default/ana',
        title: 'Ana Costa',
        kind: 'user',
        members: [],
      },
    };
    expect(
      texts({
        service: ownedByAna,
        patterns: [],
        communities: [
          community('a', 'Alpha', { leads: ['user:default/ana'] }),
          community('b', 'Beta', { members: ['user:default/ana'] }),
        ],
      }),
    ).toEqual([
      ['Alpha', 30, ['owned by Ana Costa, who leads Alpha']],
      ['Beta', 20, ['owned by Ana Costa, who takes part in Beta']],
    ]);
  });

  it('counts a kind of reason once, however many patterns it goes through', () => {
    const patterns: PatternFacts[] = ['a', 'b', 'c'].map(name => ({
      ref: `pattern:default/${name}`,
      title: `Pattern ${name.toUpperCase()}`,
      communityRef: 'community:default/devops',
      templateRefs: [],
    }));
    const [devops] = rankCommunities({
      service: {
        ...service,
        owner: undefined,
        adoptedPatternRefs: patterns.map(p => p.ref),
      },
      patterns,
      communities: [community('devops', 'DevOps Practice')],
    });
    expect(devops.reasons.map(r => [r.text, r.via])).toEqual([
      [
        'adopted Pattern A, a pattern published by DevOps Practice',
        'pattern:default/a',
      ],
      [
        'adopted Pattern B, a pattern published by DevOps Practice',
        'pattern:default/b',
      ],
      [
        'adopted Pattern C, a pattern published by DevOps Practice',
        'pattern:default/c',
      ],
    ]);
    expect(devops.score).toBe(COMMUNITY_REASON_STRENGTH['adopted-pattern']);
  });

  it('leaves out unrelated communities and orders ties by title', () => {
    const inPayments = { valueStreams: ['domain:default/payments'] };
    const ranked = rankCommunities({
      service: {
        ...service,
        owner: undefined,
        valueStream: { ref: 'domain:default/payments', title: 'Payments' },
      },
      patterns: [],
      communities: [
        community('zeta', 'Zeta Guild', inPayments),
        community('unrelated', 'Unrelated'),
        community('alpha', 'Alpha Chapter', inPayments),
      ],
    });
    expect(ranked.map(c => [c.title, c.score])).toEqual([
      ['Alpha Chapter', 10],
      ['Zeta Guild', 10],
    ]);
  });
});
