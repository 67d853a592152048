import { Entity } from '@backstage/catalog-model';
import {
  createMockDirectory,
  MockDirectoryContent,
} from '@backstage/backend-test-utils';
import path from 'node:path';
import { repositoryFilesFromDirectory, TestFilesOptions } from '../testFiles';

/** The Component the repository detector tests judge. */
export const testEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders' },
};

/**
 * Repository files for a detector test: written to a mock directory
 * (`onDisk`) or read from `detectors/__fixtures__/<name>` (`fixture`). Call
 * it once per test file: each mock directory adds a process exit hook.
 */
export function repositoryHarness() {
  const mockDir = createMockDirectory();
  return {
    onDisk: (content: MockDirectoryContent, options?: TestFilesOptions) => {
      mockDir.setContent(content);
      return repositoryFilesFromDirectory(mockDir.path, options);
    },
    fixture: (name: string) =>
      repositoryFilesFromDirectory(
        path.join(__dirname, '..', '__fixtures__', name),
      ),
  };
}
