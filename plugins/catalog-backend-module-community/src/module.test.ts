import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import { catalogModuleCommunityEntityModel } from './module';

jest.setTimeout(60_000);

const community = (domain: string) => `
apiVersion: copkit.io/v1alpha1
kind: Community
metadata:
  name: devops-practice
spec:
  type: community
  domain: ${domain}
  owner: platform
  leads: [ana]
  members: [group:default/checkout-team]
  valueStreams: [payments]
  services: [checkout-service]
`;

// a local chapter of the community above
const chapter = `
apiVersion: copkit.io/v1alpha1
kind: Community
metadata:
  name: devops-practice-berlin
spec:
  type: community
  domain: Delivery pipelines
  owner: platform
  parent: community:default/devops-practice
`;

const pattern = `
apiVersion: copkit.io/v1alpha1
kind: Pattern
metadata:
  name: structured-logging
spec:
  type: architecture
  status: adopt
  owner: platform
  community: devops-practice
  templates: [node-service]
  detection:
    rules:
      - tag: structured-logging
`;

const template = `
apiVersion: scaffolder.backstage.io/v1beta3
kind: Template
metadata:
  name: node-service
  annotations:
    copkit.io/community: community:default/devops-practice
spec:
  type: service
  owner: group:default/platform
  steps: []
`;

describe('catalogModuleCommunityEntityModel in a running catalog', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: (() => Promise<void>) | undefined;
  const auth = { Authorization: mockCredentials.user.header() };

  const getEntity = (ref: string) =>
    request(server).get(`/api/catalog/entities/by-name/${ref}`).set(auth);

  async function waitFor<T>(probe: () => Promise<T | undefined>): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const value = await probe();
      if (value !== undefined) return value;
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error('condition not met within 40s');
  }

  const relationsOf = (entity: Entity) =>
    (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();

  // Reverse relations arrive when the other side has been processed and
  // stitched, so wait until an entity carries as many as expected.
  const withRelations = (ref: string, count: number) =>
    waitFor(async () => {
      const res = await getEntity(ref);
      return res.status === 200 && res.body.relations?.length >= count
        ? (res.body as Entity)
        : undefined;
    });

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'copkit-catalog-'));
    await fs.writeFile(
      path.join(dir, 'catalog.yaml'),
      [community('Delivery pipelines'), chapter, pattern, template].join(
        '\n---\n',
      ),
    );
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        catalogModuleCommunityEntityModel,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [{ allow: ['Community', 'Pattern', 'Template'] }],
              locations: [
                { type: 'file', target: path.join(dir, 'catalog.yaml') },
              ],
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('ingests Communities, a Pattern and a Template with relations both ways', async () => {
    const communityEntity = await withRelations(
      'community/default/devops-practice',
      8,
    );
    expect(relationsOf(communityEntity)).toEqual([
      'hasParticipant group:default/checkout-team',
      'ledBy user:default/ana',
      'ownedBy group:default/platform',
      'parentOf community:default/devops-practice-berlin',
      'publishes pattern:default/structured-logging',
      'publishes template:default/node-service',
      'supports component:default/checkout-service',
      'supports domain:default/payments',
    ]);

    const chapterEntity = await withRelations(
      'community/default/devops-practice-berlin',
      2,
    );
    expect(relationsOf(chapterEntity)).toEqual([
      'childOf community:default/devops-practice',
      'ownedBy group:default/platform',
    ]);

    const patternEntity = await withRelations(
      'pattern/default/structured-logging',
      3,
    );
    expect(relationsOf(patternEntity)).toEqual([
      'implementedBy template:default/node-service',
      'ownedBy group:default/platform',
      'publishedBy community:default/devops-practice',
    ]);

    const templateEntity = await withRelations(
      'template/default/node-service',
      3,
    );
    expect(relationsOf(templateEntity)).toEqual([
      'implements pattern:default/structured-logging',
      'ownedBy group:default/platform',
      'publishedBy community:default/devops-practice',
    ]);
  });

  it('gives the same verdict through /validate-entity as during ingestion', async () => {
    const invalid = {
      apiVersion: 'copkit.io/v1alpha1',
      kind: 'Community',
      metadata: { name: 'payment-experience' },
      spec: {
        type: 'community',
        domain: 'Payments',
        owner: 'group:default/payments',
        rhythm: { frequency: 'fortnightly' },
      },
    };
    const res = await request(server)
      .post('/api/catalog/validate-entity')
      .set(auth)
      .send({ entity: invalid, location: 'url:https://example.com/x.yaml' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(
      'Community default/payment-experience: spec.rhythm.frequency must be one of weekly, biweekly, monthly, quarterly; got \\"fortnightly\\"',
    );

    const valid = { ...invalid, spec: { ...invalid.spec, rhythm: undefined } };
    const ok = await request(server)
      .post('/api/catalog/validate-entity')
      .set(auth)
      .send({ entity: valid, location: 'url:https://example.com/x.yaml' });
    expect(ok.status).toBe(200);
  });

  it('keeps the last good version of an entity that becomes invalid, and says why', async () => {
    await fs.writeFile(
      path.join(dir, 'catalog.yaml'),
      [
        community('Delivery pipelines').replace(
          'valueStreams:',
          'valuestreams:',
        ),
        chapter,
        pattern,
        template,
      ].join('\n---\n'),
    );
    await request(server)
      .post('/api/catalog/refresh')
      .set(auth)
      .send({ entityRef: 'community:default/devops-practice' })
      .expect(200);

    const errored = await waitFor(async () => {
      const body = (await getEntity('community/default/devops-practice'))
        .body as AlphaEntity;
      return body.status?.items?.length ? body : undefined;
    });
    expect(errored.status!.items![0].error!.message).toContain(
      'Community default/devops-practice: spec has unknown key "valuestreams" (did you mean "valueStreams"?)',
    );
    expect(errored.spec?.valueStreams).toEqual(['payments']);
    expect(errored.spec?.domain).toBe('Delivery pipelines');

    // the rest of the catalog keeps working
    expect((await getEntity('pattern/default/structured-logging')).status).toBe(
      200,
    );
  });
});
