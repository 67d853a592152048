import { parseEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AdoptionResult,
  AdoptionSummaryCell,
  AdoptionTrendPoint,
  CommunitySummary,
  Page,
  RelevantCommunity,
  ScanSummary,
} from '@copkit/plugin-community-common';
import {
  AdoptionExportQuery,
  AdoptionSummaryQuery,
  AdoptionTrendsQuery,
  CommunityApi,
  CommunityEntityRef,
  PatternAdoptionQuery,
} from './CommunityApi';

type Query = Record<string, string | number | string[] | undefined>;

/**
 * {@link CommunityApi} over HTTP, through the app's `discoveryApi` and
 * `fetchApi` (which adds the user's token).
 *
 * @public
 */
export class CommunityClient implements CommunityApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  /** {@inheritDoc CommunityApi.getRelevantCommunities} */
  async getRelevantCommunities(
    entity: CommunityEntityRef,
  ): Promise<RelevantCommunity[]> {
    const body = await this.getJson<{ items: RelevantCommunity[] }>(
      `${entityPath(entity)}/communities`,
    );
    return body.items;
  }

  /** {@inheritDoc CommunityApi.getEntityAdoption} */
  async getEntityAdoption(
    entity: CommunityEntityRef,
  ): Promise<AdoptionResult[]> {
    const body = await this.getJson<{ items: AdoptionResult[] }>(
      `${entityPath(entity)}/adoption`,
    );
    return body.items;
  }

  /** {@inheritDoc CommunityApi.getPatternAdoption} */
  getPatternAdoption(
    pattern: CommunityEntityRef,
    query: PatternAdoptionQuery = {},
  ): Promise<Page<AdoptionResult>> {
    return this.getJson(
      `${namedPath('patterns', pattern, 'pattern')}/adoption`,
      {
        status: query.status,
        valueStream: query.valueStreams,
        limit: query.limit,
        cursor: query.cursor,
      },
    );
  }

  /** {@inheritDoc CommunityApi.getAdoptionSummary} */
  async getAdoptionSummary(
    query: AdoptionSummaryQuery = {},
  ): Promise<AdoptionSummaryCell[]> {
    const body = await this.getJson<{ items: AdoptionSummaryCell[] }>(
      '/adoption/summary',
      { community: query.community, valueStream: query.valueStreams },
    );
    return body.items;
  }

  /** {@inheritDoc CommunityApi.getAdoptionTrends} */
  async getAdoptionTrends(
    query: AdoptionTrendsQuery = {},
  ): Promise<AdoptionTrendPoint[]> {
    const body = await this.getJson<{ items: AdoptionTrendPoint[] }>(
      '/adoption/trends',
      { ...query },
    );
    return body.items;
  }

  /** {@inheritDoc CommunityApi.getCommunitySummary} */
  getCommunitySummary(
    community: CommunityEntityRef,
  ): Promise<CommunitySummary> {
    return this.getJson(
      `${namedPath('communities', community, 'community')}/summary`,
    );
  }

  /** {@inheritDoc CommunityApi.getLatestScan} */
  async getLatestScan(): Promise<ScanSummary | undefined> {
    const response = await this.fetch('/scans/latest');
    // 404 is the documented answer before the first scan.
    if (response.status === 404) {
      return undefined;
    }
    return (await ensureOk(response)).json();
  }

  /** {@inheritDoc CommunityApi.startScan} */
  async startScan(): Promise<ScanSummary> {
    const response = await this.fetch('/scans', {}, 'POST');
    return (await ensureOk(response)).json();
  }

  /** {@inheritDoc CommunityApi.exportAdoptionCsv} */
  async exportAdoptionCsv(query: AdoptionExportQuery): Promise<string> {
    const response = await this.fetch('/adoption/export.csv', {
      community: query.community,
      pattern: query.pattern,
      status: query.status,
      valueStream: query.valueStreams,
    });
    return (await ensureOk(response)).text();
  }

  private async getJson<T>(path: string, query: Query = {}): Promise<T> {
    const response = await this.fetch(path, query);
    return (await ensureOk(response)).json();
  }

  private async fetch(
    path: string,
    query: Query = {},
    method: string = 'GET',
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('community');
    const search = toSearch(query);
    return this.fetchApi.fetch(
      `${baseUrl}${path}${search ? `?${search}` : ''}`,
      { method },
    );
  }
}

/** Rethrows an error answer with the server's message as `cause`. */
async function ensureOk(response: Response): Promise<Response> {
  if (!response.ok) {
    throw await ResponseError.fromResponse(response);
  }
  return response;
}

function toSearch(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value].flat()) {
      if (item !== undefined && item !== '') params.append(key, String(item));
    }
  }
  return params.toString();
}

function entityPath(entity: CommunityEntityRef): string {
  const { kind, namespace, name } = parseEntityRef(entity);
  return `/entities/${[kind.toLocaleLowerCase('en-US'), namespace, name]
    .map(encodeURIComponent)
    .join('/')}`;
}

function namedPath(
  collection: string,
  entity: CommunityEntityRef,
  defaultKind: string,
): string {
  const { namespace, name } = parseEntityRef(entity, { defaultKind });
  return `/${collection}/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}`;
}
