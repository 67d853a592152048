import diagnostics from 'node:diagnostics_channel';
import { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

/** Requests of one route as the server saw them. */
export type RouteTimes = { count: number; totalMs: number };

/** What the backend in this process served while the meter ran. */
export type ServerUsage = {
  /** `METHOD /api/<plugin>/<route>`, with entity names left out. */
  routes: Record<string, RouteTimes>;
  /** CPU time (user + system) this process used, all threads. */
  cpuMs: number;
  wallMs: number;
};

/**
 * `GET /api/catalog/entities/by-name/component/default/x` becomes
 * `GET /api/catalog/entities/by-name/:kind/:namespace/:name`; a catalog
 * list keeps its filter (`GET /api/catalog/entities?filter=kind=pattern`).
 */
function routeOf(method: string, url: string): string {
  const [path, search] = url.split('?');
  const filter = new URLSearchParams(search).getAll('filter');
  const route = path
    .replace(
      /\/entities\/by-name\/.*$/,
      '/entities/by-name/:kind/:namespace/:name',
    )
    .replace(
      /^\/api\/community\/entities\/[^/]+\/[^/]+\/[^/]+\//,
      '/api/community/entities/:kind/:namespace/:name/',
    );
  const list = route.endsWith('/api/catalog/entities') && filter.length;
  return `${method} ${route}${
    list ? `?${filter.map(f => `filter=${f.toLowerCase()}`).join('&')}` : ''
  }`;
}

type ServerMessage = { request: IncomingMessage };

/**
 * Times every request the HTTP servers of this process answer, from its
 * arrival to the end of its response, by route: the community plugin's and
 * the catalog calls it makes over HTTP inside the same backend. Uses Node's
 * `http.server.*` diagnostics channels, so nothing in the backend changes.
 */
export class ServerMeter {
  // The route is read on arrival: Express rewrites `url` while routing.
  #started = new WeakMap<IncomingMessage, { at: number; route: string }>();
  #routes: Record<string, RouteTimes> = {};
  #cpu = process.cpuUsage();
  #wall = performance.now();

  readonly #onStart = (message: unknown) => {
    const { request } = message as ServerMessage;
    this.#started.set(request, {
      at: performance.now(),
      route: routeOf(request.method ?? '?', request.url ?? ''),
    });
  };

  readonly #onFinish = (message: unknown) => {
    const { request } = message as ServerMessage;
    const start = this.#started.get(request);
    if (start === undefined) return;
    const times = (this.#routes[start.route] ??= { count: 0, totalMs: 0 });
    times.count += 1;
    times.totalMs += performance.now() - start.at;
  };

  constructor() {
    diagnostics.subscribe('http.server.request.start', this.#onStart);
    diagnostics.subscribe('http.server.response.finish', this.#onFinish);
  }

  /** Starts a new period: forgets what was counted so far. */
  reset() {
    this.#routes = {};
    this.#cpu = process.cpuUsage();
    this.#wall = performance.now();
  }

  /** What was served since the last reset. */
  read(): ServerUsage {
    const cpu = process.cpuUsage(this.#cpu);
    return {
      routes: structuredClone(this.#routes),
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: performance.now() - this.#wall,
    };
  }

  close() {
    diagnostics.unsubscribe('http.server.request.start', this.#onStart);
    diagnostics.unsubscribe('http.server.response.finish', this.#onFinish);
  }
}
