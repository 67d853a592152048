import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  DEFAULT_NAMESPACE,
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogEntityReader } from './CatalogEntityReader';
import {
  ANNOTATION_COMMUNITY,
  CommunityEntityV1alpha1,
  RELATION_PUBLISHED_BY,
} from '@copkit/plugin-community-common';

// Small readers of catalog entities shared by the insight modules. Refs
// written in specs are normalised the way the catalog resolves them: the
// field's default kind, the holding entity's namespace, lower case.

/** The ref of an entity as the store and relations write it. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity);
}

/** What people call an entity: its title, display name or name. */
export function titleOf(entity: Entity | undefined, fallbackRef = ''): string {
  if (!entity) {
    return fallbackRef ? parseEntityRef(fallbackRef).name : '';
  }
  const profile = (entity.spec?.profile ?? {}) as { displayName?: unknown };
  if (entity.metadata.title) return entity.metadata.title;
  if (typeof profile.displayName === 'string' && profile.displayName) {
    return profile.displayName;
  }
  return entity.metadata.name;
}

/** A ref written in `holder`'s spec, normalised; undefined when malformed. */
export function normalizeRef(
  value: unknown,
  defaultKind: string,
  holder?: Entity,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, {
        defaultKind,
        defaultNamespace: holder?.metadata.namespace ?? DEFAULT_NAMESPACE,
      }),
    );
  } catch {
    return undefined;
  }
}

export function normalizeRefs(
  values: unknown,
  defaultKind: string,
  holder?: Entity,
): string[] {
  if (!Array.isArray(values)) return [];
  const refs = values
    .map(value => normalizeRef(value, defaultKind, holder))
    .filter((ref): ref is string => ref !== undefined);
  return [...new Set(refs)];
}

export function kindOf(ref: string): string {
  return parseEntityRef(ref).kind.toLocaleLowerCase('en-US');
}

/** Targets of an entity's relations of one type, optionally of one kind. */
export function relationTargets(
  entity: Entity,
  type: string,
  kind?: string,
): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef.toLocaleLowerCase('en-US'))
    .filter(ref => !kind || kindOf(ref) === kind.toLocaleLowerCase('en-US'));
}

/** The community's chat link, from `metadata.links` with `type: chat`. */
export function chatUrlOf(entity: Entity): string | undefined {
  return entity.metadata.links?.find(link => link.type === 'chat')?.url;
}

/** A Community's spec refs, normalised. */
export function communityFacts(community: CommunityEntityV1alpha1) {
  const { spec } = community;
  return {
    ref: refOf(community),
    title: titleOf(community),
    owner: normalizeRef(spec.owner, 'Group', community),
    leads: normalizeRefs(spec.leads, 'User', community),
    members: normalizeRefs(spec.members, 'User', community),
    services: normalizeRefs(spec.services, 'Component', community),
    valueStreams: normalizeRefs(spec.valueStreams, 'Domain', community),
  };
}

export type CommunityFacts = ReturnType<typeof communityFacts>;

/** What the insight modules need to know about a Pattern. */
export type PatternFacts = {
  ref: string;
  title: string;
  status?: string;
  communityRef?: string;
  templateRefs: string[];
};

/** The fields {@link patternFacts} reads. */
export const PATTERN_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.status',
  'spec.community',
  'spec.templates',
];

/** A Pattern entity's facts, refs normalised. */
export function patternFacts(pattern: Entity): PatternFacts {
  return {
    ref: refOf(pattern),
    title: titleOf(pattern),
    status:
      typeof pattern.spec?.status === 'string'
        ? pattern.spec.status
        : undefined,
    communityRef: normalizeRef(pattern.spec?.community, 'Community', pattern),
    templateRefs: normalizeRefs(pattern.spec?.templates, 'Template', pattern),
  };
}

/** The catalog's entities, and who is asking. */
export type CatalogLookup = {
  entities: CatalogEntityReader;
  credentials: BackstageCredentials;
};

/**
 * The communities a Template is published by: its `copkit.io/community`
 * annotation and its `publishedBy` relations.
 */
export function templateCommunityRefs(template: Entity): string[] {
  const annotated = normalizeRef(
    template.metadata.annotations?.[ANNOTATION_COMMUNITY],
    'Community',
    template,
  );
  const annotatedCommunity =
    annotated && kindOf(annotated) === 'community' ? [annotated] : [];
  const related = relationTargets(template, RELATION_PUBLISHED_BY, 'community');
  return [...new Set([...annotatedCommunity, ...related])];
}
