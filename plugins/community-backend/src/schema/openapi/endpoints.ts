import {
  AdoptionResult,
  AdoptionSummaryCell,
  AdoptionTrendPoint,
  CommunitySummary,
  Page,
  RelevantCommunity,
  ScanSummary,
} from '@copkit/plugin-community-common';
import { spec } from './generated/router';

// Request and response types of every operation in openapi.yaml, in the
// shape Backstage's generated servers use (`#method|path`). Written by
// hand: the type-level check at the bottom fails `tsc` when an operation
// or a query parameter is added to or removed from the document without
// being added here.

type EntityPath = { kind: string; namespace: string; name: string };
type NamedPath = { namespace: string; name: string };

/** The operations of the community API. */
export type EndpointMap = {
  '#get|/patterns/{namespace}/{name}/adoption': {
    path: NamedPath;
    query: {
      status?: string[];
      valueStream?: string[];
      limit?: number;
      cursor?: string;
    };
    response: Page<AdoptionResult>;
  };
  '#get|/adoption/summary': {
    query: { community?: string; valueStream?: string[] };
    response: { items: AdoptionSummaryCell[] };
  };
  '#get|/adoption/trends': {
    query: {
      pattern?: string;
      valueStream?: string;
      community?: string;
      from?: string;
      to?: string;
    };
    response: { items: AdoptionTrendPoint[] };
  };
  '#get|/adoption/export.csv': {
    query: {
      community?: string;
      pattern?: string;
      status?: string[];
      valueStream?: string[];
    };
    response: string;
  };
  '#get|/entities/{kind}/{namespace}/{name}/adoption': {
    path: EntityPath;
    query: {};
    response: { items: AdoptionResult[] };
  };
  '#get|/entities/{kind}/{namespace}/{name}/communities': {
    path: EntityPath;
    query: {};
    response: { items: RelevantCommunity[] };
  };
  '#get|/communities/{namespace}/{name}/summary': {
    path: NamedPath;
    query: {};
    response: CommunitySummary;
  };
  '#post|/scans': {
    query: {};
    response: ScanSummary;
  };
  '#get|/scans/latest': {
    query: {};
    response: ScanSummary;
  };
};

// --- kept in step with the document ------------------------------------

type Paths = (typeof spec)['paths'];
type Parameters = (typeof spec)['components']['parameters'];

type SpecEndpoint = {
  [P in keyof Paths]: `#${Extract<keyof Paths[P], string>}|${Extract<
    P,
    string
  >}`;
}[keyof Paths];

type Operation<E> = E extends `#${infer M}|${infer P}`
  ? P extends keyof Paths
    ? M extends keyof Paths[P]
      ? Paths[P][M]
      : never
    : never
  : never;

type Resolve<R> = R extends { $ref: `#/components/parameters/${infer N}` }
  ? N extends keyof Parameters
    ? Parameters[N]
    : never
  : R;

type SpecQueryNames<E> = Operation<E> extends {
  parameters: ReadonlyArray<infer R>;
}
  ? Extract<Resolve<R>, { in: 'query'; name: string }>['name']
  : never;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type EndpointsInStep = Same<SpecEndpoint, keyof EndpointMap>;
type QueriesInStep = {
  [E in keyof EndpointMap]: Same<
    SpecQueryNames<E>,
    keyof EndpointMap[E]['query']
  >;
}[keyof EndpointMap];

/** Fails to compile when EndpointMap and openapi.yaml disagree. */
export const endpointMapMatchesDocument: EndpointsInStep & QueriesInStep = true;
