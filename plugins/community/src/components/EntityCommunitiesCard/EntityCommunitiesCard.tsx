import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  InfoCardVariants,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  AdoptionResult,
  RelevantCommunity,
} from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { NoCommunities } from './NoCommunities';
import { PatternAdoptionList } from './PatternAdoptionList';
import { RelevantCommunityList } from './RelevantCommunityList';

/**
 * Props of {@link EntityCommunitiesCard}.
 *
 * @public
 */
export type EntityCommunitiesCardProps = {
  variant?: InfoCardVariants;
  /**
   * Where to read how services become part of a community; linked from the
   * card when the service is in none.
   */
  docsUrl?: string;
};

const useStyles = makeStyles(theme => ({
  section: { '& + &': { marginTop: theme.spacing(3) } },
  heading: { marginBottom: theme.spacing(1) },
}));

/**
 * The Communities of Practice a service belongs to, why, how to join them,
 * and where it stands on the patterns they publish.
 *
 * @public
 */
export function EntityCommunitiesCard(props: EntityCommunitiesCardProps) {
  const { variant, docsUrl } = props;
  const { entity } = useEntity();
  const communityApi = useApi(communityApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(async () => {
    const [communities, adoption] = await Promise.all([
      communityApi.getRelevantCommunities(entityRef),
      communityApi.getEntityAdoption(entityRef),
    ]);
    const patterns = adoption.filter(
      result => result.status !== 'not-applicable',
    );
    return { communities, patterns };
  }, [communityApi, entityRef]);

  return (
    <InfoCard
      title="Communities"
      subheader="Communities of Practice this service is part of, and the patterns they publish"
      variant={variant}
    >
      {loading && <Progress />}
      {error && (
        <CommunityErrorPanel
          title="Could not load the communities of this service"
          error={error}
        />
      )}
      {value && (
        <CardBody
          entityTitle={entity.metadata.title ?? entity.metadata.name}
          docsUrl={docsUrl}
          {...value}
        />
      )}
    </InfoCard>
  );
}

function CardBody(props: {
  entityTitle: string;
  docsUrl?: string;
  communities: RelevantCommunity[];
  patterns: AdoptionResult[];
}) {
  const { entityTitle, docsUrl, communities, patterns } = props;
  const classes = useStyles();
  return (
    <>
      <section
        className={classes.section}
        aria-labelledby="community-card-communities"
      >
        <Typography
          id="community-card-communities"
          variant="subtitle1"
          component="h3"
          className={classes.heading}
        >
          Communities
        </Typography>
        {communities.length > 0 ? (
          <RelevantCommunityList communities={communities} />
        ) : (
          <NoCommunities entityTitle={entityTitle} docsUrl={docsUrl} />
        )}
      </section>
      <section
        className={classes.section}
        aria-labelledby="community-card-patterns"
      >
        <Typography
          id="community-card-patterns"
          variant="subtitle1"
          component="h3"
          className={classes.heading}
        >
          Patterns
        </Typography>
        {patterns.length > 0 ? (
          <PatternAdoptionList results={patterns} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            No pattern published by a community applies to {entityTitle} yet.
            Results appear here after the next adoption scan.
          </Typography>
        )}
      </section>
    </>
  );
}
