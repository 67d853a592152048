import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';

/**
 * Adds {@link LocalDirectoryUrlReader} to the backend's UrlReader, serving
 * the directories listed in `localRepositories`. Add it to the
 * backend with `backend.add(localRepositoriesUrlReaderFactory)`.
 *
 * @public
 */
export const localRepositoriesUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  factory: () => LocalDirectoryUrlReader.factory,
});
