import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CommunityEntityV1alpha1,
  CommunitySummary,
} from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { communityApiRef } from '../../api';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { formatRate, linksOfType } from './communityEntities';
import { MeetingRhythm } from './MeetingRhythm';
import { viewerTimeZone } from './rhythm';

const useStyles = makeStyles(theme => ({
  section: { '& + &': { marginTop: theme.spacing(2) } },
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))',
    gap: theme.spacing(1),
    margin: 0,
    '& dd': { margin: 0, fontSize: '1.5rem', fontWeight: 500 },
    '& dt': { color: theme.palette.text.secondary },
  },
}));

function Section(props: { id: string; title: string; children: any }) {
  const classes = useStyles();
  return (
    <section className={classes.section} aria-labelledby={props.id}>
      <Typography id={props.id} variant="subtitle1" component="h3">
        {props.title}
      </Typography>
      {props.children}
    </section>
  );
}

function change(value: number | null): string {
  if (value === null) {
    return 'No change to show yet: the adoption rate is compared with the one 90 days ago, once the scans have that much history.';
  }
  const points = Math.round(value * 100);
  if (points === 0) return 'Adoption rate unchanged in 90 days.';
  return `Adoption rate ${points > 0 ? '+' : ''}${points} points in 90 days.`;
}

function SummaryCounts(props: { summary: CommunitySummary }) {
  const { summary } = props;
  const classes = useStyles();
  const items: Array<[string, string]> = [
    ['Leads', String(summary.leads)],
    ['Participants', String(summary.participants)],
    ['Patterns', String(summary.patterns.total)],
    ['Templates', String(summary.templates)],
    ['Services', String(summary.services)],
    ['Value streams', String(summary.valueStreams)],
    ['Adoption', formatRate(summary.adoption.rate)],
  ];
  return (
    <>
      <dl className={classes.counts}>
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <Typography variant="body2" color="textSecondary">
        {change(summary.adoption.change90Days)}
      </Typography>
    </>
  );
}

function Rhythm(props: { entity: CommunityEntityV1alpha1 }) {
  const rhythm = props.entity.spec.rhythm;
  if (!rhythm) {
    return (
      <Typography variant="body2" color="textSecondary">
        No meeting rhythm yet: its owners can add spec.rhythm.
      </Typography>
    );
  }
  return (
    <MeetingRhythm
      rhythm={rhythm}
      viewerZone={viewerTimeZone()}
      now={new Date()}
    />
  );
}

/**
 * What a community is about, how it meets, what it works towards, where
 * to find it, and its counts from the community backend.
 *
 * @public
 */
export function CommunityOverviewCard() {
  const { entity } = useEntity<CommunityEntityV1alpha1>();
  const classes = useStyles();
  const communityApi = useApi(communityApiRef);
  const ref = stringifyEntityRef(entity);
  const summary = useAsync(
    () => communityApi.getCommunitySummary(ref),
    [communityApi, ref],
  );
  const links = linksOfType(entity, ['chat', 'docs']);
  const objectives = entity.spec?.objectives ?? [];

  return (
    <InfoCard title="About this community" subheader={entity.spec?.domain}>
      {entity.metadata.description && (
        <Typography variant="body1" paragraph>
          {entity.metadata.description}
        </Typography>
      )}
      <Section id="community-overview-numbers" title="In numbers">
        {summary.loading && <Progress />}
        {summary.error && (
          <CommunityErrorPanel
            title="Could not load the community's numbers"
            error={summary.error}
          />
        )}
        {summary.value && <SummaryCounts summary={summary.value} />}
      </Section>
      <Section id="community-overview-rhythm" title="Meetings">
        <Rhythm entity={entity} />
      </Section>
      <Section id="community-overview-objectives" title="Objectives">
        {objectives.length > 0 ? (
          <ul className={classes.list}>
            {objectives.map(objective => (
              <li key={objective.title}>
                <Typography variant="body2">
                  {objective.url ? (
                    <Link to={objective.url}>{objective.title}</Link>
                  ) : (
                    objective.title
                  )}
                </Typography>
              </li>
            ))}
          </ul>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No objectives yet: its owners can add spec.objectives.
          </Typography>
        )}
      </Section>
      <Section id="community-overview-links" title="Chat and docs">
        {links.length > 0 ? (
          <ul className={classes.list}>
            {links.map(link => (
              <li key={link.url}>
                <Typography variant="body2">
                  <Link to={link.url}>{link.title ?? link.url}</Link> (
                  {link.type})
                </Typography>
              </li>
            ))}
          </ul>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No chat or docs link yet: its owners can add them to metadata.links
            with type: chat or type: docs.
          </Typography>
        )}
      </Section>
    </InfoCard>
  );
}
