import { RelevantCommunity } from '@copkit/plugin-community-common';

// What "find my community" should answer for services of the example
// catalog, worked out from catalog-info/ by hand.

/**
 * Reasons of one kind come in no particular order (a community's adopted
 * patterns are in catalog order): order them by `via` within each kind.
 */
export function withReasonsInOrder(
  communities: RelevantCommunity[],
): RelevantCommunity[] {
  return communities.map(c => {
    const rank = new Map<string, number>();
    for (const r of c.reasons)
      if (!rank.has(r.kind)) rank.set(r.kind, rank.size);
    return {
      ...c,
      reasons: [...c.reasons].sort(
        (x, y) =>
          rank.get(x.kind)! - rank.get(y.kind)! ||
          (x.via ?? '').localeCompare(y.via ?? ''),
      ),
    };
  });
}

export const because = (kind: string, text: string, via?: string) => ({
  kind,
  text,
  ...(via ? { via } : {}),
});
export const inValueStream = (stream: string, community: string) =>
  because(
    'supports-value-stream',
    `part of the ${stream} value stream, which ${community} supports`,
    `domain:default/${stream.toLocaleLowerCase('en-US')}`,
  );
export const adoptedPattern = (title: string, ref: string, community: string) =>
  because(
    'adopted-pattern',
    `adopted ${title}, a pattern published by ${community}`,
    `pattern:default/${ref}`,
  );
export const namedService = (community: string) =>
  because('named-service', `named among the services ${community} supports`);
const community = (name: string, title: string, score: number) => ({
  communityRef: `community:default/${name}`,
  title,
  score,
});

/**
 * payment-gateway: owned by Payments Platform (Ana Costa, Haruto Sato),
 * made from the Java service template, adopted four patterns, in the
 * Payments value stream.
 */
export const paymentGatewayCommunities = [
  {
    ...community('java-chapter', 'Java Chapter', 230),
    chatUrl: 'https://chat.example.com/java-chapter',
    reasons: [
      namedService('Java Chapter'),
      because(
        'created-from-template',
        'created from the Java service (golden path) template, published by Java Chapter',
        'template:default/java-service',
      ),
      adoptedPattern(
        'Spring Boot 3.2 baseline',
        'spring-boot-3-baseline',
        'Java Chapter',
      ),
      because(
        'owner-participates',
        'owned by Payments Platform, whose member Ana Costa takes part in Java Chapter',
        'group:default/payments-platform',
      ),
      inValueStream('Payments', 'Java Chapter'),
    ],
  },
  {
    ...community('devops-practice', 'DevOps Practice', 210),
    chatUrl: 'https://chat.example.com/devops-practice',
    reasons: [
      namedService('DevOps Practice'),
      because(
        'created-from-template',
        'created from the Java service (golden path) template, which implements Structured logging to the log pipeline, a pattern of DevOps Practice',
        'template:default/java-service',
      ),
      adoptedPattern(
        'One Helm chart per service',
        'helm-chart-per-service',
        'DevOps Practice',
      ),
      adoptedPattern(
        'Structured logging to the log pipeline',
        'structured-logging',
        'DevOps Practice',
      ),
      inValueStream('Payments', 'DevOps Practice'),
    ],
  },
  {
    ...community('payment-experience', 'Payment Experience', 200),
    chatUrl: 'https://chat.example.com/payments-cop',
    reasons: [
      namedService('Payment Experience'),
      adoptedPattern(
        'Idempotent payment requests',
        'idempotent-payment-requests',
        'Payment Experience',
      ),
      because(
        'owner-leads',
        'owned by Payments Platform, the owner of Payment Experience',
        'group:default/payments-platform',
      ),
      because(
        'owner-participates',
        'owned by Payments Platform, whose member Haruto Sato takes part in Payment Experience',
        'group:default/payments-platform',
      ),
      inValueStream('Payments', 'Payment Experience'),
    ],
  },
  {
    ...community('engineering-guild', 'Engineering Guild', 10),
    chatUrl: 'https://chat.example.com/engineering-guild',
    reasons: [inValueStream('Payments', 'Engineering Guild')],
  },
];
