import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { AdoptionCounts } from '@copkit/plugin-community-common';
import { RawTimestamp } from './tables';

/**
 * Rows per INSERT and values per IN list: far below SQLite's 32766 and
 * PostgreSQL's 65535 bound parameters even with a dozen columns a row.
 */
export const CHUNK_SIZE = 500;

export function chunk<T>(items: readonly T[], size = CHUNK_SIZE): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}

export function toIsoString(value: RawTimestamp): string {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (typeof value === 'number') {
    return new Date(value).toISOString();
  }
  // SQLite's own CURRENT_TIMESTAMP format is UTC without a zone designator.
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d+)?$/.test(value)) {
    return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
  }
  return new Date(value).toISOString();
}

/** True when the error is a violated primary key or unique index. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return (
    code === '23505' || // PostgreSQL unique_violation
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'ER_DUP_ENTRY'
  );
}

/**
 * Narrows a query to rows whose column is one of `values`, with a single
 * bound parameter on PostgreSQL and SQLite so that sets of any size (every
 * entity a user may see) stay within the engines' parameter limits.
 */
export function whereInSet(
  knex: Knex,
  query: Knex.QueryBuilder,
  column: string,
  values: Iterable<string>,
): Knex.QueryBuilder {
  const list = [...values];
  if (list.length <= CHUNK_SIZE) {
    return query.whereIn(column, list);
  }
  const json = JSON.stringify(list);
  switch (knex.client.dialect) {
    case 'postgresql':
      return query.whereRaw(
        '?? IN (SELECT json_array_elements_text(?::json))',
        [column, json],
      );
    case 'sqlite3':
      return query.whereRaw('?? IN (SELECT value FROM json_each(?))', [
        column,
        json,
      ]);
    default:
      return query.where(inner => {
        for (const part of chunk(list)) {
          inner.orWhereIn(column, part);
        }
      });
  }
}

/** Counts with `applicable` and `rate` as AdoptionCounts documents them. */
export function toCounts(raw: {
  adopted: number | string | null;
  not_adopted: number | string | null;
  exempt: number | string | null;
  errors: number | string | null;
}): AdoptionCounts {
  // PostgreSQL returns SUM over integers as a bigint string.
  const adopted = Number(raw.adopted ?? 0);
  const notAdopted = Number(raw.not_adopted ?? 0);
  const exempt = Number(raw.exempt ?? 0);
  const errors = Number(raw.errors ?? 0);
  const judged = adopted + notAdopted;
  return {
    adopted,
    notAdopted,
    exempt,
    errors,
    applicable: adopted + notAdopted + errors,
    rate: judged === 0 ? null : adopted / judged,
  };
}

/**
 * Selects the four status counts of adoption results, for a GROUP BY over
 * the results table.
 */
export function statusCountColumns(knex: Knex): Knex.Raw[] {
  const count = (status: string, alias: string) =>
    knex.raw(`SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) AS ??`, [
      status,
      alias,
    ]);
  return [
    count('adopted', 'adopted'),
    count('not-adopted', 'not_adopted'),
    count('exempt', 'exempt'),
    count('error', 'errors'),
  ];
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The day `days` days before `day` (both YYYY-MM-DD, UTC). */
export function daysBefore(day: string, days: number): string {
  const time = Date.parse(`${day}T00:00:00Z`);
  if (!DAY_PATTERN.test(day) || Number.isNaN(time)) {
    throw new InputError(`Invalid day '${day}', expected YYYY-MM-DD`);
  }
  return new Date(time - days * 86_400_000).toISOString().slice(0, 10);
}
