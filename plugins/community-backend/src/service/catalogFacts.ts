import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogEntityReader } from './CatalogEntityReader';
import {
  ANNOTATION_COMMUNITY,
  CommunityEntityV1alpha1,
  RELATION_PUBLISHED_BY,
  refKey,
  refKindKey,
  specRefKey,
  specRefKeys,
} from '@copkit/plugin-community-common';
import { titleOf } from '../engine/entityFacts';

// Small readers of catalog entities shared by the insight modules. Refs are
// in -common's key form (refKey), the form the stored results use.

/** Targets of an entity's relations of one type, optionally of one kind. */
export function relationTargets(
  entity: Entity,
  type: string,
  kind?: string,
): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => refKey(relation.targetRef))
    .filter(ref => !kind || refKindKey(ref) === refKindKey({ kind }));
}

/** The community's chat link, from `metadata.links` with `type: chat`. */
export function chatUrlOf(entity: Entity): string | undefined {
  return entity.metadata.links?.find(link => link.type === 'chat')?.url;
}

/** A Community's spec refs, in key form. */
export function communityFacts(community: CommunityEntityV1alpha1) {
  const { spec } = community;
  const holder = community;
  return {
    ref: refKey(community),
    title: titleOf(community),
    owner: specRefKey(spec.owner, { defaultKind: 'Group', holder }),
    leads: specRefKeys(spec.leads, { defaultKind: 'User', holder }),
    members: specRefKeys(spec.members, { defaultKind: 'User', holder }),
    services: specRefKeys(spec.services, { defaultKind: 'Component', holder }),
    valueStreams: specRefKeys(spec.valueStreams, {
      defaultKind: 'Domain',
      holder,
    }),
  };
}

export type CommunityFacts = ReturnType<typeof communityFacts>;

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
  const annotated = specRefKey(
    template.metadata.annotations?.[ANNOTATION_COMMUNITY],
    { defaultKind: 'Community', holder: template },
  );
  const annotatedCommunity =
    annotated && refKindKey(annotated) === 'community' ? [annotated] : [];
  const related = relationTargets(template, RELATION_PUBLISHED_BY, 'community');
  return [...new Set([...annotatedCommunity, ...related])];
}
