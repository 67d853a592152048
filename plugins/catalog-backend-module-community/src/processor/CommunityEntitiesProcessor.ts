import {
  CompoundEntityRef,
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import {
  communityEntityV1alpha1Validator,
  getTemplateCommunityRef,
  isCommunityEntity,
  isPatternEntity,
  patternEntityV1alpha1Validator,
  RELATION_PUBLISHED_BY,
  RELATION_PUBLISHES,
} from '@copkit/plugin-community-common';
import {
  communityRelations,
  patternRelations,
  RelationSpec,
} from './relationSpecs';

/**
 * Adds the Community and Pattern kinds (`copkit.io/v1alpha1`) to the catalog.
 *
 * Pure: it reads nothing but the entity it is given. It validates both kinds
 * and emits every relation in both directions, including `publishedBy` /
 * `publishes` for scaffolder Templates annotated with `copkit.io/community`.
 *
 * @public
 */
export class CommunityEntitiesProcessor implements CatalogProcessor {
  private readonly validators = [
    communityEntityV1alpha1Validator,
    patternEntityV1alpha1Validator,
  ];

  /** {@inheritDoc @backstage/plugin-catalog-node#CatalogProcessor.getProcessorName} */
  getProcessorName(): string {
    return 'CommunityEntitiesProcessor';
  }

  /** Validates Community and Pattern entities, and the community annotation of Templates. */
  async validateEntityKind(entity: Entity): Promise<boolean> {
    for (const validator of this.validators) {
      if (await validator.check(entity)) {
        return true;
      }
    }
    return false;
  }

  /** Emits both directions of every copkit relation. */
  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    if (isCommunityEntity(entity)) {
      emitFromSpec(entity, communityRelations, emit);
    } else if (isPatternEntity(entity)) {
      emitFromSpec(entity, patternRelations, emit);
    } else if (entity.kind === 'Template') {
      emitTemplateCommunity(entity, emit);
    }
    return entity;
  }
}

function emitPair(
  emit: CatalogProcessorEmit,
  self: CompoundEntityRef,
  other: CompoundEntityRef,
  spec: Pick<RelationSpec, 'type' | 'reverse'>,
) {
  emit(
    processingResult.relation({ source: self, type: spec.type, target: other }),
  );
  emit(
    processingResult.relation({
      source: other,
      type: spec.reverse,
      target: self,
    }),
  );
}

function emitFromSpec(
  entity: Entity,
  specs: RelationSpec[],
  emit: CatalogProcessorEmit,
) {
  const self = getCompoundEntityRef(entity);
  for (const spec of specs) {
    const value = (entity.spec as Record<string, unknown>)[spec.field];
    for (const ref of ([] as unknown[]).concat(value ?? []) as string[]) {
      const other = parseEntityRef(ref, {
        defaultKind: spec.defaultKind,
        defaultNamespace: self.namespace,
      });
      emitPair(emit, self, other, spec);
    }
  }
}

function emitTemplateCommunity(entity: Entity, emit: CatalogProcessorEmit) {
  const community = getTemplateCommunityRef(entity);
  if (community) {
    emitPair(emit, getCompoundEntityRef(entity), community, {
      type: RELATION_PUBLISHED_BY,
      reverse: RELATION_PUBLISHES,
    });
  }
}
