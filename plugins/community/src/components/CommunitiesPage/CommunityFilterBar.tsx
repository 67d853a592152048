import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import { parseEntityRef } from '@backstage/catalog-model';
import { CommunityFilters, hasFilters } from './communityFilters';

const useStyles = makeStyles(theme => ({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
  search: { flex: '1 1 280px' },
  select: { minWidth: 180 },
}));

function valueStreamLabel(ref: string, titles: Map<string, string>): string {
  return (
    titles.get(ref) ??
    humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'domain' })
  );
}

/** Search box and filters; every change goes straight to `onChange`. */
export function CommunityFilterBar(props: {
  filters: CommunityFilters;
  onChange: (filters: CommunityFilters) => void;
  valueStreams: string[];
  valueStreamTitles: Map<string, string>;
  types: string[];
}) {
  const { filters, onChange, valueStreams, valueStreamTitles, types } = props;
  const classes = useStyles();
  return (
    <div className={classes.bar} role="search" aria-label="Filter communities">
      <TextField
        className={classes.search}
        id="communities-search"
        label="Search communities"
        type="search"
        variant="outlined"
        size="small"
        value={filters.q}
        onChange={event => onChange({ ...filters, q: event.target.value })}
      />
      <TextField
        className={classes.select}
        id="communities-value-stream"
        select
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        label="Value stream"
        variant="outlined"
        size="small"
        value={filters.valueStream ?? ''}
        onChange={event =>
          onChange({ ...filters, valueStream: event.target.value || undefined })
        }
      >
        <option value="">All value streams</option>
        {valueStreams.map(ref => (
          <option key={ref} value={ref}>
            {valueStreamLabel(ref, valueStreamTitles)}
          </option>
        ))}
      </TextField>
      <TextField
        className={classes.select}
        id="communities-type"
        select
        SelectProps={{ native: true }}
        InputLabelProps={{ shrink: true }}
        label="Type"
        variant="outlined"
        size="small"
        value={filters.type ?? ''}
        onChange={event =>
          onChange({ ...filters, type: event.target.value || undefined })
        }
      >
        <option value="">All types</option>
        {types.map(type => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </TextField>
      <FormControlLabel
        control={
          <Switch
            checked={filters.mine}
            color="primary"
            onChange={event =>
              onChange({ ...filters, mine: event.target.checked })
            }
          />
        }
        label="Only communities I lead or take part in"
      />
      {hasFilters(filters) && (
        <Button variant="text" onClick={() => onChange({ q: '', mine: false })}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
