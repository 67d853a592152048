import { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import {
  AdoptionResult,
  AdoptionStatus,
  AdoptionSummaryCell,
  AdoptionTrendPoint,
  CommunitySummary,
  Page,
  RelevantCommunity,
  ScanSummary,
} from '@copkit/plugin-community-common';

/**
 * An entity, as an entity or a string ref such as `component:default/checkout-service`.
 *
 * @public
 */
export type CommunityEntityRef = CompoundEntityRef | string;

/**
 * Filters for {@link CommunityApi.getPatternAdoption}.
 *
 * @public
 */
export type PatternAdoptionQuery = {
  status?: AdoptionStatus[];
  /** Domain refs of value streams, or `unassigned`. */
  valueStreams?: string[];
  /** Items per page, 1 to 500. */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
};

/**
 * Filters for {@link CommunityApi.getAdoptionSummary}.
 *
 * @public
 */
export type AdoptionSummaryQuery = {
  /** Community ref; without it, the cells of every community. */
  community?: string;
  valueStreams?: string[];
};

/**
 * Filters for {@link CommunityApi.getAdoptionTrends}.
 *
 * @public
 */
export type AdoptionTrendsQuery = {
  pattern?: string;
  valueStream?: string;
  community?: string;
  /** First day, YYYY-MM-DD (UTC). */
  from?: string;
  /** Last day, YYYY-MM-DD (UTC). */
  to?: string;
};

/**
 * Filters for {@link CommunityApi.exportAdoptionCsv}; one of `community`
 * and `pattern` is required.
 *
 * @public
 */
export type AdoptionExportQuery = {
  community?: string;
  pattern?: string;
  status?: AdoptionStatus[];
  valueStreams?: string[];
};

/**
 * The copkit community backend (`/api/community`), as the frontend uses it.
 *
 * Every method rejects with a `ResponseError` from `@backstage/errors` when
 * the backend answers with an error; its `cause.message` is the server's
 * message (for example which permission is missing).
 *
 * @public
 */
export interface CommunityApi {
  /** "Find my community": the communities relevant to an entity, strongest first. */
  getRelevantCommunities(
    entity: CommunityEntityRef,
  ): Promise<RelevantCommunity[]>;
  /** Results of one entity against every pattern, with evidence. */
  getEntityAdoption(entity: CommunityEntityRef): Promise<AdoptionResult[]>;
  /** One page of the results of every entity against one pattern. */
  getPatternAdoption(
    pattern: CommunityEntityRef,
    query?: PatternAdoptionQuery,
  ): Promise<Page<AdoptionResult>>;
  /** The pattern × value stream matrix of counts and rates. */
  getAdoptionSummary(
    query?: AdoptionSummaryQuery,
  ): Promise<AdoptionSummaryCell[]>;
  /** Daily adoption counts, oldest day first. */
  getAdoptionTrends(query?: AdoptionTrendsQuery): Promise<AdoptionTrendPoint[]>;
  /** Counts for one community and its adoption rate. */
  getCommunitySummary(community: CommunityEntityRef): Promise<CommunitySummary>;
  /** The most recent scan, or undefined when none has run yet. */
  getLatestScan(): Promise<ScanSummary | undefined>;
  /** Starts a scan of every partition now. */
  startScan(): Promise<ScanSummary>;
  /** Results of a community's or a pattern's entities as CSV text. */
  exportAdoptionCsv(query: AdoptionExportQuery): Promise<string>;
}

/**
 * The {@link CommunityApi}.
 *
 * @public
 */
export const communityApiRef = createApiRef<CommunityApi>({
  id: 'plugin.community.service',
});
