import { Knex } from 'knex';
import {
  AdoptionEvidence,
  AdoptionResult,
  AdoptionStatus,
} from '@copkit/plugin-community-common';
import { ResultFilter, StoredResult } from './AdoptionStore';
import { RawResultRow } from './tables';
import { toIsoString, whereInSet } from './util';

/** The columns of a result the API returns (not partition, fingerprint). */
export const RESULT_COLUMNS = [
  'entity_ref',
  'pattern_ref',
  'community_ref',
  'value_stream',
  'owner_ref',
  'status',
  'evidence',
  'tried',
  'notes',
  'reason',
  'exempt_until',
  'checked_at',
] as const;

export function toResultRow(result: StoredResult): RawResultRow {
  return {
    entity_ref: result.entityRef,
    pattern_ref: result.patternRef,
    community_ref: result.communityRef,
    value_stream: result.valueStream,
    owner_ref: result.ownerRef ?? null,
    status: result.status,
    evidence: JSON.stringify(result.evidence),
    tried: JSON.stringify(result.tried),
    notes: JSON.stringify(result.notes),
    reason: result.reason ?? null,
    exempt_until: result.exemptUntil ?? null,
    checked_at: new Date(result.checkedAt),
    partition: result.partition,
    fingerprint: result.fingerprint,
  };
}

export function fromResultRow(
  row: Pick<RawResultRow, (typeof RESULT_COLUMNS)[number]>,
): AdoptionResult {
  return {
    entityRef: row.entity_ref,
    patternRef: row.pattern_ref,
    communityRef: row.community_ref,
    valueStream: row.value_stream,
    ...(row.owner_ref ? { ownerRef: row.owner_ref } : {}),
    status: row.status as AdoptionStatus,
    evidence: JSON.parse(row.evidence) as AdoptionEvidence[],
    tried: JSON.parse(row.tried) as string[],
    notes: JSON.parse(row.notes) as string[],
    ...(row.reason ? { reason: row.reason } : {}),
    ...(row.exempt_until ? { exemptUntil: row.exempt_until } : {}),
    checkedAt: toIsoString(row.checked_at),
  };
}

/** True when the filter can match no row at all. */
export function matchesNothing(filter: ResultFilter): boolean {
  return (
    filter.visibleEntityRefs?.size === 0 ||
    filter.statuses?.length === 0 ||
    filter.valueStreams?.length === 0
  );
}

/** Narrows a query of the results table by every field the filter sets. */
export function applyResultFilter(
  knex: Knex,
  query: Knex.QueryBuilder,
  filter: ResultFilter,
): Knex.QueryBuilder {
  if (filter.patternRef !== undefined) {
    query.where('pattern_ref', filter.patternRef);
  }
  if (filter.entityRef !== undefined) {
    query.where('entity_ref', filter.entityRef);
  }
  if (filter.communityRef !== undefined) {
    query.where('community_ref', filter.communityRef);
  }
  if (filter.statuses) {
    query.whereIn('status', filter.statuses);
  }
  if (filter.valueStreams) {
    whereInSet(knex, query, 'value_stream', filter.valueStreams);
  }
  if (filter.visibleEntityRefs) {
    whereInSet(knex, query, 'entity_ref', filter.visibleEntityRefs);
  }
  return query;
}
