import { Entity } from '@backstage/catalog-model';
import {
  AdoptionResult,
  AdoptionSummaryCell,
  CommunityEntityV1alpha1,
  RelevantCommunity,
} from '@copkit/plugin-community-common';

/** The service the entity card tests look at. */
export const storefrontBff: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'storefront-bff', title: 'Storefront BFF' },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'group:default/web-frontend',
  },
};

export const relevantCommunities: RelevantCommunity[] = [
  {
    communityRef: 'community:default/devops-practice',
    title: 'DevOps Practice',
    chatUrl: 'https://chat.example.com/devops-practice',
    score: 110,
    reasons: [
      {
        kind: 'named-service',
        text: 'named among the services DevOps Practice supports',
      },
      {
        kind: 'supports-value-stream',
        text: 'supports the Storefront value stream',
        via: 'domain:default/storefront',
      },
    ],
  },
  {
    communityRef: 'community:default/frontend-guild',
    title: 'Frontend Guild',
    score: 20,
    reasons: [
      {
        kind: 'owner-participates',
        text: 'Web Frontend, which owns it, takes part',
        via: 'group:default/web-frontend',
      },
    ],
  },
];

const result = (
  patternRef: string,
  fields: Partial<AdoptionResult>,
): AdoptionResult => ({
  entityRef: 'component:default/storefront-bff',
  patternRef,
  communityRef: 'community:default/devops-practice',
  valueStream: 'domain:default/storefront',
  status: 'adopted',
  evidence: [],
  tried: [],
  notes: [],
  checkedAt: '2026-11-24T08:00:00.000Z',
  ...fields,
});

export const entityAdoption: AdoptionResult[] = [
  result('pattern:default/structured-logging', {
    status: 'adopted',
    evidence: [
      {
        rule: 'dependency: npm pino ^9.0.0',
        path: 'package.json',
        line: 12,
        text: '"pino": "^9.4.0",',
      },
    ],
  }),
  result('pattern:default/containerized-service', {
    status: 'not-adopted',
    tried: ['file: Dockerfile', 'file: **/Dockerfile contains "^FROM"'],
  }),
  result('pattern:default/feature-flags', {
    status: 'exempt',
    reason: 'migrating to the new flag service first',
    exemptUntil: '2027-03-31',
  }),
  result('pattern:default/api-first', {
    status: 'error',
    reason: 'repository not found: https://repos.acme.example/storefront-bff/',
    tried: ['file: openapi.yaml'],
  }),
  result('pattern:default/java-service-template', {
    status: 'not-applicable',
    reason: 'applies to types library; this is type service',
  }),
];

function community(
  name: string,
  title: string,
  spec: Partial<CommunityEntityV1alpha1['spec']>,
  extra: Partial<Entity['metadata']> = {},
): CommunityEntityV1alpha1 {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Community',
    metadata: { name, namespace: 'default', title, ...extra },
    spec: {
      type: 'community',
      domain: `${title} things`,
      owner: 'group:default/acme-engineering',
      ...spec,
    },
  };
}

/**
 * The `childOf` / `parentOf` relations the catalog adds for `spec.parent`.
 */
function withChapterRelations(
  all: CommunityEntityV1alpha1[],
): CommunityEntityV1alpha1[] {
  const refOf = (c: Entity) => `community:default/${c.metadata.name}`;
  const parentOf = (c: CommunityEntityV1alpha1) =>
    c.spec.parent &&
    (c.spec.parent.includes(':')
      ? c.spec.parent
      : `community:default/${c.spec.parent}`);
  return all.map(c => ({
    ...c,
    relations: [
      ...all
        .filter(chapter => parentOf(chapter) === refOf(c))
        .map(chapter => ({ type: 'parentOf', targetRef: refOf(chapter) })),
      ...(parentOf(c) ? [{ type: 'childOf', targetRef: parentOf(c)! }] : []),
    ],
  }));
}

/** A small copy of the example company's communities. */
export const communities: CommunityEntityV1alpha1[] = withChapterRelations([
  community('engineering-guild', 'Engineering Guild', {
    type: 'guild',
    domain: 'Engineering craft at Acme',
    leads: ['user:default/grace'],
    members: ['group:default/acme-engineering'],
    valueStreams: ['domain:default/payments', 'domain:default/storefront'],
  }),
  community(
    'payment-experience',
    'Payment Experience',
    {
      domain: 'Consistent, locally compliant payment experiences',
      leads: ['user:default/ana'],
      members: ['group:default/checkout-team', 'user:default/li', 'sofia'],
      valueStreams: ['payments'],
      parent: 'community:default/engineering-guild',
    },
    {
      tags: ['payments'],
      description: 'Engineers and designers building payment flows',
    },
  ),
  community('frontend-guild', 'Frontend Guild', {
    type: 'guild',
    domain: 'Fast, accessible web experiences',
    leads: ['user:default/lena'],
    members: ['group:default/web-frontend', 'user:default/li'],
    valueStreams: ['domain:default/storefront'],
    parent: 'engineering-guild',
  }),
  community('frontend-guild-berlin', 'Frontend Guild Berlin', {
    type: 'chapter',
    domain: 'Design-system pairing in Berlin',
    leads: ['user:default/sofia'],
    members: ['user:default/lena', 'user:default/sofia'],
    valueStreams: ['domain:default/storefront'],
    parent: 'community:default/frontend-guild',
  }),
]);

const group = (name: string, members: string[]): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace: 'default' },
  spec: { type: 'team', children: [] },
  relations: members.map(user => ({
    type: 'hasMember',
    targetRef: `user:default/${user}`,
  })),
});

const domain = (name: string, title: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Domain',
  metadata: { name, namespace: 'default', title },
  spec: { owner: 'group:default/acme-engineering' },
});

/** Groups and value streams the communities name. */
export const relatedEntities: Entity[] = [
  group('acme-engineering', ['grace', 'jonas', 'ana', 'li', 'lena']),
  group('checkout-team', ['li', 'haruto']),
  group('web-frontend', ['lena', 'yuki', 'meera']),
  domain('payments', 'Payments'),
  domain('storefront', 'Storefront'),
];

export const summaryCells: AdoptionSummaryCell[] = [
  {
    patternRef: 'pattern:default/idempotent-payments',
    communityRef: 'community:default/payment-experience',
    valueStream: 'domain:default/payments',
    adopted: 3,
    notAdopted: 1,
    exempt: 0,
    errors: 0,
    applicable: 4,
    rate: 0.75,
  },
  {
    patternRef: 'pattern:default/design-tokens',
    communityRef: 'community:default/frontend-guild',
    valueStream: 'domain:default/storefront',
    adopted: 1,
    notAdopted: 2,
    exempt: 1,
    errors: 0,
    applicable: 3,
    rate: 1 / 3,
  },
  {
    patternRef: 'pattern:default/accessible-forms',
    communityRef: 'community:default/frontend-guild',
    valueStream: 'domain:default/fulfilment',
    adopted: 1,
    notAdopted: 0,
    exempt: 0,
    errors: 1,
    applicable: 2,
    rate: 1,
  },
];
