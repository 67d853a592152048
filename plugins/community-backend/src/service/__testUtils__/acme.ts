import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { CommunityEntitiesProcessor } from '@copkit/plugin-catalog-backend-module-community';

// A subset of the Acme Retail example catalog (catalog-info/*.yaml), with
// the relations the catalog would add when stitching it.

const COPKIT = 'copkit.io/v1alpha1';
const BACKSTAGE = 'backstage.io/v1alpha1';

function community(
  name: string,
  title: string,
  spec: Record<string, unknown>,
  chat?: string,
): Entity {
  return {
    apiVersion: COPKIT,
    kind: 'Community',
    metadata: {
      name,
      title,
      links: [
        ...(chat ? [{ url: chat, title: `#${name}`, type: 'chat' }] : []),
        {
          url: `https://wiki.example.com/${name}`,
          title: 'Docs',
          type: 'docs',
        },
      ],
    },
    spec: { type: 'community', domain: title, ...spec },
  };
}

function pattern(
  name: string,
  title: string,
  spec: { status: string; community: string; templates?: string[] },
): Entity {
  return {
    apiVersion: COPKIT,
    kind: 'Pattern',
    metadata: { name, title },
    spec: { type: 'architecture', owner: 'group:default/platform', ...spec },
  };
}

function template(name: string, title: string, communityRef: string): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name,
      title,
      annotations: { 'copkit.io/community': communityRef },
    },
    spec: { owner: 'group:default/platform', type: 'service' },
  };
}

function component(
  name: string,
  title: string,
  spec: { owner: string; system: string; type?: string },
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: BACKSTAGE,
    kind: 'Component',
    metadata: { name, title, annotations },
    spec: { type: 'service', lifecycle: 'production', ...spec },
  };
}

function group(name: string, displayName: string): Entity {
  return {
    apiVersion: BACKSTAGE,
    kind: 'Group',
    metadata: { name },
    spec: { type: 'team', profile: { displayName }, children: [] },
  };
}

function user(name: string, displayName: string, memberOf: string): Entity {
  return {
    apiVersion: BACKSTAGE,
    kind: 'User',
    metadata: { name },
    spec: { profile: { displayName }, memberOf: [memberOf] },
  };
}

const entities: Entity[] = [
  community(
    'payment-experience',
    'Payment Experience',
    {
      owner: 'group:default/payments-platform',
      leads: ['user:default/ana'],
      members: [
        'group:default/checkout-team',
        'group:default/customer-success',
        'user:default/li',
        'user:default/haruto',
        'user:default/sofia',
      ],
      valueStreams: ['domain:default/payments'],
      services: [
        'component:default/checkout-service',
        'component:default/payment-gateway',
        'component:default/refund-service',
      ],
    },
    'https://chat.example.com/payments-cop',
  ),
  community(
    'devops-practice',
    'DevOps Practice',
    {
      owner: 'group:default/platform',
      leads: ['user:default/jonas', 'user:default/arjun'],
      members: ['group:default/platform', 'user:default/mehmet'],
      valueStreams: ['domain:default/payments', 'domain:default/storefront'],
      services: [
        'component:default/storefront-bff',
        'component:default/payment-gateway',
      ],
    },
    'https://chat.example.com/devops-practice',
  ),
  community('java-chapter', 'Java Chapter', {
    owner: 'group:default/acme-engineering',
    leads: ['user:default/dan', 'user:default/tobias'],
    members: ['user:default/ana', 'user:default/li', 'user:default/dan'],
    valueStreams: ['domain:default/payments', 'domain:default/storefront'],
    services: ['component:default/payment-gateway'],
  }),
  community(
    'frontend-guild',
    'Frontend Guild',
    {
      owner: 'group:default/web-frontend',
      leads: ['user:default/lena', 'user:default/yuki'],
      members: ['group:default/web-frontend', 'user:default/li'],
      valueStreams: ['domain:default/storefront'],
      services: ['component:default/storefront-web'],
    },
    'https://chat.example.com/frontend-guild',
  ),
  pattern('structured-logging', 'Structured logging to the log pipeline', {
    status: 'adopt',
    community: 'community:default/devops-practice',
    templates: ['template:default/node-service', 'java-service'],
  }),
  pattern('helm-chart-per-service', 'One Helm chart per service', {
    status: 'assess',
    community: 'devops-practice',
  }),
  pattern('jenkins-pipelines', 'Per-repository Jenkins pipelines', {
    status: 'retired',
    community: 'community:default/devops-practice',
  }),
  pattern('spring-boot-3-baseline', 'Spring Boot 3.2 baseline', {
    status: 'adopt',
    community: 'community:default/java-chapter',
    templates: ['template:default/java-service'],
  }),
  pattern('idempotent-payment-requests', 'Idempotent payment requests', {
    status: 'trial',
    community: 'community:default/payment-experience',
  }),
  template(
    'node-service',
    'Node.js service (golden path)',
    'community:default/devops-practice',
  ),
  template(
    'java-service',
    'Java service (golden path)',
    'community:default/java-chapter',
  ),
  component(
    'payment-gateway',
    'Payment Gateway',
    { owner: 'group:default/payments-platform', system: 'payment-processing' },
    { 'backstage.io/source-template': 'template:default/java-service' },
  ),
  component('checkout-service', 'Checkout Service', {
    owner: 'group:default/checkout-team',
    system: 'system:default/payment-processing',
  }),
  component('refund-service', 'Refund Service', {
    owner: 'group:default/payments-platform',
    system: 'payment-processing',
  }),
  component(
    'storefront-bff',
    'Storefront BFF',
    { owner: 'group:default/web-frontend', system: 'web-shop' },
    { 'backstage.io/source-template': 'template:default/node-service' },
  ),
  {
    apiVersion: BACKSTAGE,
    kind: 'System',
    metadata: { name: 'payment-processing', title: 'Payment Processing' },
    spec: { owner: 'group:default/payments-platform', domain: 'payments' },
  },
  {
    apiVersion: BACKSTAGE,
    kind: 'System',
    metadata: { name: 'web-shop', title: 'Web Shop' },
    spec: { owner: 'group:default/web-frontend', domain: 'storefront' },
  },
  {
    apiVersion: BACKSTAGE,
    kind: 'Domain',
    metadata: { name: 'payments', title: 'Payments' },
    spec: { owner: 'group:default/payments-platform' },
  },
  {
    apiVersion: BACKSTAGE,
    kind: 'Domain',
    metadata: { name: 'storefront', title: 'Storefront' },
    spec: { owner: 'group:default/web-frontend' },
  },
  group('payments-platform', 'Payments Platform'),
  group('checkout-team', 'Checkout'),
  group('web-frontend', 'Web Frontend'),
  group('platform', 'Platform'),
  group('customer-success', 'Customer Success'),
  user('ana', 'Ana Costa', 'payments-platform'),
  user('haruto', 'Haruto Sato', 'payments-platform'),
  user('li', 'Li Wei', 'checkout-team'),
  user('mehmet', 'Mehmet Yilmaz', 'checkout-team'),
  user('lena', 'Lena Fischer', 'web-frontend'),
  user('sofia', 'Sofia Rossi', 'web-frontend'),
  user('yuki', 'Yuki Tanaka', 'web-frontend'),
  user('jonas', 'Jonas Becker', 'platform'),
  user('arjun', 'Arjun Nair', 'platform'),
  user('olivia', 'Olivia Chen', 'customer-success'),
];

function ref(value: string, defaultKind: string, holder: Entity): string {
  return stringifyEntityRef(
    parseEntityRef(value, {
      defaultKind,
      defaultNamespace: holder.metadata.namespace ?? 'default',
    }),
  );
}

/**
 * Adds the relations the catalog's processors would emit: Backstage's own
 * for ownership, systems and membership, copkit's processor for the rest.
 */
async function stitch(all: Entity[]): Promise<Entity[]> {
  const relations = new Map<string, Array<{ type: string; targetRef: string }>>(
    all.map(e => [stringifyEntityRef(e), []]),
  );
  const relate = (source: string, type: string, target: string) =>
    relations.get(source)?.push({ type, targetRef: target });
  const copkit = new CommunityEntitiesProcessor();
  const location = { type: 'url', target: 'https://example.com/catalog.yaml' };
  const emit = (result: CatalogProcessorResult) => {
    if (result.type === 'relation') {
      const { source, type, target } = result.relation;
      relate(stringifyEntityRef(source), type, stringifyEntityRef(target));
    }
  };
  for (const entity of all) {
    const self = stringifyEntityRef(entity);
    const spec = (entity.spec ?? {}) as Record<string, any>;
    await copkit.postProcessEntity(entity, location, emit);
    const copkitKind = entity.kind === 'Community' || entity.kind === 'Pattern';
    if (typeof spec.owner === 'string' && !copkitKind) {
      relate(self, 'ownedBy', ref(spec.owner, 'Group', entity));
      relate(ref(spec.owner, 'Group', entity), 'ownerOf', self);
    }
    if (entity.kind === 'Component' || entity.kind === 'System') {
      const parent =
        entity.kind === 'Component'
          ? ref(spec.system, 'System', entity)
          : ref(spec.domain, 'Domain', entity);
      relate(self, 'partOf', parent);
      relate(parent, 'hasPart', self);
    }
    if (entity.kind === 'User') {
      for (const g of spec.memberOf) {
        relate(self, 'memberOf', ref(g, 'Group', entity));
        relate(ref(g, 'Group', entity), 'hasMember', self);
      }
    }
  }
  return all.map(e => ({
    ...e,
    relations: relations.get(stringifyEntityRef(e)),
  }));
}

let stitched: Promise<Entity[]> | undefined;

/** The example entities, stitched. */
export function acmeEntities(): Promise<Entity[]> {
  stitched ??= stitch(entities);
  return stitched;
}
