import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ADOPTION_STATUSES,
  AdoptionStatus,
  UNASSIGNED,
  parseSpecRef,
  refKey,
  refKindKey,
} from '@copkit/plugin-community-common';
import { PageRequest } from '../database/AdoptionStore';
import { spec } from '../schema/openapi/generated/router';

// Input checks the OpenAPI document cannot express: comma-separated lists,
// entity refs, calendar dates and rules between parameters. Each message
// names the parameter, says what was expected and what came.

export const DEFAULT_LIMIT = 50;

const validator = makeValidator();
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The longest part of a value an error message repeats. */
export const MAX_QUOTED_LENGTH = 100;

/**
 * A value for a "got ..." phrase, cut to its first 100 characters: an
 * answer must not grow with what the caller sent.
 */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > MAX_QUOTED_LENGTH
      ? `${JSON.stringify(value.slice(0, MAX_QUOTED_LENGTH))}… (${
          value.length
        } characters)`
      : JSON.stringify(value);
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_QUOTED_LENGTH
    ? `${text.slice(0, MAX_QUOTED_LENGTH)}…`
    : text;
}

// The OpenAPI document caps how often a parameter repeats; the same cap
// applies to the values after splitting on commas.
const MAX_VALUES = {
  status: spec.components.parameters.status.schema.maxItems,
  valueStream: spec.components.parameters.valueStreams.schema.maxItems,
};

/** Values of a repeatable parameter, also split on commas. */
function splitList(
  parameter: keyof typeof MAX_VALUES,
  values: readonly string[] | string | undefined,
): string[] {
  const list = [values ?? []]
    .flat()
    .flatMap(value => value.split(','))
    .map(value => value.trim())
    .filter(Boolean);
  const max = MAX_VALUES[parameter];
  if (list.length > max) {
    throw new InputError(
      `${parameter} must list at most ${max} values, repeated or separated by commas; got ${list.length}`,
    );
  }
  return list;
}

export function parseStatuses(
  values: readonly string[] | undefined,
): AdoptionStatus[] | undefined {
  const statuses = splitList('status', values);
  for (const status of statuses) {
    if (!(ADOPTION_STATUSES as readonly string[]).includes(status)) {
      throw new InputError(
        `status must be one of ${ADOPTION_STATUSES.join(
          ', ',
        )}; got ${quoteValue(status)}`,
      );
    }
  }
  return statuses.length
    ? [...new Set(statuses as AdoptionStatus[])]
    : undefined;
}

/**
 * An entity ref from a query parameter in the key form the store keeps
 * (`refKey`: `kind:namespace/name`, lower case). The kind must be `kind`.
 */
export function parseRefParam(
  parameter: string,
  value: string,
  kind: string,
): string {
  let ref;
  try {
    ref = parseSpecRef(value, { defaultKind: kind });
  } catch {
    ref = undefined;
  }
  if (
    !ref ||
    !validator.isValidKind(ref.kind) ||
    !validator.isValidNamespace(ref.namespace.toLocaleLowerCase('en-US')) ||
    !validator.isValidEntityName(ref.name)
  ) {
    throw new InputError(
      `${parameter} must be an entity ref such as "${refKindKey({
        kind,
      })}:default/name" (kind defaults to ${kind}); got ${quoteValue(value)}`,
    );
  }
  if (refKindKey(ref) !== refKindKey({ kind })) {
    throw new InputError(
      `${parameter} must refer to a ${kind}; got ${quoteValue(value)}`,
    );
  }
  return refKey(ref);
}

export function parseOptionalRef(
  parameter: string,
  value: string | undefined,
  kind: string,
): string | undefined {
  return value === undefined
    ? undefined
    : parseRefParam(parameter, value, kind);
}

/** A value stream: a Domain ref or `unassigned`. */
export function parseValueStream(value: string): string {
  return value === UNASSIGNED
    ? value
    : parseRefParam('valueStream', value, 'Domain');
}

export function parseValueStreams(
  values: readonly string[] | undefined,
): string[] | undefined {
  const streams = splitList('valueStream', values).map(parseValueStream);
  return streams.length ? [...new Set(streams)] : undefined;
}

/** Page of a list: `cursor` is the offset, base64url-encoded. */
export function parsePage(query: {
  limit?: number;
  cursor?: string;
}): PageRequest {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (query.cursor === undefined) {
    return { offset: 0, limit };
  }
  const decoded = Buffer.from(query.cursor, 'base64url').toString('utf8');
  const match = /^o:(\d{1,9})$/.exec(decoded);
  if (!match) {
    throw new InputError(
      `cursor must be the nextCursor of a previous page; got ${quoteValue(
        query.cursor,
      )}`,
    );
  }
  return { offset: Number(match[1]), limit };
}

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

/** The cursor of the page after `page`, when there is one. */
export function nextCursor(
  page: PageRequest,
  returned: number,
  totalCount: number,
): string | undefined {
  const next = page.offset + returned;
  return returned > 0 && next < totalCount ? encodeCursor(next) : undefined;
}

function parseDay(parameter: string, value: string): Date {
  const match = DAY.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || isNaN(date.getTime()) || formatDay(date) !== value) {
    throw new InputError(
      `${parameter} must be a date written YYYY-MM-DD; got ${quoteValue(
        value,
      )}`,
    );
  }
  return date;
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * MS_PER_DAY);
}

export const DEFAULT_TREND_DAYS = 90;
export const MAX_TREND_YEARS = 3;

/**
 * The day range of a trend: `to` defaults to today (UTC), `from` to 90 days
 * before `to`; `from` must not be after `to`, nor more than 3 years before.
 */
export function parseDayRange(
  query: { from?: string; to?: string },
  now: Date,
): { from: string; to: string } {
  const to = query.to
    ? parseDay('to', query.to)
    : parseDay('to', formatDay(now));
  const from = query.from
    ? parseDay('from', query.from)
    : addDays(to, -DEFAULT_TREND_DAYS);
  if (from > to) {
    throw new InputError(
      `from must not be after to; got from ${formatDay(
        from,
      )} and to ${formatDay(to)}`,
    );
  }
  const limit = new Date(from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_TREND_YEARS);
  if (to > limit) {
    throw new InputError(
      `to must be at most ${MAX_TREND_YEARS} years after from; got from ${formatDay(
        from,
      )} and to ${formatDay(to)}`,
    );
  }
  return { from: formatDay(from), to: formatDay(to) };
}
