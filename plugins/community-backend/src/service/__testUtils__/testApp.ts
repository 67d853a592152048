import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { ScanSummary } from '@copkit/plugin-community-common';
import express from 'express';
import { ScanController } from '../../scan/ScanController';
import { createRouter } from '../router';
import { acmeEntities } from './acme';
import { FakeAdoptionStore } from './FakeAdoptionStore';

/** The user whose catalog read permission is conditional in tests. */
export const RESTRICTED_USER = 'user:default/restricted';

type Decision = AuthorizeResult.ALLOW | AuthorizeResult.DENY;

export type TestAppOptions = {
  /** Entities the catalog hides from {@link RESTRICTED_USER}. */
  hiddenFromRestricted?: string[];
  /** Catalog read decision for everyone but {@link RESTRICTED_USER}. */
  catalogRead?: Decision;
  adoptionRead?: Decision;
  scanCreate?: Decision;
  now?: Date;
};

function userOf(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as { userEntityRef?: string };
  return principal.userEntityRef;
}

/**
 * A permission-aware catalog: the in-memory mock, minus the hidden
 * entities when the restricted user asks.
 */
function createCatalog(
  entities: Entity[],
  hiddenNow: () => ReadonlySet<string>,
) {
  const inner = catalogServiceMock({ entities });
  const hides = (options: { credentials: BackstageCredentials }) =>
    userOf(options.credentials) === RESTRICTED_USER;
  const shown = (entity: Entity | undefined, options: any) =>
    entity && !(hides(options) && hiddenNow().has(stringifyEntityRef(entity)))
      ? entity
      : undefined;
  return catalogServiceMock.mock({
    getEntities: async (request, options) => {
      const { items } = await inner.getEntities(request, options);
      return { items: items.filter(e => shown(e, options)) };
    },
    getEntityByRef: async (ref, options) =>
      shown(await inner.getEntityByRef(ref, options), options),
    getEntitiesByRefs: async (request, options) => {
      const { items } = await inner.getEntitiesByRefs(request, options);
      return { items: items.map(e => shown(e, options)) };
    },
  });
}

export function scanSummary(more: Partial<ScanSummary> = {}): ScanSummary {
  return {
    id: 'scan-7',
    trigger: 'manual',
    status: 'running',
    startedAt: '2026-11-24T09:00:00.000Z',
    partitions: { total: 4, done: 1, failed: 0 },
    repositories: { scanned: 12, unchanged: 30, failed: 0 },
    results: 84,
    ...more,
  };
}

type TestApp = {
  app: express.Express;
  store: FakeAdoptionStore;
  scans: jest.Mocked<ScanController>;
};

let shared: { test: TestApp; options: TestAppOptions } | undefined;

/**
 * The community router on an express app, with fakes around it. The app
 * is built once per test file (compiling the OpenAPI validator takes a
 * while) and reset for every call; the options apply to the next requests.
 */
export async function createTestApp(
  options: TestAppOptions = {},
): Promise<TestApp> {
  if (!shared) {
    shared = { test: await buildTestApp(() => shared!.options), options };
  }
  shared.options = options;
  const { store, scans } = shared.test;
  store.results = [];
  store.trendPoints = [];
  store.resultFilters.length = 0;
  store.trendFilters.length = 0;
  scans.startScan.mockReset();
  scans.getLatestScan.mockReset();
  return shared.test;
}

async function buildTestApp(current: () => TestAppOptions): Promise<TestApp> {
  const store = new FakeAdoptionStore();
  const scans: jest.Mocked<ScanController> = {
    startScan: jest.fn(),
    getLatestScan: jest.fn(),
  };
  const catalog = createCatalog(
    await acmeEntities(),
    () => new Set(current().hiddenFromRestricted ?? []),
  );
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(({ permission }) => ({
        result:
          (permission.name === 'community.scan.create'
            ? current().scanCreate
            : current().adoptionRead) ?? AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async (requests, { credentials }) =>
      requests.map((): PolicyDecision => {
        if (userOf(credentials) !== RESTRICTED_USER) {
          return { result: current().catalogRead ?? AuthorizeResult.ALLOW };
        }
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: [RESTRICTED_USER] },
          },
        };
      }),
  });
  const logger = mockServices.logger.mock();
  const config = mockServices.rootConfig();
  const router = await createRouter({
    store,
    scans,
    catalog,
    permissions,
    httpAuth: mockServices.httpAuth(),
    now: () => current().now ?? new Date('2026-11-24T12:00:00Z'),
    // Every request asks again, so that tests can change permissions.
    visibilityTtlMs: 0,
    catalogTtlMs: 0,
  });
  // As Backstage's httpRouter does after every plugin's routes.
  const errors = MiddlewareFactory.create({ config, logger }).error();
  return { app: express().use(router).use(errors), store, scans };
}
