import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  catalogApiRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { CommunityEntityV1alpha1 } from '@copkit/plugin-community-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { normalizeRefs } from '../../lib/refs';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { groupMembers } from './communityEntities';
import { TitledList } from './TitledList';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
}));

function Person(props: { entityRef: string; entity?: Entity }) {
  const { entityRef, entity } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const isGroup = entity?.kind.toLocaleLowerCase('en-US') === 'group';
  const members = entity && isGroup ? groupMembers(entity) : [];
  const listId = `members-of-${entityRef.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <li>
      <EntityRefLink entityRef={entity ?? entityRef} />
      {isGroup && (
        <>
          {' '}
          <Button
            size="small"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen(!open)}
          >
            {open ? 'Hide' : 'Show'} {members.length}{' '}
            {members.length === 1 ? 'member' : 'members'}
          </Button>
          {open && (
            <ul id={listId} className={classes.list}>
              {members.length === 0 && (
                <li>
                  <Typography variant="body2" color="textSecondary">
                    This group has no members in the catalog.
                  </Typography>
                </li>
              )}
              {members.map(member => (
                <li key={member}>
                  <EntityRefLink entityRef={member} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}

/** How many people a list shows before "Show all". */
export const PEOPLE_SHOWN = 20;

function PeopleList(props: {
  id: string;
  title: string;
  refs: string[];
  byRef: Map<string, Entity>;
  empty: string;
}) {
  const [all, setAll] = useState(false);
  const { refs } = props;
  const shown = all ? refs : refs.slice(0, PEOPLE_SHOWN);
  return (
    <>
      <TitledList id={props.id} title={props.title} empty={props.empty}>
        {shown.map(ref => (
          <Person key={ref} entityRef={ref} entity={props.byRef.get(ref)} />
        ))}
      </TitledList>
      {refs.length > PEOPLE_SHOWN && (
        <Button size="small" onClick={() => setAll(!all)}>
          {all
            ? `Show the first ${PEOPLE_SHOWN}`
            : `Show all ${refs.length} ${props.title.toLocaleLowerCase(
                'en-US',
              )}`}
        </Button>
      )}
    </>
  );
}

/**
 * The leads and participants of a community; participating groups expand
 * to their members.
 *
 * @public
 */
export function CommunityPeopleCard() {
  const { entity } = useEntity<CommunityEntityV1alpha1>();
  const catalogApi = useApi(catalogApiRef);
  const namespace = entity.metadata.namespace ?? 'default';
  const leads = normalizeRefs(entity.spec?.leads, 'user', namespace);
  const members = normalizeRefs(entity.spec?.members, 'user', namespace);
  const key = [...leads, ...members].join(',');
  const { value, loading, error } = useAsync(async () => {
    const refs = [...new Set(key ? key.split(',') : [])];
    if (refs.length === 0) return new Map<string, Entity>();
    // only what the list shows: names, and the members of groups
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: refs,
      fields: [
        'kind',
        'metadata.namespace',
        'metadata.name',
        'metadata.title',
        'spec.profile.displayName',
        'relations',
      ],
    });
    const found = items.filter((item): item is Entity => Boolean(item));
    return new Map(
      found.map(item => [
        stringifyEntityRef(item).toLocaleLowerCase('en-US'),
        item,
      ]),
    );
  }, [catalogApi, key]);

  return (
    <InfoCard title="People" subheader="Who leads and who takes part">
      {loading && <Progress />}
      {error && (
        <CommunityErrorPanel
          title="Could not load the people of this community"
          error={error}
        />
      )}
      {value && (
        <>
          <PeopleList
            id="community-people-leads"
            title="Leads"
            refs={leads}
            byRef={value}
            empty="No leads yet: its owners can add spec.leads."
          />
          <PeopleList
            id="community-people-participants"
            title="Participants"
            refs={members}
            byRef={value}
            empty="No participants yet: people and teams join through spec.members."
          />
        </>
      )}
    </InfoCard>
  );
}
