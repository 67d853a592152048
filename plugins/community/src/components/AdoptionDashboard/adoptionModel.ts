import {
  AdoptionCounts,
  AdoptionSummaryCell,
  UNASSIGNED,
} from '@copkit/plugin-community-common';

/** One cell of the heatmap: counts summed over the communities of a pattern. */
export type HeatmapCell = AdoptionCounts & {
  patternRef: string;
  valueStream: string;
};

/** The pattern × value stream matrix the heatmap draws. */
export type HeatmapModel = {
  patterns: string[];
  valueStreams: string[];
  /** By `cellKey(pattern, valueStream)`; absent where there is no data. */
  cells: Map<string, HeatmapCell>;
};

/** The map key of a cell. */
export function cellKey(patternRef: string, valueStream: string): string {
  return `${patternRef}|${valueStream}`;
}

function rate(counts: AdoptionCounts): number | null {
  const judged = counts.adopted + counts.notAdopted;
  return judged === 0 ? null : counts.adopted / judged;
}

/** Value streams by ref; services without one go last. */
function byValueStream(a: string, b: string): number {
  if (a === UNASSIGNED || b === UNASSIGNED) {
    return Number(a === UNASSIGNED) - Number(b === UNASSIGNED);
  }
  return a.localeCompare(b);
}

/**
 * Rows and columns from the summary. A pattern listed by more than one
 * community is one row: its counts are summed and the rate recomputed the
 * way the backend computes it.
 */
export function buildHeatmap(items: AdoptionSummaryCell[]): HeatmapModel {
  const cells = new Map<string, HeatmapCell>();
  for (const item of items) {
    const key = cellKey(item.patternRef, item.valueStream);
    const previous = cells.get(key);
    const sum: HeatmapCell = previous
      ? {
          ...previous,
          adopted: previous.adopted + item.adopted,
          notAdopted: previous.notAdopted + item.notAdopted,
          exempt: previous.exempt + item.exempt,
          errors: previous.errors + item.errors,
          applicable: previous.applicable + item.applicable,
        }
      : {
          patternRef: item.patternRef,
          valueStream: item.valueStream,
          adopted: item.adopted,
          notAdopted: item.notAdopted,
          exempt: item.exempt,
          errors: item.errors,
          applicable: item.applicable,
          rate: item.rate,
        };
    cells.set(key, { ...sum, rate: previous ? rate(sum) : item.rate });
  }
  const unique = (values: string[]) => [...new Set(values)];
  return {
    patterns: unique(items.map(item => item.patternRef)),
    valueStreams: unique(items.map(item => item.valueStream)).sort(
      byValueStream,
    ),
    cells,
  };
}

/**
 * Single-hue blue scale (ColorBrewer "Blues", 5 classes): ordered by
 * lightness, so it reads in greyscale and for every kind of colour blindness.
 */
export const RATE_BINS = [
  { from: 0, to: 0.2, color: '#eff3ff', text: '#000000' },
  { from: 0.2, to: 0.4, color: '#bdd7e7', text: '#000000' },
  { from: 0.4, to: 0.6, color: '#6baed6', text: '#000000' },
  { from: 0.6, to: 0.8, color: '#3182bd', text: '#ffffff' },
  { from: 0.8, to: 1, color: '#08519c', text: '#ffffff' },
] as const;

/** The bin of a rate; 1 (100%) falls in the last one. */
export function rateBin(value: number) {
  return (
    RATE_BINS.find(bin => value >= bin.from && value < bin.to) ??
    RATE_BINS[RATE_BINS.length - 1]
  );
}

/** A rate as a whole percentage, or "no rate" for 0/0. */
export function formatRate(value: number | null): string {
  return value === null ? 'no rate' : `${Math.round(value * 100)}%`;
}
