import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATIONS,
  ALL_RELATION_PAIRS,
  DefaultCatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import { CatalogFilterBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  COMMUNITY_RELATIONS,
  COMMUNITY_RELATION_PAIRS,
} from '@copkit/plugin-community-common';

/**
 * The "Community" filter on the catalog index page
 * (`catalog-filter:community/community`).
 *
 * @alpha
 */
export const catalogCommunityFilter = CatalogFilterBlueprint.make({
  name: 'community',
  params: {
    loader: () =>
      import('./components/EntityCommunityPicker').then(m => (
        <m.EntityCommunityPicker />
      )),
  },
});

/**
 * A module of the catalog graph plugin that adds copkit's relations to
 * Backstage's own, so the relations card and the graph page draw them with
 * no `relations` or `relationPairs` in app-config. Config written for the
 * card or the page still wins.
 *
 * @alpha
 */
export const catalogGraphCommunityRelationsModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [
    ApiBlueprint.make({
      params: defineParams =>
        defineParams({
          api: catalogGraphApiRef,
          deps: {},
          factory: () =>
            new DefaultCatalogGraphApi({
              knownRelations: [...ALL_RELATIONS, ...COMMUNITY_RELATIONS],
              knownRelationPairs: [
                ...ALL_RELATION_PAIRS,
                ...COMMUNITY_RELATION_PAIRS,
              ],
              defaultRelationTypes: { exclude: [] },
            }),
        }),
    }),
  ],
});
