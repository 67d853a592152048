import { DependencyEcosystem } from '@copkit/plugin-community-common';

/** One dependency as a manifest declares it. */
export type DeclaredDependency = {
  /** The name as written, e.g. `pino`, `org.slf4j:slf4j-api`. */
  name: string;
  /** The version or range as written, after resolving simple properties. */
  version?: string;
  /** The 1-based line of the declaration, when it can be found. */
  line?: number;
  /**
   * Why `version` could not be resolved, as the end of a sentence
   * (`but pnpm-workspace.yaml has no catalog "react19"`).
   */
  unresolved?: string;
};

/** What a manifest is read with besides its own text. */
export type ManifestContext = {
  /** The manifest's repository path, for notes. */
  path: string;
  /** Records something the reader could not see or understand. */
  note(message: string): void;
  /** The text of the format's `companions` that the repository has. */
  companions: ReadonlyMap<string, string>;
};

/** A kind of manifest file and how to read the dependencies it declares. */
export interface ManifestFormat {
  readonly ecosystem: DependencyEcosystem;
  /** Repository-root files the manifests refer to, e.g. `pnpm-workspace.yaml`. */
  readonly companions?: readonly string[];
  /** Whether a repository path is a manifest of this format. */
  isManifest(path: string): boolean;
  /** Throws an error with a short, readable message when malformed. */
  parse(text: string, context?: ManifestContext): DeclaredDependency[];
}
