/**
 * Where an entity stands against one pattern.
 *
 * - `adopted`: the pattern's detection rules match.
 * - `not-adopted`: the pattern applies, and its rules were tried without a match.
 * - `exempt`: the pattern lists the entity among its exemptions, and the
 *   exemption has not expired.
 * - `not-applicable`: the pattern's `appliesTo` leaves the entity out.
 * - `error`: the rules could not be judged (no source location, repository
 *   not found, unreadable manifest, rate limited, ...).
 *
 * @public
 */
export type AdoptionStatus =
  | 'adopted'
  | 'not-adopted'
  | 'exempt'
  | 'not-applicable'
  | 'error';

/**
 * Every adoption status, in the order lists and filters show them.
 *
 * @public
 */
export const ADOPTION_STATUSES: readonly AdoptionStatus[] = [
  'adopted',
  'not-adopted',
  'exempt',
  'not-applicable',
  'error',
];

/**
 * What made a rule match.
 *
 * @public
 */
export type AdoptionEvidence = {
  /** The rule that matched, as written, e.g. `file: Dockerfile contains "^FROM"`. */
  rule: string;
  /** For repository rules: the file, relative to the repository root. */
  path?: string;
  /** For `file` + `contains` and `dependency`: the 1-based line of the match. */
  line?: number;
  /** For `file` + `contains` and `dependency`: that line, cut to 200 characters. */
  text?: string;
};

/**
 * The current result of one entity against one pattern.
 *
 * @public
 */
export type AdoptionResult = {
  entityRef: string;
  patternRef: string;
  communityRef: string;
  /** Entity ref of the value stream (Domain), or `unassigned`. */
  valueStream: string;
  /** Entity ref of the owning group, when the entity has one. */
  ownerRef?: string;
  status: AdoptionStatus;
  /** For `adopted`: what matched. */
  evidence: AdoptionEvidence[];
  /** For `not-adopted` and `error`: the rules that were tried. */
  tried: string[];
  /** Things worth knowing, e.g. files skipped for being over the size cap. */
  notes: string[];
  /** For `exempt`, `not-applicable` and `error`: why. */
  reason?: string;
  /** For `exempt`: the last day of the exemption, when it has one. */
  exemptUntil?: string;
  /** ISO 8601 time of the check. */
  checkedAt: string;
};

/**
 * Counts for one pattern in one value stream.
 *
 * `applicable` counts the entities the pattern was judged on (adopted,
 * not adopted, error); exempt and not-applicable entities are not in it.
 * `rate` is adopted / (adopted + not adopted), or null when that is 0/0.
 *
 * @public
 */
export type AdoptionCounts = {
  adopted: number;
  notAdopted: number;
  exempt: number;
  errors: number;
  applicable: number;
  rate: number | null;
};

/**
 * One cell of the pattern × value stream matrix.
 *
 * @public
 */
export type AdoptionSummaryCell = AdoptionCounts & {
  patternRef: string;
  communityRef: string;
  valueStream: string;
};

/**
 * One day of an adoption trend.
 *
 * @public
 */
export type AdoptionTrendPoint = AdoptionCounts & {
  /** YYYY-MM-DD, in UTC. */
  day: string;
};

/**
 * Progress and outcome of an adoption scan.
 *
 * @public
 */
export type ScanSummary = {
  id: string;
  trigger: 'schedule' | 'manual';
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt?: string;
  partitions: { total: number; done: number; failed: number };
  repositories: { scanned: number; unchanged: number; failed: number };
  /** Entity × pattern results written. */
  results: number;
  durationMs?: number;
  /** For `failed`: what went wrong, without internals. */
  error?: string;
};

/**
 * Why a community is relevant to a service, strongest first.
 *
 * @public
 */
export type CommunityReasonKind =
  | 'named-service'
  | 'created-from-template'
  | 'adopted-pattern'
  | 'owner-leads'
  | 'owner-participates'
  | 'supports-value-stream';

/**
 * One reason a community is relevant to a service.
 *
 * @public
 */
export type CommunityReason = {
  kind: CommunityReasonKind;
  /** Plain words, e.g. `created from the Node Service template`. */
  text: string;
  /** The entity the reason goes through (template, pattern, group, domain). */
  via?: string;
};

/**
 * A community relevant to a service, with its reasons.
 *
 * @public
 */
export type RelevantCommunity = {
  communityRef: string;
  title: string;
  /** Where people talk: the community's chat link, when it has one. */
  chatUrl?: string;
  reasons: CommunityReason[];
  /** Sum of reason strengths; higher first. */
  score: number;
};

/**
 * Counts for one community.
 *
 * @public
 */
export type CommunitySummary = {
  communityRef: string;
  leads: number;
  /** People, with participating groups expanded to their members. */
  participants: number;
  patterns: { total: number; byStatus: Record<string, number> };
  templates: number;
  services: number;
  valueStreams: number;
  adoption: {
    rate: number | null;
    /** Rate 90 days ago, from the daily snapshots; null if unknown. */
    rate90DaysAgo: number | null;
    /** rate − rate90DaysAgo, or null. */
    change90Days: number | null;
  };
};

/**
 * A page of items.
 *
 * @public
 */
export type Page<T> = {
  items: T[];
  totalCount: number;
  /** Pass as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
};
