import {
  AdoptionResult,
  AdoptionStatus,
  AdoptionSummaryCell,
  AdoptionTrendPoint,
} from '@copkit/plugin-community-common';
import {
  AdoptionStore,
  PageRequest,
  ResultFilter,
  TrendFilter,
} from '../../database/AdoptionStore';

/** An adoption result with defaults for the fields a test does not care about. */
export function result(
  entityRef: string,
  patternRef: string,
  status: AdoptionStatus,
  more: Partial<AdoptionResult> = {},
): AdoptionResult {
  return {
    entityRef,
    patternRef,
    communityRef: 'community:default/devops-practice',
    valueStream: 'domain:default/payments',
    status,
    evidence: [],
    tried: [],
    notes: [],
    checkedAt: '2026-11-20T10:00:00.000Z',
    ...more,
  };
}

function matches(row: AdoptionResult, filter: ResultFilter): boolean {
  return (
    (!filter.patternRef || row.patternRef === filter.patternRef) &&
    (!filter.entityRef || row.entityRef === filter.entityRef) &&
    (!filter.communityRef || row.communityRef === filter.communityRef) &&
    (!filter.statuses || filter.statuses.includes(row.status)) &&
    (!filter.valueStreams || filter.valueStreams.includes(row.valueStream)) &&
    (!filter.visibleEntityRefs || filter.visibleEntityRefs.has(row.entityRef))
  );
}

/**
 * The read side of the store in memory, with the ordering and filtering
 * the interface promises. Scan bookkeeping is not used by the router.
 */
export class FakeAdoptionStore implements AdoptionStore {
  results: AdoptionResult[] = [];
  trendPoints: AdoptionTrendPoint[] = [];
  readonly trendFilters: TrendFilter[] = [];
  readonly resultFilters: ResultFilter[] = [];

  async listResults(filter: ResultFilter, page: PageRequest) {
    this.resultFilters.push(filter);
    const rows = this.results
      .filter(row => matches(row, filter))
      .sort(
        (a, b) =>
          a.entityRef.localeCompare(b.entityRef) ||
          a.patternRef.localeCompare(b.patternRef),
      );
    return {
      items: rows.slice(page.offset, page.offset + page.limit),
      totalCount: rows.length,
    };
  }

  async summarize(filter: ResultFilter): Promise<AdoptionSummaryCell[]> {
    this.resultFilters.push(filter);
    const cells = new Map<string, AdoptionSummaryCell>();
    for (const row of this.results.filter(r => matches(r, filter))) {
      const key = `${row.patternRef}|${row.valueStream}`;
      const cell = cells.get(key) ?? {
        patternRef: row.patternRef,
        communityRef: row.communityRef,
        valueStream: row.valueStream,
        adopted: 0,
        notAdopted: 0,
        exempt: 0,
        errors: 0,
        applicable: 0,
        rate: null,
      };
      if (row.status === 'adopted') cell.adopted++;
      if (row.status === 'not-adopted') cell.notAdopted++;
      if (row.status === 'exempt') cell.exempt++;
      if (row.status === 'error') cell.errors++;
      cell.applicable = cell.adopted + cell.notAdopted + cell.errors;
      const judged = cell.adopted + cell.notAdopted;
      cell.rate = judged ? cell.adopted / judged : null;
      cells.set(key, cell);
    }
    return [...cells.values()].sort(
      (a, b) =>
        a.patternRef.localeCompare(b.patternRef) ||
        a.valueStream.localeCompare(b.valueStream),
    );
  }

  async trends(filter: TrendFilter): Promise<AdoptionTrendPoint[]> {
    this.trendFilters.push(filter);
    return this.trendPoints.filter(
      point => point.day >= filter.from && point.day <= filter.to,
    );
  }

  createScan = notUsed;
  getRunningScan = notUsed;
  getLatestScan = notUsed;
  claimPartition = notUsed;
  finishPartition = notUsed;
  getPartitionStatus = notUsed;
  failStaleScans = notUsed;
  getRepositoryEtags = notUsed;
  setRepositoryEtag = notUsed;
  getFingerprints = notUsed;
  upsertResults = notUsed;
  removeDeparted = notUsed;
  writeSnapshot = notUsed;
}

async function notUsed(): Promise<never> {
  throw new Error('not used by the router');
}

/** A trend point with the counts a test gives. */
export function trendPoint(
  day: string,
  adopted: number,
  notAdopted: number,
): AdoptionTrendPoint {
  const judged = adopted + notAdopted;
  return {
    day,
    adopted,
    notAdopted,
    exempt: 0,
    errors: 0,
    applicable: judged,
    rate: judged ? adopted / judged : null,
  };
}

const LOGGING = 'pattern:default/structured-logging';

/** Results of the Acme fixture entities. */
export function acmeResults(): AdoptionResult[] {
  return [
    result('component:default/payment-gateway', LOGGING, 'adopted', {
      ownerRef: 'group:default/payments-platform',
      evidence: [
        {
          rule: 'dependency: maven net.logstash.logback:logstash-logback-encoder >=7.0.0',
          path: 'pom.xml',
          line: 42,
        },
        { rule: 'dependsOn: resource:default/log-pipeline' },
      ],
    }),
    result(
      'component:default/payment-gateway',
      'pattern:default/spring-boot-3-baseline',
      'adopted',
      {
        communityRef: 'community:default/java-chapter',
        ownerRef: 'group:default/payments-platform',
        evidence: [{ rule: 'sourceTemplate: template:default/java-service' }],
      },
    ),
    result('component:default/checkout-service', LOGGING, 'not-adopted', {
      ownerRef: 'group:default/checkout-team',
      tried: ['dependsOn: resource:default/log-pipeline'],
    }),
    result('component:default/refund-service', LOGGING, 'exempt', {
      ownerRef: 'group:default/payments-platform',
      reason: 'Logging moves with the Elasticsearch 8 upgrade',
    }),
    result('component:default/storefront-bff', LOGGING, 'adopted', {
      valueStream: 'domain:default/storefront',
      ownerRef: 'group:default/web-frontend',
    }),
    result(
      'component:default/storefront-bff',
      'pattern:default/helm-chart-per-service',
      'not-adopted',
      { valueStream: 'domain:default/storefront' },
    ),
    result(
      'component:default/checkout-service',
      'pattern:default/idempotent-payment-requests',
      'error',
      {
        communityRef: 'community:default/payment-experience',
        reason: 'repository not found',
      },
    ),
  ];
}
