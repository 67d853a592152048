import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  catalogApiRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  AdoptionCounts,
  CommunityEntityV1alpha1,
  RELATION_PUBLISHES,
  refKey,
} from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { countsByPattern, formatRate } from './communityEntities';
import { NAME_FIELDS, entitiesByRefs, relatedRefs } from '../../lib/catalog';
import { TemplateCreateButton } from '../TemplateCreateButton';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    padding: theme.spacing(0.5, 0),
    flexWrap: 'wrap',
  },
  grow: { flexGrow: 1 },
  heading: { marginTop: theme.spacing(2) },
}));

const titleOf = (entity: Entity) =>
  entity.metadata.title ?? entity.metadata.name;

function byTitle(entities: Entity[]): Entity[] {
  return [...entities].sort((a, b) => titleOf(a).localeCompare(titleOf(b)));
}

function TemplateList(props: { templates: Entity[] }) {
  const classes = useStyles();
  if (props.templates.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No templates yet: a Template joins this community with the annotation
        copkit.io/community.
      </Typography>
    );
  }
  return (
    <ul className={classes.list}>
      {props.templates.map(template => {
        return (
          <li key={stringifyEntityRef(template)} className={classes.item}>
            <span className={classes.grow}>
              <EntityRefLink entityRef={template} />
            </span>
            <TemplateCreateButton template={template} />
          </li>
        );
      })}
    </ul>
  );
}

function PatternList(props: {
  patterns: Entity[];
  /** Undefined while the adoption summary is loading or when it failed. */
  counts?: Map<string, AdoptionCounts>;
}) {
  const classes = useStyles();
  if (props.patterns.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No patterns yet: a Pattern joins this community through spec.community.
      </Typography>
    );
  }
  return (
    <ul className={classes.list}>
      {props.patterns.map(pattern => {
        const ref = refKey(pattern);
        const status = (pattern.spec as { status?: string })?.status;
        const counts = props.counts?.get(ref);
        return (
          <li key={ref} className={classes.item}>
            <span className={classes.grow}>
              <EntityRefLink entityRef={pattern} />
            </span>
            {status && (
              <Chip
                size="small"
                label={status}
                aria-label={`Radar: ${status}`}
              />
            )}
            <Typography variant="body2">
              {counts &&
                `${formatRate(counts.rate)} adopted (${counts.adopted} of ${
                  counts.adopted + counts.notAdopted
                })`}
              {props.counts && !counts && 'not scanned yet'}
            </Typography>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The templates and patterns a community publishes, with a "Create"
 * button per template and the radar status and adoption rate per pattern.
 */
export function CommunityPublishedCard() {
  const { entity } = useEntity<CommunityEntityV1alpha1>();
  const classes = useStyles();
  const catalogApi = useApi(catalogApiRef);
  const communityApi = useApi(communityApiRef);
  const ref = refKey(entity);
  // The catalog's part shows even when adoption may not be read. The
  // community's `publishes` relations name its templates and patterns
  // (the catalog resolves annotations and spec.community into them).
  const { value, loading, error } = useAsync(async () => {
    const [templates, patterns] = await Promise.all([
      entitiesByRefs(
        catalogApi,
        relatedRefs(entity, RELATION_PUBLISHES, 'template'),
        NAME_FIELDS,
      ),
      entitiesByRefs(
        catalogApi,
        relatedRefs(entity, RELATION_PUBLISHES, 'pattern'),
        [...NAME_FIELDS, 'spec.status'],
      ),
    ]);
    return { templates: byTitle(templates), patterns: byTitle(patterns) };
  }, [catalogApi, entity]);
  const summary = useAsync(
    async () =>
      countsByPattern(
        await communityApi.getAdoptionSummary({ community: ref }),
      ),
    [communityApi, ref],
  );

  return (
    <InfoCard
      title="Published"
      subheader="Templates to start from and patterns to adopt"
    >
      {loading && <Progress />}
      {error && (
        <CommunityErrorPanel
          title="Could not load what this community publishes"
          error={error}
        />
      )}
      {value && (
        <>
          <section aria-labelledby="community-published-templates">
            <Typography
              id="community-published-templates"
              variant="subtitle1"
              component="h3"
            >
              Templates
            </Typography>
            <TemplateList templates={value.templates} />
          </section>
          <section aria-labelledby="community-published-patterns">
            <Typography
              id="community-published-patterns"
              variant="subtitle1"
              component="h3"
              className={classes.heading}
            >
              Patterns
            </Typography>
            {summary.error && value.patterns.length > 0 && (
              <CommunityErrorPanel
                title="Adoption rates unavailable"
                error={summary.error}
              />
            )}
            <PatternList patterns={value.patterns} counts={summary.value} />
          </section>
        </>
      )}
    </InfoCard>
  );
}
