import { Entity } from '@backstage/catalog-model';
import { PatternEntityV1alpha1 } from '@copkit/plugin-community-common';
import { PatternDef, patternEntity } from './patterns';
import { RepoSpec } from './repoSpecs';

/** The host the generated repositories are served under. */
export const REPO_HOST = 'bench.repos';

/** The Component entity of a generated repository, as the catalog returns it. */
export function componentEntity(spec: RepoSpec): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: spec.name,
      namespace: 'default',
      uid: `uid-${spec.name}`,
      tags: spec.tags,
      annotations: {
        'backstage.io/source-location': `url:https://${REPO_HOST}/${spec.name}/`,
        'backstage.io/managed-by-location': `url:https://${REPO_HOST}/${spec.name}/catalog-info.yaml`,
        ...spec.annotations,
      },
    },
    spec: {
      type: spec.type,
      lifecycle: spec.lifecycle,
      owner: spec.owner,
      system: spec.system,
      dependsOn: spec.dependsOn,
    },
    relations: [
      { type: 'ownedBy', targetRef: spec.owner },
      { type: 'partOf', targetRef: `system:default/${spec.system}` },
      ...spec.dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
    ],
  };
}

/** Systems `system-0..n-1`, each in one of `domains` domains. */
export function systemEntities(count: number, domains: number): Entity[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: `system-${i}`, namespace: 'default' },
    spec: {
      owner: `group:default/team-${i % 50}`,
      domain: `domain-${i % domains}`,
    },
    relations: [
      { type: 'partOf', targetRef: `domain:default/domain-${i % domains}` },
    ],
  }));
}

export function domainEntities(count: number): Entity[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: {
      name: `domain-${i}`,
      namespace: 'default',
      title: `Value stream ${i}`,
    },
    spec: { owner: `group:default/team-${i}` },
  }));
}

/** What PartitionScanner judges: the snapshot a scan reads from the catalog. */
export function catalogSnapshot(specs: RepoSpec[], patterns: PatternDef[]) {
  const domainOfSystem = new Map<string, string>();
  for (const system of systemEntities(40, 8)) {
    domainOfSystem.set(
      `system:default/${system.metadata.name}`,
      `domain:default/${system.spec!.domain}`,
    );
  }
  return {
    patterns: patterns.map(patternEntity) as unknown as PatternEntityV1alpha1[],
    entities: specs.map(componentEntity),
    domainOfSystem,
  };
}
