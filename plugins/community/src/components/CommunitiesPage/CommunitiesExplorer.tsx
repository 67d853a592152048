import { EmptyState, Progress, WarningPanel } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { serverMessage } from '../../lib/errors';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { CommunityFilterBar } from './CommunityFilterBar';
import { CommunityTree } from './CommunityTree';
import {
  CommunityFilters,
  filterChoices,
  matchesFilters,
  parseFilters,
  writeFilters,
} from './communityFilters';
import { nestCommunities } from './communityTree';
import { CommunityView } from './communityViews';
import { useCommunityViews } from './useCommunityViews';

const useStyles = makeStyles(theme => ({
  warning: { marginBottom: theme.spacing(2) },
  count: { marginBottom: theme.spacing(2) },
}));

/**
 * Every Community in the catalog as cards, chapters nested under their
 * parents, with search and filters kept in the URL query string.
 */
export function CommunitiesExplorer() {
  const { loading, error, views, valueStreamTitles, adoptionError } =
    useCommunityViews();
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <CommunityErrorPanel
        title="Could not load the communities from the catalog"
        error={error}
      />
    );
  }
  if (!views?.length) {
    return (
      <EmptyState
        missing="data"
        title="No communities in the catalog yet"
        description="A community appears here once an entity of kind Community (apiVersion copkit.io/v1alpha1) is registered in the catalog, for example from a catalog-info.yaml through the catalog import page."
      />
    );
  }
  return (
    <FilteredCommunities
      views={views}
      valueStreamTitles={valueStreamTitles ?? new Map()}
      adoptionError={adoptionError}
    />
  );
}

function FilteredCommunities(props: {
  views: CommunityView[];
  valueStreamTitles: Map<string, string>;
  adoptionError?: Error;
}) {
  const { views, valueStreamTitles, adoptionError } = props;
  const classes = useStyles();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = parseFilters(searchParams);
  const setFilters = useCallback(
    (next: CommunityFilters) =>
      setSearchParams(params => writeFilters(params, next), { replace: true }),
    [setSearchParams],
  );
  const choices = useMemo(() => filterChoices(views), [views]);
  const shown = views.filter(view => matchesFilters(view, filters));
  const tree = nestCommunities(shown);

  return (
    <>
      {adoptionError && (
        <div className={classes.warning}>
          <WarningPanel
            severity="info"
            title="Adoption rates are not shown"
            message={serverMessage(adoptionError)}
          />
        </div>
      )}
      <CommunityFilterBar
        filters={filters}
        onChange={setFilters}
        valueStreams={choices.valueStreams}
        valueStreamTitles={valueStreamTitles}
        types={choices.types}
      />
      <Typography
        variant="body2"
        color="textSecondary"
        role="status"
        className={classes.count}
      >
        {shown.length === views.length
          ? `${views.length} communities`
          : `${shown.length} of ${views.length} communities`}
      </Typography>
      {tree.length > 0 ? (
        <CommunityTree nodes={tree} label="Communities" />
      ) : (
        <EmptyState
          missing="data"
          title="No community matches these filters"
          description={
            filters.mine
              ? 'You lead or take part in none of the communities that match. Join one from its page, or clear the filters to see them all.'
              : 'Try other words, or clear the filters to see every community.'
          }
          action={
            <Button
              variant="contained"
              color="primary"
              onClick={() => setFilters({ q: '', mine: false })}
            >
              Clear filters
            </Button>
          }
        />
      )}
    </>
  );
}
