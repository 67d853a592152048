import { InfoCard, Link } from '@backstage/core-components';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PatternEntityV1alpha1,
  specRefKey,
  specRefKeys,
} from '@copkit/plugin-community-common';
import { linksOfType } from '../CommunityPage/communityEntities';
import { TemplateCreateButton } from '../TemplateCreateButton';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0 },
  },
  list: { margin: 0, padding: 0, listStyle: 'none' },
  item: { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  heading: { marginTop: theme.spacing(2) },
}));

function Exemptions(props: { pattern: PatternEntityV1alpha1 }) {
  const exemptions = props.pattern.spec?.exemptions ?? [];
  const today = new Date().toISOString().slice(0, 10);
  if (exemptions.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No exemptions: every applicable service is expected to follow it.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Exemptions">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Until</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {exemptions.map(exemption => (
          <TableRow key={exemption.entity}>
            <TableCell>
              <EntityRefLink
                entityRef={
                  specRefKey(exemption.entity, {
                    defaultKind: 'component',
                    holder: props.pattern,
                  }) ?? exemption.entity
                }
              />
            </TableCell>
            <TableCell>{exemption.reason}</TableCell>
            <TableCell>
              {exemption.until ?? 'open-ended'}
              {exemption.until && exemption.until < today && ' (expired)'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/**
 * A pattern at a glance: radar status, type, owner, community, docs, the
 * templates that implement it and its exemptions.
 *
 * @public
 */
export function PatternOverviewCard() {
  const { entity } = useEntity<PatternEntityV1alpha1>();
  const classes = useStyles();
  const spec = entity.spec ?? ({} as PatternEntityV1alpha1['spec']);
  const templates = specRefKeys(spec.templates, {
    defaultKind: 'template',
    holder: entity,
  });
  const links = linksOfType(entity, ['docs']);
  const ref = (value: string | undefined, kind: string) =>
    value
      ? specRefKey(value, { defaultKind: kind, holder: entity }) ?? value
      : undefined;
  const owner = ref(spec.owner, 'group');
  const community = ref(spec.community, 'community');

  return (
    <InfoCard
      title="About this pattern"
      subheader={entity.metadata.description}
    >
      <dl className={classes.facts}>
        <dt>Radar status</dt>
        <dd>
          <Chip size="small" label={spec.status ?? 'unknown'} />
        </dd>
        <dt>Type</dt>
        <dd>{spec.type}</dd>
        <dt>Owner</dt>
        <dd>{owner ? <EntityRefLink entityRef={owner} /> : 'none'}</dd>
        <dt>Community</dt>
        <dd>{community ? <EntityRefLink entityRef={community} /> : 'none'}</dd>
        <dt>Docs</dt>
        <dd>
          {links.length > 0
            ? links.map(link => (
                <div key={link.url}>
                  <Link to={link.url}>{link.title ?? link.url}</Link>
                </div>
              ))
            : 'none yet (metadata.links with type: docs)'}
        </dd>
      </dl>
      <Typography
        variant="subtitle1"
        component="h3"
        className={classes.heading}
      >
        Templates that implement it
      </Typography>
      {templates.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No templates yet: its owners can add spec.templates.
        </Typography>
      ) : (
        <ul className={classes.list}>
          {templates.map(template => (
            <li key={template} className={classes.item}>
              <EntityRefLink entityRef={template} />
              <TemplateCreateButton template={template} />
            </li>
          ))}
        </ul>
      )}
      <Typography
        variant="subtitle1"
        component="h3"
        className={classes.heading}
      >
        Exemptions
      </Typography>
      <Exemptions pattern={entity} />
    </InfoCard>
  );
}
