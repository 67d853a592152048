import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { isCommunityEntity } from '@copkit/plugin-community-common';
import { summarizeCommunity } from './communitySummary';
import { findCommunities } from './findCommunities';
import { CommunityApiRouter, RouteDeps, requireEntity } from './routeDeps';

/** Catalog-derived insights: find my community, community summaries. */
export function registerInsightRoutes(
  router: CommunityApiRouter,
  { access, store, catalog, entities, now }: RouteDeps,
) {
  router.get(
    '/entities/:kind/:namespace/:name/communities',
    async (req, res) => {
      const credentials = await access.read(req);
      const ref = stringifyEntityRef(req.params);
      const visible = await access.visibleEntityRefs(credentials);
      const entity = await requireEntity(catalog, ref, credentials, visible);
      const items = await findCommunities({
        entity,
        entities,
        credentials,
        store,
        visibleEntityRefs: visible,
      });
      res.json({ items });
    },
  );

  router.get('/communities/:namespace/:name/summary', async (req, res) => {
    const credentials = await access.read(req);
    const ref = stringifyEntityRef({ kind: 'Community', ...req.params });
    const visible = await access.visibleEntityRefs(credentials);
    const community = await requireEntity(catalog, ref, credentials, visible);
    if (!isCommunityEntity(community)) {
      throw new NotFoundError(`No entity ${ref} in the catalog`);
    }
    res.json(
      await summarizeCommunity({
        community,
        entities,
        credentials,
        store,
        visibleEntityRefs: visible,
        now: now(),
      }),
    );
  });
}
