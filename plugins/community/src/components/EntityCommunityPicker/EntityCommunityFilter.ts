import { Entity } from '@backstage/catalog-model';
import type { FilterPredicate } from '@backstage/filter-predicates';
import { EntityFilter } from '@backstage/plugin-catalog-react';
import {
  RELATION_LEADS,
  RELATION_PARTICIPATES_IN,
  RELATION_PUBLISHED_BY,
  RELATION_SUPPORTED_BY,
  refKey,
} from '@copkit/plugin-community-common';

/**
 * The relations that put an entity in a community's scope: services and
 * value streams it supports, templates and patterns it publishes, the
 * people and groups taking part in it or leading it.
 */
export const COMMUNITY_SCOPE_RELATIONS = [
  RELATION_SUPPORTED_BY,
  RELATION_PUBLISHED_BY,
  RELATION_PARTICIPATES_IN,
  RELATION_LEADS,
];

/**
 * Keeps the catalog entities related to any of the chosen communities.
 * `values` are community refs, compared lower-cased as the catalog stores
 * relation targets.
 *
 * @public
 */
export class EntityCommunityFilter implements EntityFilter {
  /** The chosen community refs, lower-cased. */
  readonly values: string[];

  constructor(values: string[]) {
    this.values = values.map(refKey);
  }

  /**
   * The backend query for catalog-react 4 and later: any scope relation
   * pointing at a chosen community.
   */
  getCatalogQuery(): FilterPredicate {
    return {
      // A field name built from the relation type is never an operator such
      // as `$all`, which TypeScript cannot see in a computed key.
      $any: COMMUNITY_SCOPE_RELATIONS.map(
        type =>
          ({ [`relations.${type}`]: { $in: this.values } } as FilterPredicate),
      ),
    };
  }

  /** The same test on the frontend, which older catalog-react relies on. */
  filterEntity(entity: Entity): boolean {
    return (entity.relations ?? []).some(
      relation =>
        COMMUNITY_SCOPE_RELATIONS.includes(relation.type) &&
        this.values.includes(refKey(relation.targetRef)),
    );
  }

  /** Kept in the catalog page's URL as `filters[community]`. */
  toQueryValue(): string[] {
    return this.values;
  }
}
