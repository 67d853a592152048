import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessorResult,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { CommunityEntitiesProcessor } from './CommunityEntitiesProcessor';

const location: LocationSpec = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

function community(spec: Record<string, unknown>, namespace?: string): Entity {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Community',
    metadata: { name: 'payment-experience', ...(namespace && { namespace }) },
    spec: { type: 'community', domain: 'Payments', ...spec },
  };
}

function pattern(spec: Record<string, unknown>, namespace?: string): Entity {
  return {
    apiVersion: 'copkit.io/v1alpha1',
    kind: 'Pattern',
    metadata: { name: 'event-sourcing', ...(namespace && { namespace }) },
    spec: { type: 'architecture', status: 'adopt', ...spec },
  };
}

function template(
  annotations?: Record<string, string>,
  namespace?: string,
): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'golden-path',
      ...(namespace && { namespace }),
      ...(annotations && { annotations }),
    },
    spec: { type: 'service', owner: 'platform', steps: [] },
  };
}

const component: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payment-api',
    annotations: { 'copkit.io/community': 'devops-practice' },
  },
  spec: {
    type: 'service',
    lifecycle: 'production',
    owner: 'payments',
    community: 'payment-experience',
    leads: ['jane'],
  },
};

/** The relation from `source` to `target`, refs written `kind:namespace/name`. */
function relation(
  source: string,
  type: string,
  target: string,
): CatalogProcessorResult {
  return processingResult.relation({
    source: parseEntityRef(source),
    type,
    target: parseEntityRef(target),
  });
}

/** A relation and its reverse. */
function pair(
  self: string,
  type: string,
  reverse: string,
  other: string,
): CatalogProcessorResult[] {
  return [relation(self, type, other), relation(other, reverse, self)];
}

/**
 * The results in a stable order, so that two lists compare equal exactly when
 * they hold the same results, whatever order they were emitted in.
 */
function sorted(results: CatalogProcessorResult[]): CatalogProcessorResult[] {
  const key = (r: CatalogProcessorResult) => JSON.stringify(r);
  return [...results].sort((a, b) => key(a).localeCompare(key(b)));
}

/** Runs postProcessEntity and returns everything it emitted, sorted. */
async function emitted(entity: Entity): Promise<CatalogProcessorResult[]> {
  const emit = jest.fn();
  const before = structuredClone(entity);
  const result = await new CommunityEntitiesProcessor().postProcessEntity(
    entity,
    location,
    emit,
  );
  expect(result).toBe(entity);
  expect(result).toEqual(before);
  return sorted(emit.mock.calls.map(([r]) => r));
}

describe('CommunityEntitiesProcessor', () => {
  const processor = new CommunityEntitiesProcessor();

  it('has a name', () => {
    expect(processor.getProcessorName()).toBe('CommunityEntitiesProcessor');
  });

  describe('validateEntityKind', () => {
    it('accepts a valid Community', async () => {
      await expect(
        processor.validateEntityKind(community({ owner: 'payments' })),
      ).resolves.toBe(true);
    });

    it('accepts a valid Pattern', async () => {
      await expect(
        processor.validateEntityKind(
          pattern({ owner: 'platform', community: 'payment-experience' }),
        ),
      ).resolves.toBe(true);
    });

    it('does not claim a Component', async () => {
      await expect(processor.validateEntityKind(component)).resolves.toBe(
        false,
      );
    });

    it('does not claim a Template', async () => {
      await expect(
        processor.validateEntityKind(
          template({ 'copkit.io/community': 'devops-practice' }),
        ),
      ).resolves.toBe(false);
    });

    it('does not claim a Community of another apiVersion', async () => {
      await expect(
        processor.validateEntityKind({
          ...community({ owner: 'payments' }),
          apiVersion: 'backstage.io/v1alpha1',
        }),
      ).resolves.toBe(false);
    });

    it("rejects an invalid Community with the validator's message", async () => {
      await expect(
        processor.validateEntityKind(
          community({ owner: 'payments', leads: 'jane' }),
        ),
      ).rejects.toThrow(
        /^Community default\/payment-experience: spec\.leads must be a list; got "jane"$/,
      );
    });

    it("rejects an invalid Pattern with the validator's message", async () => {
      await expect(
        processor.validateEntityKind(
          pattern({ owner: 'platform', community: 'group:default/x' }),
        ),
      ).rejects.toThrow(
        /^Pattern default\/event-sourcing: spec\.community must refer to a Community; got "group:default\/x"$/,
      );
    });
  });

  describe('postProcessEntity for a Community', () => {
    const self = 'Community:team-a/payment-experience';

    it("emits ownedBy/ownerOf to a Group in the entity's namespace", async () => {
      expect(await emitted(community({ owner: 'payments' }, 'team-a'))).toEqual(
        sorted(pair(self, 'ownedBy', 'ownerOf', 'Group:team-a/payments')),
      );
    });

    it('uses the default namespace for a Community without one', async () => {
      expect(await emitted(community({ owner: 'payments' }))).toEqual(
        sorted(
          pair(
            'Community:default/payment-experience',
            'ownedBy',
            'ownerOf',
            'Group:default/payments',
          ),
        ),
      );
    });

    it('keeps the kind and namespace written in a ref', async () => {
      expect(
        await emitted(community({ owner: 'user:default/jane' }, 'team-a')),
      ).toEqual(sorted(pair(self, 'ownedBy', 'ownerOf', 'user:default/jane')));
    });

    it.each<[string, Record<string, unknown>, CatalogProcessorResult[]]>([
      [
        'leads default to User',
        { leads: ['jane', 'user:default/john'] },
        [
          ...pair(self, 'ledBy', 'leads', 'User:team-a/jane'),
          ...pair(self, 'ledBy', 'leads', 'user:default/john'),
        ],
      ],
      [
        'members default to User and may be groups',
        { members: ['ana', 'group:checkout-team'] },
        [
          ...pair(self, 'hasParticipant', 'participatesIn', 'User:team-a/ana'),
          ...pair(
            self,
            'hasParticipant',
            'participatesIn',
            'group:team-a/checkout-team',
          ),
        ],
      ],
      [
        'valueStreams default to Domain',
        { valueStreams: ['checkout'] },
        pair(self, 'supports', 'supportedBy', 'Domain:team-a/checkout'),
      ],
      [
        'services default to Component',
        { services: ['payment-api'] },
        pair(self, 'supports', 'supportedBy', 'Component:team-a/payment-api'),
      ],
      [
        'parent defaults to Community',
        { parent: 'engineering-practice' },
        pair(
          self,
          'childOf',
          'parentOf',
          'Community:team-a/engineering-practice',
        ),
      ],
    ])('emits relations both ways: %s', async (_case, fields, expected) => {
      expect(
        await emitted(community({ owner: 'payments', ...fields }, 'team-a')),
      ).toEqual(
        sorted([
          ...pair(self, 'ownedBy', 'ownerOf', 'Group:team-a/payments'),
          ...expected,
        ]),
      );
    });

    it('emits every relation of a full Community and nothing else', async () => {
      const entity = community(
        {
          owner: 'group:default/payments',
          leads: ['jane'],
          members: ['ana', 'group:default/checkout-team'],
          valueStreams: ['checkout'],
          services: ['payment-api', 'component:default/ledger'],
          parent: 'engineering-practice',
          rhythm: { frequency: 'weekly', timeZones: ['Europe/Berlin'] },
          objectives: [{ title: 'One payment SDK' }],
          timeAllocationPercent: 10,
        },
        'team-a',
      );
      expect(await emitted(entity)).toEqual(
        sorted([
          ...pair(self, 'ownedBy', 'ownerOf', 'group:default/payments'),
          ...pair(self, 'ledBy', 'leads', 'User:team-a/jane'),
          ...pair(self, 'hasParticipant', 'participatesIn', 'User:team-a/ana'),
          ...pair(
            self,
            'hasParticipant',
            'participatesIn',
            'group:default/checkout-team',
          ),
          ...pair(self, 'supports', 'supportedBy', 'Domain:team-a/checkout'),
          ...pair(
            self,
            'supports',
            'supportedBy',
            'Component:team-a/payment-api',
          ),
          ...pair(self, 'supports', 'supportedBy', 'component:default/ledger'),
          ...pair(
            self,
            'childOf',
            'parentOf',
            'Community:team-a/engineering-practice',
          ),
        ]),
      );
    });

    it('emits nothing for a Community of another apiVersion', async () => {
      expect(
        await emitted({
          ...community({ owner: 'payments', leads: ['jane'] }),
          apiVersion: 'backstage.io/v1alpha1',
        }),
      ).toEqual([]);
    });
  });

  describe('postProcessEntity for a Pattern', () => {
    it('emits owner, community and template relations both ways', async () => {
      const self = 'Pattern:team-a/event-sourcing';
      const entity = pattern(
        {
          owner: 'platform',
          community: 'payment-experience',
          templates: [
            'event-sourced-service',
            'template:default/outbox-worker',
          ],
          detection: { rules: [{ sourceTemplate: 'event-sourced-service' }] },
          exemptions: [{ entity: 'legacy-ledger', reason: 'sunset' }],
        },
        'team-a',
      );
      expect(await emitted(entity)).toEqual(
        sorted([
          ...pair(self, 'ownedBy', 'ownerOf', 'Group:team-a/platform'),
          ...pair(
            self,
            'publishedBy',
            'publishes',
            'Community:team-a/payment-experience',
          ),
          ...pair(
            self,
            'implementedBy',
            'implements',
            'Template:team-a/event-sourced-service',
          ),
          ...pair(
            self,
            'implementedBy',
            'implements',
            'template:default/outbox-worker',
          ),
        ]),
      );
    });

    it('emits only owner and community relations for a minimal Pattern', async () => {
      const self = 'Pattern:default/event-sourcing';
      expect(
        await emitted(
          pattern({ owner: 'user:jane', community: 'payment-experience' }),
        ),
      ).toEqual(
        sorted([
          ...pair(self, 'ownedBy', 'ownerOf', 'user:default/jane'),
          ...pair(
            self,
            'publishedBy',
            'publishes',
            'Community:default/payment-experience',
          ),
        ]),
      );
    });
  });

  describe('postProcessEntity for a Template', () => {
    it('emits publishedBy/publishes for the copkit.io/community annotation', async () => {
      expect(
        await emitted(
          template({
            'copkit.io/community': 'community:default/devops-practice',
          }),
        ),
      ).toEqual(
        sorted(
          pair(
            'Template:default/golden-path',
            'publishedBy',
            'publishes',
            'community:default/devops-practice',
          ),
        ),
      );
    });

    it("defaults the annotation to a Community in the Template's namespace", async () => {
      expect(
        await emitted(
          template({ 'copkit.io/community': 'devops-practice' }, 'team-b'),
        ),
      ).toEqual(
        sorted(
          pair(
            'Template:team-b/golden-path',
            'publishedBy',
            'publishes',
            'Community:team-b/devops-practice',
          ),
        ),
      );
    });

    it('emits nothing for a Template without the annotation', async () => {
      expect(await emitted(template())).toEqual([]);
      expect(
        await emitted(template({ 'backstage.io/techdocs-ref': 'dir:.' })),
      ).toEqual([]);
    });

    it('rejects an annotation that is not an entity ref, naming the annotation', async () => {
      const emit = jest.fn();
      const result = processor.postProcessEntity(
        template({ 'copkit.io/community': 'community:' }),
        location,
        emit,
      );
      await expect(result).rejects.toMatchObject({ name: 'InputError' });
      await expect(result).rejects.toThrow(
        'Template default/golden-path: metadata.annotations["copkit.io/community"] must be an entity ref such as "community:default/name" (kind defaults to Community); got "community:"',
      );
      expect(emit).not.toHaveBeenCalled();
    });

    // The validators reject these values in spec.community of a Pattern
    // (see community-common); the same ref written in the Template
    // annotation must not yield a relation to a malformed or wrong entity.
    it.each([
      [':devops-practice'],
      ['a:b:c/d/e'],
      ['community:default/Bad Name!'],
      ['group:default/platform'],
    ])('rejects annotation %j instead of emitting a relation', async value => {
      const emit = jest.fn();
      await expect(
        processor.postProcessEntity(
          template({ 'copkit.io/community': value }),
          location,
          emit,
        ),
      ).rejects.toThrow(
        `Template default/golden-path: metadata.annotations["copkit.io/community"]`,
      );
      expect(emit).not.toHaveBeenCalled();
    });
  });

  it('emits nothing for a Component and returns it unchanged', async () => {
    expect(await emitted(component)).toEqual([]);
  });
});
