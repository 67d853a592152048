import { InputError, NotAllowedError } from '@backstage/errors';
import { AdoptionResult, Page, refKey } from '@copkit/plugin-community-common';
import { Response } from 'express';
import { isVisible } from './CatalogVisibility';
import { csvFileName } from './csv';
import {
  formatDay,
  nextCursor,
  parseDayRange,
  parseOptionalRef,
  parsePage,
  parseStatuses,
  parseValueStream,
  parseValueStreams,
} from './params';
import { adoptionCsvChunks, allResults } from './results';
import { CommunityApiRouter, RouteDeps, requireEntity } from './routeDeps';

/** Writes a chunk, waiting while the client is slower than the store. */
async function write(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk)) return;
  await new Promise<void>(resolve => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** Results, roll-ups, trends and the CSV export. */
export function registerAdoptionRoutes(
  router: CommunityApiRouter,
  { access, store, catalog, now }: RouteDeps,
) {
  router.get('/patterns/:namespace/:name/adoption', async (req, res) => {
    const credentials = await access.read(req);
    const patternRef = refKey({ kind: 'Pattern', ...req.params });
    const statuses = parseStatuses(req.query.status);
    const valueStreams = parseValueStreams(req.query.valueStream);
    const page = parsePage(req.query);
    const visible = await access.visibleEntityRefs(credentials);
    await requireEntity(catalog, patternRef, credentials, visible);
    const { items, totalCount } = await store.listResults(
      { patternRef, statuses, valueStreams, visibleEntityRefs: visible },
      page,
    );
    const cursor = nextCursor(page, items.length, totalCount);
    const body: Page<AdoptionResult> = {
      items,
      totalCount,
      ...(cursor ? { nextCursor: cursor } : {}),
    };
    res.json(body);
  });

  router.get('/adoption/summary', async (req, res) => {
    const credentials = await access.read(req);
    const communityRef = parseOptionalRef(
      'community',
      req.query.community,
      'Community',
    );
    const valueStreams = parseValueStreams(req.query.valueStream);
    const visible = await access.visibleEntityRefs(credentials);
    const cells = await store.summarize({
      communityRef,
      valueStreams,
      visibleEntityRefs: visible,
    });
    res.json({
      items: cells.filter(cell => isVisible(visible, cell.patternRef)),
    });
  });

  router.get('/adoption/trends', async (req, res) => {
    const credentials = await access.read(req);
    const { query } = req;
    const patternRef = parseOptionalRef('pattern', query.pattern, 'Pattern');
    const communityRef = parseOptionalRef(
      'community',
      query.community,
      'Community',
    );
    const valueStream =
      query.valueStream === undefined
        ? undefined
        : parseValueStream(query.valueStream);
    const range = parseDayRange(query, now());
    if ((await access.visibleEntityRefs(credentials)) !== undefined) {
      throw new NotAllowedError(
        'Adoption trends are daily totals over every entity and cannot be narrowed to the entities you may see; they need read access to the whole catalog',
      );
    }
    const items = await store.trends({
      patternRef,
      valueStream,
      communityRef,
      ...range,
    });
    res.json({ items });
  });

  router.get('/entities/:kind/:namespace/:name/adoption', async (req, res) => {
    const credentials = await access.read(req);
    const entityRef = refKey(req.params);
    const visible = await access.visibleEntityRefs(credentials);
    await requireEntity(catalog, entityRef, credentials, visible);
    const items = await allResults(store, {
      entityRef,
      visibleEntityRefs: visible,
    });
    res.json({ items });
  });

  router.get('/adoption/export.csv', async (req, res) => {
    const credentials = await access.read(req);
    const communityRef = parseOptionalRef(
      'community',
      req.query.community,
      'Community',
    );
    const patternRef = parseOptionalRef(
      'pattern',
      req.query.pattern,
      'Pattern',
    );
    if (!communityRef && !patternRef) {
      throw new InputError(
        'community or pattern is required: the export holds the results of one community (community=community:default/name) or one pattern (pattern=pattern:default/name)',
      );
    }
    const statuses = parseStatuses(req.query.status);
    const valueStreams = parseValueStreams(req.query.valueStream);
    const visible = await access.visibleEntityRefs(credentials);
    const chunks = adoptionCsvChunks(store, {
      communityRef,
      patternRef,
      statuses,
      valueStreams,
      visibleEntityRefs: visible,
    });
    // The first page is read before answering, so that a failing store
    // still gets a proper error response.
    const first = await chunks.next();
    const fileName = csvFileName([
      'adoption',
      ...[communityRef, patternRef].filter((ref): ref is string => !!ref),
      formatDay(now()),
    ]);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    if (!first.done) await write(res, first.value);
    for await (const chunk of chunks) {
      if (res.destroyed) break; // the client went away: stop reading
      await write(res, chunk);
    }
    res.end();
  });
}
