import { DependencyEcosystem } from '@copkit/plugin-community-common';
import { cargoToml, normalizeCrateName } from './cargo';
import { goMod } from './go';
import { buildGradle } from './gradle';
import { gradleVersionCatalog } from './gradleCatalog';
import { pomXml } from './maven';
import { packageJson } from './npm';
import { msbuildProject } from './nuget';
import { normalizePythonName, pyprojectToml, requirementsTxt } from './pypi';
import { ManifestFormat } from './types';

export type {
  DeclaredDependency,
  ManifestContext,
  ManifestFormat,
} from './types';

/** The manifest formats read for each ecosystem. */
export const manifestFormats: Record<DependencyEcosystem, ManifestFormat[]> = {
  npm: [packageJson],
  maven: [pomXml],
  gradle: [buildGradle, gradleVersionCatalog],
  go: [goMod],
  pypi: [requirementsTxt, pyprojectToml],
  cargo: [cargoToml],
  nuget: [msbuildProject],
};

/**
 * A package name in the form names are compared in: PyPI per PEP 503,
 * NuGet case-insensitively, crates with `-`/`_` alike; others exactly.
 */
export function normalizePackageName(
  ecosystem: DependencyEcosystem,
  name: string,
): string {
  switch (ecosystem) {
    case 'pypi':
      return normalizePythonName(name);
    case 'nuget':
      return name.toLowerCase();
    case 'cargo':
      return normalizeCrateName(name);
    default:
      return name.trim();
  }
}
