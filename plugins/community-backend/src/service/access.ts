import {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  communityAdoptionReadPermission,
  communityScanCreatePermission,
} from '@copkit/plugin-community-common';
import { Request } from 'express';
import { CatalogVisibility, VisibleEntityRefs } from './CatalogVisibility';

// Any route's request: the OpenAPI router types params and query per route.
type AnyRequest = Request<any, any, any, any, any>;

/** Who may do what: credentials (401), permissions (403), visibility. */
export class RouteAccess {
  readonly #httpAuth: HttpAuthService;
  readonly #permissions: PermissionsService;
  readonly #visibility: CatalogVisibility;

  constructor(options: {
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    visibility: CatalogVisibility;
  }) {
    this.#httpAuth = options.httpAuth;
    this.#permissions = options.permissions;
    this.#visibility = options.visibility;
  }

  /** A caller allowed to read adoption data. */
  read(req: AnyRequest): Promise<BackstageCredentials> {
    return this.#authorize(req, communityAdoptionReadPermission);
  }

  /** A caller allowed to start a scan. */
  startScan(req: AnyRequest): Promise<BackstageCredentials> {
    return this.#authorize(req, communityScanCreatePermission);
  }

  /** The entities the caller may read in the catalog; undefined for all. */
  visibleEntityRefs(
    credentials: BackstageCredentials,
  ): Promise<VisibleEntityRefs> {
    return this.#visibility.visibleEntityRefs(credentials);
  }

  async #authorize(
    req: AnyRequest,
    permission: BasicPermission,
  ): Promise<BackstageCredentials> {
    const credentials = await this.#httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await this.#permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to do this: it needs the ${permission.name} permission`,
      );
    }
    return credentials;
  }
}
