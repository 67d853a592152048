import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { refKey } from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';

// Titles of catalog entities, and the communities to choose from, shared by
// the adoption dashboard's filter and the catalog page's Community filter.

export const TITLE_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
];

/** Lower-case entity ref to its title (or name). */
export type Titles = Map<string, string>;

/** Entity ref (key form) to title, for the entities given. */
export function titlesOf(entities: (Entity | undefined)[]): Titles {
  return new Map(
    entities
      .filter((entity): entity is Entity => Boolean(entity))
      .map(entity => [
        refKey(entity),
        entity.metadata.title ?? entity.metadata.name,
      ]),
  );
}

/** Every Community in the catalog, as `{ ref, title }` sorted by title. */
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
