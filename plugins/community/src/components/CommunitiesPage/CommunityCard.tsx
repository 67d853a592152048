import { EntityRefLink, EntityRefLinks } from '@backstage/plugin-catalog-react';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CommunityAdoption, CommunityView } from './communityViews';

const useStyles = makeStyles(theme => ({
  stretch: { height: '100%' },
  header: {
    display: 'flex',
    alignItems: 'baseline',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
  },
  title: { marginRight: 'auto' },
  domain: { margin: theme.spacing(0.5, 0, 1.5) },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(2),
    rowGap: theme.spacing(0.5),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
}));

const INVOLVEMENT_LABEL = {
  lead: 'You lead',
  participant: 'You take part',
};

function AdoptionRate(props: { adoption?: CommunityAdoption }) {
  const { adoption } = props;
  if (!adoption || adoption.rate === null) {
    return <span title="No adoption data yet">—</span>;
  }
  const judged = adoption.adopted + adoption.notAdopted;
  return (
    <span>
      {Math.round(adoption.rate * 100)}%{' '}
      <Typography component="span" variant="body2" color="textSecondary">
        ({adoption.adopted} of {judged} adopted)
      </Typography>
    </span>
  );
}

/** One community: what it is about, who leads it, its reach and its adoption. */
export function CommunityCard(props: {
  view: CommunityView;
  headingLevel: 'h2' | 'h3' | 'h4';
  /** Fill the grid cell, so that cards in a row line up. */
  stretch?: boolean;
}) {
  const { view, headingLevel, stretch } = props;
  const classes = useStyles();
  const headingId = `community-${view.ref.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <Card
      component="article"
      variant="outlined"
      className={stretch ? classes.stretch : undefined}
      aria-labelledby={headingId}
    >
      <CardContent>
        <div className={classes.header}>
          <Typography
            variant="h6"
            component={headingLevel}
            id={headingId}
            className={classes.title}
          >
            <EntityRefLink entityRef={view.entity} hideIcon>
              {view.title}
            </EntityRefLink>
          </Typography>
          {view.involvement && (
            <Chip
              size="small"
              color="primary"
              label={INVOLVEMENT_LABEL[view.involvement]}
            />
          )}
          <Chip size="small" variant="outlined" label={view.type} />
        </div>
        <Typography variant="body2" className={classes.domain}>
          {view.domain}
        </Typography>
        <dl className={classes.facts}>
          <dt>Leads</dt>
          <dd>
            {view.leads.length ? (
              <EntityRefLinks entityRefs={view.leads} defaultKind="user" />
            ) : (
              'None named'
            )}
          </dd>
          <dt>Participants</dt>
          <dd>{view.participants}</dd>
          <dt>Value streams</dt>
          <dd>
            {view.valueStreams.length ? (
              <EntityRefLinks
                entityRefs={view.valueStreams}
                defaultKind="domain"
              />
            ) : (
              'None'
            )}
          </dd>
          <dt>Adoption</dt>
          <dd>
            <AdoptionRate adoption={view.adoption} />
          </dd>
        </dl>
      </CardContent>
    </Card>
  );
}
