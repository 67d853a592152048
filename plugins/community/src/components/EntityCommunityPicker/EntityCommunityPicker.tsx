import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  DefaultEntityFilters,
  catalogApiRef,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import ListItemText from '@material-ui/core/ListItemText';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useEffect, useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { EntityCommunityFilter } from './EntityCommunityFilter';

type CommunityFilters = DefaultEntityFilters & {
  community?: EntityCommunityFilter;
};

const title = (entity: Entity) => entity.metadata.title ?? entity.metadata.name;

function fromQuery(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return [value].flat();
}

/**
 * A "Community" filter for the catalog index page: keeps the entities a
 * community supports, publishes, or has taking part in or leading it.
 *
 * @public
 */
export function EntityCommunityPicker() {
  const catalogApi = useApi(catalogApiRef);
  const { updateFilters, queryParameters } = useEntityList<CommunityFilters>();
  const initial = useMemo(
    () => fromQuery(queryParameters.community),
    [queryParameters.community],
  );
  const [selected, setSelected] = useState<string[]>(initial);
  useEffect(() => setSelected(initial), [initial]);

  const communities = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Community' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(entity => ({
        ref: stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        title: title(entity),
      }))
      .sort((a, b) => a.title.localeCompare(b.title, 'en-US'));
  }, [catalogApi]);

  useEffect(() => {
    updateFilters({
      community: selected.length
        ? new EntityCommunityFilter(selected)
        : undefined,
    });
  }, [selected, updateFilters]);

  // Nothing to choose from: say nothing rather than offer an empty list.
  if (!communities.error && !communities.value?.length && !selected.length) {
    return null;
  }

  const titleOf = (ref: string) =>
    communities.value?.find(c => c.ref === ref)?.title ?? ref;

  return (
    <Box pb={1} pt={1}>
      <TextField
        select
        id="catalog-community-picker"
        fullWidth
        variant="outlined"
        size="small"
        label="Community"
        value={selected}
        helperText={communities.error ? 'Communities could not be read' : ''}
        SelectProps={{
          multiple: true,
          renderValue: value => (value as string[]).map(titleOf).join(', '),
        }}
        onChange={event =>
          setSelected(event.target.value as unknown as string[])
        }
      >
        {(communities.value ?? []).map(community => (
          <MenuItem key={community.ref} value={community.ref}>
            <Checkbox checked={selected.includes(community.ref)} size="small" />
            <ListItemText primary={community.title} />
          </MenuItem>
        ))}
      </TextField>
    </Box>
  );
}
