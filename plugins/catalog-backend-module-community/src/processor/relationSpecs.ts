import {
  RELATION_CHILD_OF,
  RELATION_OWNED_BY,
  RELATION_OWNER_OF,
  RELATION_PARENT_OF,
} from '@backstage/catalog-model';
import {
  RELATION_HAS_PARTICIPANT,
  RELATION_IMPLEMENTED_BY,
  RELATION_IMPLEMENTS,
  RELATION_LEADS,
  RELATION_LED_BY,
  RELATION_PARTICIPATES_IN,
  RELATION_PUBLISHED_BY,
  RELATION_PUBLISHES,
  RELATION_SUPPORTED_BY,
  RELATION_SUPPORTS,
} from '@copkit/plugin-community-common';

/** A spec field holding one or more entity refs, and the relations it yields. */
export interface RelationSpec {
  field: string;
  defaultKind: string;
  type: string;
  reverse: string;
}

/** The relation table of docs/catalog-model.md, as data. */
export const communityRelations: RelationSpec[] = [
  {
    field: 'owner',
    defaultKind: 'Group',
    type: RELATION_OWNED_BY,
    reverse: RELATION_OWNER_OF,
  },
  {
    field: 'leads',
    defaultKind: 'User',
    type: RELATION_LED_BY,
    reverse: RELATION_LEADS,
  },
  {
    field: 'members',
    defaultKind: 'User',
    type: RELATION_HAS_PARTICIPANT,
    reverse: RELATION_PARTICIPATES_IN,
  },
  {
    field: 'valueStreams',
    defaultKind: 'Domain',
    type: RELATION_SUPPORTS,
    reverse: RELATION_SUPPORTED_BY,
  },
  {
    field: 'services',
    defaultKind: 'Component',
    type: RELATION_SUPPORTS,
    reverse: RELATION_SUPPORTED_BY,
  },
  {
    field: 'parent',
    defaultKind: 'Community',
    type: RELATION_CHILD_OF,
    reverse: RELATION_PARENT_OF,
  },
];

export const patternRelations: RelationSpec[] = [
  {
    field: 'owner',
    defaultKind: 'Group',
    type: RELATION_OWNED_BY,
    reverse: RELATION_OWNER_OF,
  },
  {
    field: 'community',
    defaultKind: 'Community',
    type: RELATION_PUBLISHED_BY,
    reverse: RELATION_PUBLISHES,
  },
  {
    field: 'templates',
    defaultKind: 'Template',
    type: RELATION_IMPLEMENTED_BY,
    reverse: RELATION_IMPLEMENTS,
  },
];
