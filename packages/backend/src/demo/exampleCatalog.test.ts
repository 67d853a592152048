import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AlphaEntity } from '@backstage/catalog-model/alpha';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import {
  ANNOTATION_COMMUNITY,
  RELATION_IMPLEMENTED_BY,
  RELATION_IMPLEMENTS,
  RELATION_LEADS,
  RELATION_LED_BY,
  RELATION_PUBLISHED_BY,
  RELATION_PUBLISHES,
} from '@copkit/plugin-community-common';
import { catalogModuleCommunityEntityModel } from '@copkit/plugin-catalog-backend-module-community';
import path from 'node:path';
import request from 'supertest';
import {
  catalogEntry,
  readAppConfig,
  readExampleCatalog,
  refOf,
  repoRoot,
} from './__testUtils__/demoFiles';

/*
 * The example company in catalog-info/ is what a user sees first: `yarn start`
 * registers catalog-info/all.yaml. This ingests exactly that through a real
 * catalog (with the scaffolder entity model and our module, the rules of
 * app-config.yaml) and checks that every entity arrives, none carries a
 * processing error, and copkit's relations are there in both directions.
 */

jest.setTimeout(60_000);

const appConfig = readAppConfig();

const asArray = (value: unknown): string[] =>
  ([] as unknown[]).concat(value ?? []) as string[];

/** A spec ref as the processor resolves it, e.g. `ana` → `user:default/ana`. */
const fullRef = (ref: string, defaultKind: string) =>
  stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
  );

const countByKind = (refs: Iterable<string>) => {
  const counts: Record<string, number> = {};
  for (const ref of refs) {
    const kind = parseEntityRef(ref).kind;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
};

describe('the example catalog in catalog-info/', () => {
  const { entities: example, problems } = readExampleCatalog(catalogEntry);
  const expectedRefs = new Set(example.map(e => e.ref));
  const ofKind = (kind: string) =>
    example.filter(e => e.entity.kind === kind).map(e => e.entity);

  const processingErrors: string[] = [];
  const errorCollector = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'example-catalog-test-errors',
    register(env) {
      env.registerInit({
        deps: { processing: catalogProcessingExtensionPoint },
        async init({ processing }) {
          processing.setOnProcessingErrorHandler(
            ({ unprocessedEntity, errors }) => {
              for (const error of errors) {
                processingErrors.push(
                  `${refOf(unprocessedEntity)}: ${error.name}: ${
                    error.message
                  }`,
                );
              }
            },
          );
        },
      });
    },
  });

  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let stop: (() => Promise<void>) | undefined;
  const auth = { Authorization: mockCredentials.user.header() };
  let entities: Map<string, AlphaEntity>;

  async function fetchAll(): Promise<Map<string, AlphaEntity>> {
    const byRef = new Map<string, AlphaEntity>();
    let cursor: string | undefined;
    do {
      const res = await request(server)
        .get('/api/catalog/entities/by-query')
        .query(cursor ? { cursor } : { limit: 500 })
        .set(auth)
        .expect(200);
      for (const entity of res.body.items as AlphaEntity[]) {
        byRef.set(refOf(entity), entity);
      }
      cursor = res.body.pageInfo?.nextCursor;
    } while (cursor);
    return byRef;
  }

  const relationsOf = (ref: string) =>
    (entities.get(ref)?.relations ?? []).map(r => `${r.type} ${r.targetRef}`);

  /** The relations this test expects, derived from the YAML files. */
  function expectedRelations(): Map<string, Set<string>> {
    const expected = new Map<string, Set<string>>();
    const add = (from: string, type: string, to: string, reverse: string) => {
      for (const [s, t, o] of [
        [from, type, to],
        [to, reverse, from],
      ]) {
        if (!expected.has(s)) expected.set(s, new Set());
        expected.get(s)!.add(`${t} ${o}`);
      }
    };
    for (const community of ofKind('Community')) {
      const self = refOf(community);
      for (const lead of asArray(community.spec?.leads)) {
        add(self, RELATION_LED_BY, fullRef(lead, 'User'), RELATION_LEADS);
      }
      for (const parent of asArray(community.spec?.parent)) {
        add(
          self,
          RELATION_CHILD_OF,
          fullRef(parent, 'Community'),
          RELATION_PARENT_OF,
        );
      }
    }
    for (const pattern of ofKind('Pattern')) {
      const self = refOf(pattern);
      for (const community of asArray(pattern.spec?.community)) {
        add(
          self,
          RELATION_PUBLISHED_BY,
          fullRef(community, 'Community'),
          RELATION_PUBLISHES,
        );
      }
      for (const template of asArray(pattern.spec?.templates)) {
        add(
          self,
          RELATION_IMPLEMENTED_BY,
          fullRef(template, 'Template'),
          RELATION_IMPLEMENTS,
        );
      }
    }
    for (const template of ofKind('Template')) {
      const community = template.metadata.annotations?.[ANNOTATION_COMMUNITY];
      if (community) {
        add(
          refOf(template),
          RELATION_PUBLISHED_BY,
          fullRef(community, 'Community'),
          RELATION_PUBLISHES,
        );
      }
    }
    return expected;
  }

  const missingRelations = (expected: Map<string, Set<string>>) =>
    [...expected].flatMap(([ref, relations]) => {
      const actual = new Set(relationsOf(ref));
      return [...relations].filter(r => !actual.has(r)).map(r => `${ref} ${r}`);
    });

  beforeAll(async () => {
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        scaffolderEntityModel,
        catalogModuleCommunityEntityModel,
        errorCollector,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              processingInterval: { seconds: 1 },
              rules: appConfig.catalog.rules,
              locations: [{ type: 'file', target: catalogEntry }],
            },
          },
        }),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();

    // Wait until every example entity has been stitched with the relations
    // expected of it (reverse relations arrive once the other side has been
    // processed too), or until the catalog reports an error; bounded. A
    // relation from an entity that does not exist never arrives: the tests
    // below report it rather than this loop waiting for it.
    const relations = expectedRelations();
    const isSettled = (current: Map<string, AlphaEntity>) =>
      [...expectedRefs].every(ref => current.has(ref)) &&
      missingRelations(relations).every(r => !current.has(r.split(' ')[0]));
    const deadline = Date.now() + 40_000;
    for (;;) {
      entities = await fetchAll();
      if (isSettled(entities) || processingErrors.length) break;
      if (Date.now() > deadline) break;
      await new Promise(r => setTimeout(r, 250));
    }
    // Give a just-reported error time to be joined by its siblings.
    if (processingErrors.length) {
      await new Promise(r => setTimeout(r, 2_000));
      entities = await fetchAll();
    }
  });

  afterAll(async () => {
    await stop?.();
  });

  it('is what app-config.yaml registers, under rules that allow its kinds', () => {
    // file targets in app-config.yaml are relative to packages/backend
    const registered = appConfig.catalog.locations.map(
      (l: { type: string; target: string }) =>
        l.type === 'file'
          ? path.resolve(repoRoot, 'packages/backend', l.target)
          : `${l.type}:${l.target}`,
    );
    expect(registered).toContain(catalogEntry);

    const allowed = new Set(
      appConfig.catalog.rules.flatMap((r: { allow: string[] }) => r.allow),
    );
    const kinds = [...new Set(example.map(e => e.entity.kind))];
    expect(kinds.filter(k => !allowed.has(k))).toEqual([]);
  });

  it('is read from every file it references', () => {
    expect(problems).toEqual([]);
    const files = new Set(example.map(e => path.relative(repoRoot, e.file)));
    expect([...files].sort()).toEqual(
      expect.arrayContaining([
        'catalog-info/all.yaml',
        'catalog-info/communities.yaml',
        'catalog-info/patterns.yaml',
        'catalog-info/org.yaml',
      ]),
    );
    expect(files.size).toBeGreaterThanOrEqual(9);
    // the same entity twice would be a conflict the catalog only logs
    expect(example.length).toBe(expectedRefs.size);
  });

  it('ingests with no processing errors', () => {
    expect(processingErrors).toEqual([]);
    const withErrors = [...entities].flatMap(([ref, entity]) =>
      (entity.status?.items ?? [])
        .filter(item => item.level === 'error')
        .map(item => `${ref}: ${item.message}`),
    );
    expect(withErrors).toEqual([]);
  });

  it('ingests every entity of every file, and nothing else', () => {
    const missing = [...expectedRefs].filter(ref => !entities.has(ref));
    expect(missing).toEqual([]);

    // Besides the example, the catalog only holds the Location it generates
    // for the registration in config.
    const extra = [...entities.keys()].filter(ref => !expectedRefs.has(ref));
    expect(extra).toEqual([expect.stringMatching(/^location:default\//)]);

    const expectedCounts = countByKind(expectedRefs);
    expectedCounts.location += 1;
    expect(countByKind(entities.keys())).toEqual(expectedCounts);

    // so that an unreadable file cannot pass with both sides empty
    expect(expectedCounts).toEqual(
      expect.objectContaining({
        community: expect.any(Number),
        pattern: expect.any(Number),
        template: expect.any(Number),
      }),
    );
    expect(expectedCounts.community).toBeGreaterThanOrEqual(6);
    expect(expectedCounts.pattern).toBeGreaterThanOrEqual(6);
    expect(expectedCounts.template).toBeGreaterThanOrEqual(3);
    expect(expectedCounts.component).toBeGreaterThanOrEqual(10);
    expect(expectedCounts.user).toBeGreaterThanOrEqual(10);
    expect(expectedCounts.group).toBeGreaterThanOrEqual(5);
  });

  it('relates communities, patterns, templates and people both ways', () => {
    const expected = expectedRelations();
    expect(missingRelations(expected)).toEqual([]);

    const types = new Set(
      [...expected.values()].flatMap(s => [...s].map(r => r.split(' ')[0])),
    );
    expect([...types].sort()).toEqual(
      [
        RELATION_LED_BY,
        RELATION_LEADS,
        RELATION_CHILD_OF,
        RELATION_PARENT_OF,
        RELATION_PUBLISHED_BY,
        RELATION_PUBLISHES,
        RELATION_IMPLEMENTED_BY,
        RELATION_IMPLEMENTS,
      ].sort(),
    );

    // and one as a reader of the example would put it
    expect(relationsOf('pattern:default/structured-logging')).toEqual(
      expect.arrayContaining([
        'publishedBy community:default/devops-practice',
        'implementedBy template:default/node-service',
      ]),
    );
  });

  it('leaves no relation pointing at an entity that is not in the catalog', () => {
    const dangling = [...entities].flatMap(([ref, entity]) =>
      (entity.relations ?? [])
        .filter(r => !entities.has(r.targetRef))
        .map(r => `${ref} ${r.type} ${r.targetRef}`),
    );
    expect(dangling).toEqual([]);
  });
});
