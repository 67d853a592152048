import { CommunityView } from './communityViews';

/** What the page is filtered by; every field lives in the URL query string. */
export type CommunityFilters = {
  /** Free text, matched against title, name, description, domain, type and tags. */
  q: string;
  /** A Domain ref; only communities supporting it. */
  valueStream?: string;
  /** A `spec.type`, e.g. `guild`. */
  type?: string;
  /** Only communities the user leads or takes part in. */
  mine: boolean;
};

/** Reads the filters from the query string. */
export function parseFilters(params: URLSearchParams): CommunityFilters {
  return {
    q: params.get('q') ?? '',
    valueStream: params.get('valueStream') || undefined,
    type: params.get('type') || undefined,
    mine: params.get('mine') === 'true',
  };
}

/** Writes the filters into a query string, leaving unrelated keys alone. */
export function writeFilters(
  params: URLSearchParams,
  filters: CommunityFilters,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined) =>
    value ? next.set(key, value) : next.delete(key);
  set('q', filters.q);
  set('valueStream', filters.valueStream);
  set('type', filters.type);
  set('mine', filters.mine ? 'true' : undefined);
  return next;
}

/** True when any filter narrows the list. */
export function hasFilters(filters: CommunityFilters): boolean {
  return Boolean(
    filters.q.trim() || filters.valueStream || filters.type || filters.mine,
  );
}

function haystack(view: CommunityView): string {
  const { metadata } = view.entity;
  return [
    view.title,
    metadata.name,
    metadata.description,
    view.domain,
    view.type,
    ...(metadata.tags ?? []),
  ]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('en-US');
}

/** Whether a community passes every filter; search words must all appear. */
export function matchesFilters(
  view: CommunityView,
  filters: CommunityFilters,
): boolean {
  const words = filters.q.toLocaleLowerCase('en-US').split(/\s+/);
  const text = haystack(view);
  if (!words.every(word => text.includes(word))) return false;
  if (
    filters.valueStream &&
    !view.valueStreams.includes(filters.valueStream.toLocaleLowerCase('en-US'))
  ) {
    return false;
  }
  if (
    filters.type &&
    view.type.toLocaleLowerCase('en-US') !==
      filters.type.toLocaleLowerCase('en-US')
  ) {
    return false;
  }
  return !filters.mine || view.involvement !== undefined;
}

/** The value streams and types to offer as filter choices, sorted. */
export function filterChoices(views: CommunityView[]) {
  const valueStreams = [...new Set(views.flatMap(view => view.valueStreams))];
  const types = [...new Set(views.map(view => view.type))];
  return { valueStreams: valueStreams.sort(), types: types.sort() };
}
