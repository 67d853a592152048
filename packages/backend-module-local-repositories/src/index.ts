export { LocalDirectoryUrlReader } from './LocalDirectoryUrlReader';
export type { LocalDirectoryUrlReaderOptions } from './LocalDirectoryUrlReader';
export { localRepositoriesUrlReaderFactory } from './localRepositoriesUrlReaderFactory';
