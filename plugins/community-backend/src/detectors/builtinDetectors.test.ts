import { builtinDetectors } from './builtinDetectors';

describe('builtinDetectors', () => {
  const byShape = new Map(builtinDetectors().map(d => [d.shape, d]));

  it('has one detector per built-in rule shape, saying what it needs', () => {
    expect([...byShape.values()].map(d => [d.shape, d.needs])).toEqual([
      ['sourceTemplate', 'catalog'],
      ['tag', 'catalog'],
      ['annotation', 'catalog'],
      ['dependsOn', 'catalog'],
      ['file', 'repository'],
      ['dependency', 'repository'],
    ]);
  });

  it.each([
    [
      'sourceTemplate',
      'template:default/node-service',
      'sourceTemplate: template:default/node-service',
    ],
    ['tag', 'design-system', 'tag: design-system'],
    [
      'annotation',
      { key: 'pagerduty.com/service-id' },
      'annotation: pagerduty.com/service-id',
    ],
    [
      'annotation',
      { key: 'acme.example.com/pci-scope', value: 'cardholder-data' },
      'annotation: acme.example.com/pci-scope = "cardholder-data"',
    ],
    [
      'dependsOn',
      'resource:default/log-pipeline',
      'dependsOn: resource:default/log-pipeline',
    ],
    ['file', { path: 'charts/*/Chart.yaml' }, 'file: charts/*/Chart.yaml'],
    [
      'file',
      { path: 'Dockerfile', contains: '^FROM' },
      'file: Dockerfile contains "^FROM"',
    ],
    [
      'dependency',
      { ecosystem: 'npm', name: 'pino', version: '^8.0.0' },
      'dependency: npm pino ^8.0.0',
    ],
    [
      'dependency',
      { ecosystem: 'pypi', name: 'openfeature-sdk' },
      'dependency: pypi openfeature-sdk',
    ],
  ])('describes a %s rule in plain words', (shape, rule, text) => {
    expect(byShape.get(shape)!.describe(rule)).toBe(text);
  });
});
