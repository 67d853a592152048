import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import express from 'express';
import { AdoptionStore } from '../database/AdoptionStore';
import { ScanController } from '../scan/ScanController';
import { RouteAccess } from './access';
import { registerAdoptionRoutes } from './adoptionRoutes';
import { CatalogEntityReader } from './CatalogEntityReader';
import { CatalogVisibility } from './CatalogVisibility';
import { registerInsightRoutes } from './insightRoutes';
import { createOpenApiRouter, spec } from '../schema/openapi/generated/router';
import { registerScanRoutes } from './scanRoutes';
import { rewordValidationErrors } from './validationErrors';

/** What the community REST API is built from. */
export interface RouterOptions {
  store: AdoptionStore;
  scans: ScanController;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  /** The current time; tests pin it. */
  now?: () => Date;
  /** How long a caller's catalog visibility is reused. Default 10 s. */
  visibilityTtlMs?: number;
  /** How long an entity read for a caller is reused. Default 10 s. */
  catalogTtlMs?: number;
}

/**
 * The REST API of the adoption engine, validated against
 * `src/schema/openapi.yaml`. Mounted by the plugin at `/api/community`.
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const router = await createOpenApiRouter();
  const access = new RouteAccess({
    httpAuth: options.httpAuth,
    permissions: options.permissions,
    visibility: new CatalogVisibility({
      permissions: options.permissions,
      catalog: options.catalog,
      ttlMs: options.visibilityTtlMs,
    }),
  });
  const deps = {
    access,
    store: options.store,
    scans: options.scans,
    catalog: options.catalog,
    entities: new CatalogEntityReader({
      catalog: options.catalog,
      ttlMs: options.catalogTtlMs,
    }),
    now: options.now ?? (() => new Date()),
  };

  registerAdoptionRoutes(router, deps);
  registerInsightRoutes(router, deps);
  registerScanRoutes(router, deps);

  // Errors go on to the error handler Backstage's httpRouter puts after
  // every plugin's routes, which answers in Backstage's error format.
  router.use(rewordValidationErrors(spec));
  return router;
}
