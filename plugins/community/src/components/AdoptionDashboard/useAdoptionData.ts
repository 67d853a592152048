import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { UNASSIGNED, refKey } from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { communityApiRef } from '../../api';
import { HeatmapModel, buildHeatmap } from './adoptionModel';

const TITLE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
];

/** Lower-case entity ref to its title (or name). */
export type Titles = Map<string, string>;

function titlesOf(entities: (Entity | undefined)[]): Titles {
  return new Map(
    entities
      .filter((entity): entity is Entity => Boolean(entity))
      .map(entity => [
        refKey(entity),
        entity.metadata.title ?? entity.metadata.name,
      ]),
  );
}

/**
 * The heatmap of one community (or of all), with the titles of its
 * patterns and value streams from the catalog. Titles are a nicety: when
 * the catalog cannot give them the refs are shown instead.
 */
export function useAdoptionHeatmap(community: string | undefined) {
  const catalogApi = useApi(catalogApiRef);
  const communityApi = useApi(communityApiRef);
  return useAsyncRetry(async (): Promise<{
    heatmap: HeatmapModel;
    titles: Titles;
  }> => {
    const items = await communityApi.getAdoptionSummary({ community });
    const heatmap = buildHeatmap(items);
    const refs = [...heatmap.patterns, ...heatmap.valueStreams].filter(
      ref => ref !== UNASSIGNED,
    );
    const titles = refs.length
      ? await catalogApi
          .getEntitiesByRefs({ entityRefs: refs, fields: TITLE_FIELDS })
          .then(
            response => titlesOf(response.items),
            () => new Map<string, string>(),
          )
      : new Map<string, string>();
    return { heatmap, titles };
  }, [catalogApi, communityApi, community]);
}

/** Every Community in the catalog, for the filter, by title. */
export function useCommunityChoices() {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const response = await catalogApi.getEntities({
      filter: { kind: 'Community' },
      fields: TITLE_FIELDS,
    });
    return [...titlesOf(response.items)]
      .map(([ref, title]) => ({ ref, title }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);
}
