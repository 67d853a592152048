import { identityApiRef, useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import {
  isCommunityEntity,
  refKey,
  refKindKey,
} from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { NAME_FIELDS, entitiesByRefs } from '../../lib/catalog';
import {
  CommunityView,
  buildCommunityViews,
  memberGroupRefs,
  valueStreamRefs,
} from './communityViews';

/** What the communities page loads. */
export type CommunityViewsState = {
  loading: boolean;
  /** The catalog could not be read: nothing to show. */
  error?: Error;
  views?: CommunityView[];
  /** Titles of the value streams (Domains), by lower-case ref. */
  valueStreamTitles?: Map<string, string>;
  /** The adoption summary could not be read: rates are not shown. */
  adoptionError?: Error;
};

/**
 * Every Community in the catalog, with participants counted, adoption
 * summed and the user's part in it. Adoption comes from one summary request
 * for all communities; when it fails the page still shows the communities.
 */
export function useCommunityViews(): CommunityViewsState {
  const catalogApi = useApi(catalogApiRef);
  const communityApi = useApi(communityApiRef);
  const identityApi = useApi(identityApiRef);

  const { value, loading, error } = useAsync(async () => {
    const [response, identity, adoption] = await Promise.all([
      catalogApi.getEntities({ filter: { kind: 'Community' } }),
      identityApi.getBackstageIdentity(),
      communityApi.getAdoptionSummary().then(
        cells => ({ cells, error: undefined }),
        (reason: Error) => ({ cells: undefined, error: reason }),
      ),
    ]);
    const communities = response.items.filter(isCommunityEntity);
    const related = await entitiesByRefs(
      catalogApi,
      [...memberGroupRefs(communities), ...valueStreamRefs(communities)],
      [...NAME_FIELDS, 'relations'],
    );
    const views = buildCommunityViews({
      communities,
      groups: related.filter(entity => refKindKey(entity) === 'group'),
      adoptionCells: adoption.cells,
      ownershipEntityRefs: identity.ownershipEntityRefs,
    });
    const valueStreamTitles = new Map(
      related
        .filter(entity => refKindKey(entity) === 'domain')
        .map(entity => [
          refKey(entity),
          entity.metadata.title ?? entity.metadata.name,
        ]),
    );
    return { views, valueStreamTitles, adoptionError: adoption.error };
  }, [catalogApi, communityApi, identityApi]);

  return { loading, error, ...value };
}
