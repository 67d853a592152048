import { Entity } from '@backstage/catalog-model';
import {
  annotationDetector,
  dependsOnDetector,
  sourceTemplateDetector,
  tagDetector,
} from './catalogDetectors';

function component(overrides: {
  namespace?: string;
  tags?: string[];
  annotations?: Record<string, string>;
  relations?: Entity['relations'];
  dependsOn?: string[];
}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'checkout',
      namespace: overrides.namespace,
      tags: overrides.tags,
      annotations: overrides.annotations,
    },
    spec: {
      type: 'service',
      owner: 'payments',
      dependsOn: overrides.dependsOn,
    },
    relations: overrides.relations,
  };
}

const MATCHED = { matched: true, evidence: {} };
const MISSED = { matched: false };

describe('sourceTemplate', () => {
  const fromTemplate = (ref: string, namespace?: string) =>
    component({
      namespace,
      annotations: { 'backstage.io/source-template': ref },
    });
  const detect = (rule: string, entity: Entity) =>
    sourceTemplateDetector.detect({ rule, entity });

  it('matches the template the scaffolder recorded, however the ref is spelled', async () => {
    const entity = fromTemplate('template:default/node-service');
    await expect(
      detect('template:default/node-service', entity),
    ).resolves.toEqual(MATCHED);
    await expect(detect('node-service', entity)).resolves.toEqual(MATCHED);
    await expect(
      detect('Template:Default/Node-Service', entity),
    ).resolves.toEqual(MATCHED);
  });

  it('takes the namespace of the judged entity when the rule leaves it out', async () => {
    const entity = fromTemplate('template:payments/node-service', 'payments');
    await expect(detect('node-service', entity)).resolves.toEqual(MATCHED);
    await expect(
      detect('template:default/node-service', entity),
    ).resolves.toEqual(MISSED);
  });

  it('misses other templates and entities without the annotation', async () => {
    const entity = fromTemplate('template:default/java-service');
    await expect(
      detect('template:default/node-service', entity),
    ).resolves.toEqual(MISSED);
    await expect(detect('node-service', component({}))).resolves.toEqual(
      MISSED,
    );
  });

  it('misses when the annotation is not an entity ref', async () => {
    const entity = fromTemplate('not a ref:');
    await expect(detect('node-service', entity)).resolves.toEqual(MISSED);
  });
});

describe('tag', () => {
  it('matches a tag in metadata.tags, ignoring case', async () => {
    const entity = component({ tags: ['java', 'design-system'] });
    await expect(
      tagDetector.detect({ rule: 'design-system', entity }),
    ).resolves.toEqual(MATCHED);
    await expect(
      tagDetector.detect({ rule: 'Design-System', entity }),
    ).resolves.toEqual(MATCHED);
  });

  it('misses when the tag is absent or the entity has no tags', async () => {
    const entity = component({ tags: ['design'] });
    await expect(
      tagDetector.detect({ rule: 'design-system', entity }),
    ).resolves.toEqual(MISSED);
    await expect(
      tagDetector.detect({ rule: 'java', entity: component({}) }),
    ).resolves.toEqual(MISSED);
  });
});

describe('annotation', () => {
  const entity = component({
    annotations: {
      'backstage.io/kubernetes-id': 'checkout',
      'acme.example.com/pci-scope': 'cardholder-data',
      'acme.example.com/empty': '',
    },
  });
  const detect = (rule: { key: string; value?: string }) =>
    annotationDetector.detect({ rule, entity });

  it('matches on the key alone when the rule has no value', async () => {
    await expect(
      detect({ key: 'backstage.io/kubernetes-id' }),
    ).resolves.toEqual(MATCHED);
    await expect(detect({ key: 'acme.example.com/empty' })).resolves.toEqual(
      MATCHED,
    );
  });

  it('matches only the exact value when the rule has one', async () => {
    await expect(
      detect({ key: 'acme.example.com/pci-scope', value: 'cardholder-data' }),
    ).resolves.toEqual(MATCHED);
    await expect(
      detect({ key: 'acme.example.com/pci-scope', value: 'Cardholder-Data' }),
    ).resolves.toEqual(MISSED);
    await expect(
      detect({ key: 'acme.example.com/empty', value: '' }),
    ).resolves.toEqual(MATCHED);
  });

  it('misses a missing key, including inherited object properties', async () => {
    await expect(detect({ key: 'pagerduty.com/service-id' })).resolves.toEqual(
      MISSED,
    );
    await expect(detect({ key: 'toString' })).resolves.toEqual(MISSED);
  });
});

describe('dependsOn', () => {
  const detect = (rule: string, entity: Entity) =>
    dependsOnDetector.detect({ rule, entity });

  it('matches a dependsOn relation the catalog emitted', async () => {
    const entity = component({
      relations: [
        { type: 'ownedBy', targetRef: 'resource:default/log-pipeline' },
        { type: 'dependsOn', targetRef: 'resource:default/log-pipeline' },
      ],
    });
    await expect(
      detect('resource:default/log-pipeline', entity),
    ).resolves.toEqual(MATCHED);
    await expect(detect('Resource:log-pipeline', entity)).resolves.toEqual(
      MATCHED,
    );
  });

  it('defaults the rule to kind Component in the entity namespace', async () => {
    const entity = component({
      namespace: 'shop',
      relations: [
        { type: 'dependsOn', targetRef: 'component:shop/payments-api' },
      ],
    });
    await expect(detect('payments-api', entity)).resolves.toEqual(MATCHED);
    await expect(
      detect('component:default/payments-api', entity),
    ).resolves.toEqual(MISSED);
  });

  it('accepts spec.dependsOn of an entity the catalog has not processed', async () => {
    const entity = component({ dependsOn: ['resource:log-pipeline'] });
    await expect(
      detect('resource:default/log-pipeline', entity),
    ).resolves.toEqual(MATCHED);
  });

  it('misses relations of other types and other targets', async () => {
    const entity = component({
      relations: [
        { type: 'dependencyOf', targetRef: 'resource:default/log-pipeline' },
        { type: 'dependsOn', targetRef: 'resource:default/metrics-pipeline' },
      ],
    });
    await expect(
      detect('resource:default/log-pipeline', entity),
    ).resolves.toEqual(MISSED);
  });
});
