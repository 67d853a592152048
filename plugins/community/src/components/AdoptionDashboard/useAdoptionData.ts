import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { UNASSIGNED } from '@copkit/plugin-community-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { communityApiRef } from '../../api';
import { TITLE_FIELDS, Titles, titlesOf } from '../../lib/communityChoices';
import { HeatmapModel, buildHeatmap } from './adoptionModel';

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
