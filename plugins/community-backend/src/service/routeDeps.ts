import { ApiRouter } from '@backstage/backend-openapi-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { AdoptionStore } from '../database/AdoptionStore';
import { ScanController } from '../scan/ScanController';
import { spec } from '../schema/openapi/generated/router';
import { RouteAccess } from './access';
import { CatalogEntityReader } from './CatalogEntityReader';
import { VisibleEntityRefs, isVisible } from './CatalogVisibility';

/** The router the OpenAPI document types and validates. */
export type CommunityApiRouter = ApiRouter<typeof spec>;

/** What route handlers use. */
export type RouteDeps = {
  access: RouteAccess;
  store: AdoptionStore;
  scans: ScanController;
  catalog: CatalogService;
  /** Entities by ref, kept a few seconds per caller. */
  entities: CatalogEntityReader;
  now: () => Date;
};

/**
 * The entity, read as the caller. Missing and hidden entities get the same
 * 404, so that a caller cannot learn what exists beyond what they may read.
 */
export async function requireEntity(
  catalog: CatalogService,
  ref: string,
  credentials: BackstageCredentials,
  visible: VisibleEntityRefs,
): Promise<Entity> {
  const entity = isVisible(visible, ref)
    ? await catalog.getEntityByRef(ref, { credentials })
    : undefined;
  if (!entity) {
    throw new NotFoundError(`No entity ${ref} in the catalog`);
  }
  return entity;
}
