import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_HAS_MEMBER,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_VALUE_STREAM } from '@copkit/plugin-community-common';
import { AdoptionStore } from '../database/AdoptionStore';
import {
  kindOf,
  normalizeRef,
  refOf,
  relationTargets,
  templateCommunityRefs,
  titleOf,
} from './catalogFacts';
import { VisibleEntityRefs } from './CatalogVisibility';

/** Where Backstage's scaffolder records the template an entity came from. */
export const ANNOTATION_SOURCE_TEMPLATE = 'backstage.io/source-template';

const MAX_ADOPTED_PATTERNS = 500;

/** What "find my community" knows about the service it is asked about. */
export type ServiceContext = {
  ref: string;
  title: string;
  /** The template the service was created from, when the caller can read it. */
  template?: { ref: string; title: string; communityRefs: string[] };
  /** Patterns the service has adopted, from the stored results. */
  adoptedPatternRefs: string[];
  /** The owning group (or user) and, for a group, its member users. */
  owner?: {
    ref: string;
    title: string;
    kind: string;
    members: Array<{ ref: string; title: string }>;
  };
  /** The service's value stream (a Domain). */
  valueStream?: { ref: string; title: string };
};

type Lookup = {
  catalog: CatalogService;
  credentials: BackstageCredentials;
};

/** Gathers the facts about a service, reading as the caller. */
export async function loadServiceContext(
  options: Lookup & {
    entity: Entity;
    store: AdoptionStore;
    visibleEntityRefs: VisibleEntityRefs;
  },
): Promise<ServiceContext> {
  const { entity, store, visibleEntityRefs } = options;
  const ref = refOf(entity);
  const [template, owner, valueStream, adopted] = await Promise.all([
    loadTemplate(entity, options),
    loadOwner(entity, options),
    loadValueStream(entity, options),
    store.listResults(
      { entityRef: ref, statuses: ['adopted'], visibleEntityRefs },
      { offset: 0, limit: MAX_ADOPTED_PATTERNS },
    ),
  ]);
  return {
    ref,
    title: titleOf(entity),
    template,
    owner,
    valueStream,
    adoptedPatternRefs: adopted.items.map(result => result.patternRef),
  };
}

async function loadTemplate(entity: Entity, { catalog, credentials }: Lookup) {
  const ref = normalizeRef(
    entity.metadata.annotations?.[ANNOTATION_SOURCE_TEMPLATE],
    'Template',
    entity,
  );
  if (!ref) return undefined;
  const template = await catalog.getEntityByRef(ref, { credentials });
  if (!template) return undefined;
  return {
    ref,
    title: titleOf(template),
    communityRefs: templateCommunityRefs(template),
  };
}

async function loadOwner(entity: Entity, { catalog, credentials }: Lookup) {
  const ref =
    relationTargets(entity, RELATION_OWNED_BY)[0] ??
    normalizeRef(entity.spec?.owner, 'Group', entity);
  if (!ref) return undefined;
  const owner = await catalog.getEntityByRef(ref, { credentials });
  const kind = kindOf(ref);
  const memberRefs =
    owner && kind === 'group'
      ? relationTargets(owner, RELATION_HAS_MEMBER, 'user')
      : [];
  const members = memberRefs.length
    ? (
        await catalog.getEntitiesByRefs(
          {
            entityRefs: memberRefs,
            fields: [
              'kind',
              'metadata.namespace',
              'metadata.name',
              'metadata.title',
              'spec.profile.displayName',
            ],
          },
          { credentials },
        )
      ).items.filter((user): user is Entity => Boolean(user))
    : [];
  return {
    ref,
    title: titleOf(owner, ref),
    kind,
    members: members.map(user => ({ ref: refOf(user), title: titleOf(user) })),
  };
}

/**
 * The value stream: the `copkit.io/value-stream` annotation, else the
 * domain of the service's system.
 */
async function loadValueStream(
  entity: Entity,
  { catalog, credentials }: Lookup,
) {
  let ref = normalizeRef(
    entity.metadata.annotations?.[ANNOTATION_VALUE_STREAM],
    'Domain',
    entity,
  );
  if (!ref) {
    const systemRef =
      relationTargets(entity, RELATION_PART_OF, 'system')[0] ??
      normalizeRef(entity.spec?.system, 'System', entity);
    const system = systemRef
      ? await catalog.getEntityByRef(systemRef, { credentials })
      : undefined;
    ref = system
      ? relationTargets(system, RELATION_PART_OF, 'domain')[0] ??
        normalizeRef(system.spec?.domain, 'Domain', system)
      : undefined;
  }
  if (!ref) return undefined;
  const domain = await catalog.getEntityByRef(ref, { credentials });
  return { ref, title: titleOf(domain, ref) };
}
