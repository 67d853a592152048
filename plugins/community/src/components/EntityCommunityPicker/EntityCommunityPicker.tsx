import {
  CatalogAutocomplete,
  DefaultEntityFilters,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import { useEffect, useMemo, useState } from 'react';
import { useCommunityChoices } from '../../lib/communityChoices';
import { EntityCommunityFilter } from './EntityCommunityFilter';

type CommunityFilters = DefaultEntityFilters & {
  community?: EntityCommunityFilter;
};

type CommunityOption = { ref: string; title: string };

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
  const { updateFilters, queryParameters } = useEntityList<CommunityFilters>();
  const initial = useMemo(
    () => fromQuery(queryParameters.community),
    [queryParameters.community],
  );
  const [selected, setSelected] = useState<string[]>(initial);
  useEffect(() => setSelected(initial), [initial]);

  const communities = useCommunityChoices();

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

  const options = communities.value ?? [];
  return (
    <Box pb={1} pt={1}>
      <CatalogAutocomplete<CommunityOption, true>
        multiple
        disableCloseOnSelect
        label="Community"
        name="community-picker"
        options={options}
        value={options.filter(option => selected.includes(option.ref))}
        getOptionLabel={option => option.title}
        getOptionSelected={(option, value) => option.ref === value.ref}
        onChange={(_event, value) => setSelected(value.map(v => v.ref))}
        renderOption={(option, { selected: checked }) => (
          <FormControlLabel
            control={<Checkbox checked={checked} size="small" />}
            label={option.title}
            onClick={event => event.preventDefault()}
          />
        )}
        TextFieldProps={{
          helperText: communities.error
            ? 'Communities could not be read; try again later'
            : undefined,
        }}
      />
    </Box>
  );
}
