import { createBackend } from '@backstage/backend-defaults';
import { localRepositoriesUrlReaderFactory } from '@copkit/backend-module-local-repositories';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));
backend.add(import('@backstage/plugin-proxy-backend'));

// auth: the guest provider is enough for the demo portal
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with the copkit Community and Pattern kinds
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@copkit/plugin-catalog-backend-module-community'));

// copkit's adoption engine
backend.add(import('@copkit/plugin-community-backend'));
// Demo only: serves the example repositories in examples/repos to every
// plugin's UrlReader (see localRepositories in app-config.yaml)
backend.add(localRepositoriesUrlReaderFactory);

backend.add(import('@backstage/plugin-scaffolder-backend'));

// permissions: allow-all for the demo; see docs for a real policy
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// search: Postgres engine when the database is PostgreSQL, Lunr otherwise
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-user-settings-backend'));
// signals: push updates to the frontend (user settings storage uses them)
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
