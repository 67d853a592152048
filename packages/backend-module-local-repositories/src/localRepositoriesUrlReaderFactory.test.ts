import { coreServices } from '@backstage/backend-plugin-api';
import { urlReaderServiceFactory } from '@backstage/backend-defaults/urlReader';
import {
  ServiceFactoryTester,
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { localRepositoriesUrlReaderFactory } from './localRepositoriesUrlReaderFactory';

describe('localRepositoriesUrlReaderFactory', () => {
  const mockDir = createMockDirectory({
    content: { 'svc/catalog-info.yaml': 'kind: Component\n' },
  });

  it('makes the core UrlReader serve the configured directory', async () => {
    const tester = ServiceFactoryTester.from(urlReaderServiceFactory, {
      dependencies: [
        localRepositoriesUrlReaderFactory,
        mockServices.rootConfig.factory({
          data: {
            localRepositories: [
              { host: 'repos.acme.example', root: mockDir.path },
            ],
          },
        }),
      ],
    });
    const reader = await tester.getService(coreServices.urlReader);
    const response = await reader.readUrl(
      'https://repos.acme.example/svc/catalog-info.yaml',
    );
    expect((await response.buffer()).toString()).toBe('kind: Component\n');
  });
});
