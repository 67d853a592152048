import { AdoptionStatus } from '@copkit/plugin-community-common';

/** What the adoption dashboard keeps in the query string. */
export type AdoptionUrlState = {
  community?: string;
  /** The selected heatmap cell. */
  cell?: { patternRef: string; valueStream: string };
  /** The statuses listed for the cell; undefined for every status. */
  status?: AdoptionStatus;
  /** Patterns whose trend lines are drawn. */
  trends: string[];
};

/** The statuses a cell lists (a cell holds no not-applicable services). */
const STATUSES: AdoptionStatus[] = [
  'adopted',
  'not-adopted',
  'exempt',
  'error',
];

/**
 * The dashboard's state from the query string; an unknown status falls back
 * to the default (not adopted).
 */
export function parseAdoptionUrl(params: URLSearchParams): AdoptionUrlState {
  const pattern = params.get('pattern');
  const valueStream = params.get('valueStream');
  const status = params.get('status') ?? 'not-adopted';
  return {
    community: params.get('community') || undefined,
    cell:
      pattern && valueStream ? { patternRef: pattern, valueStream } : undefined,
    status:
      status === 'all'
        ? undefined
        : STATUSES.find(known => known === status) ?? 'not-adopted',
    trends: [...new Set(params.getAll('trend').filter(Boolean))],
  };
}

/**
 * The query string for a state, keeping parameters the dashboard does not
 * own. The default status (not adopted) is left out to keep links short.
 */
export function writeAdoptionUrl(
  previous: URLSearchParams,
  state: AdoptionUrlState,
): URLSearchParams {
  const params = new URLSearchParams(previous);
  for (const key of [
    'community',
    'pattern',
    'valueStream',
    'status',
    'trend',
  ]) {
    params.delete(key);
  }
  if (state.community) params.set('community', state.community);
  if (state.cell) {
    params.set('pattern', state.cell.patternRef);
    params.set('valueStream', state.cell.valueStream);
    if (state.status !== 'not-adopted') {
      params.set('status', state.status ?? 'all');
    }
  }
  for (const pattern of state.trends) params.append('trend', pattern);
  return params;
}
