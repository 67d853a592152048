import { DependencyEcosystem } from '@copkit/plugin-community-common';

/** One dependency as a manifest declares it. */
export type DeclaredDependency = {
  /** The name as written, e.g. `pino`, `org.slf4j:slf4j-api`. */
  name: string;
  /** The version or range as written, after resolving simple properties. */
  version?: string;
  /** The 1-based line of the declaration, when it can be found. */
  line?: number;
};

/** A kind of manifest file and how to read the dependencies it declares. */
export interface ManifestFormat {
  readonly ecosystem: DependencyEcosystem;
  /** Whether a repository path is a manifest of this format. */
  isManifest(path: string): boolean;
  /** Throws an error with a short, readable message when malformed. */
  parse(text: string): DeclaredDependency[];
}
