import { Entity } from '@backstage/catalog-model';
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
import {
  CommunityEntityV1alpha1,
  refKey,
  refKindKey,
  specRefKeys,
} from '@copkit/plugin-community-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { NAME_FIELDS, entitiesByRefs, groupMembers } from '../../lib/catalog';
import { TitledList } from './TitledList';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
}));

function Person(props: { entityRef: string; entity?: Entity }) {
  const { entityRef, entity } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const isGroup = entity !== undefined && refKindKey(entity) === 'group';
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

/** The refs a list shows: the first {@link PEOPLE_SHOWN}, or all. */
function shownOf(refs: string[], all: boolean) {
  return all ? refs : refs.slice(0, PEOPLE_SHOWN);
}

function PeopleList(props: {
  id: string;
  title: string;
  refs: string[];
  all: boolean;
  onToggle: () => void;
  byRef: Map<string, Entity>;
  empty: string;
}) {
  const { refs, all } = props;
  return (
    <>
      <TitledList id={props.id} title={props.title} empty={props.empty}>
        {shownOf(refs, all).map(ref => (
          <Person key={ref} entityRef={ref} entity={props.byRef.get(ref)} />
        ))}
      </TitledList>
      {refs.length > PEOPLE_SHOWN && (
        <Button size="small" onClick={props.onToggle}>
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
 * to their members. Only the people shown are read from the catalog.
 */
export function CommunityPeopleCard() {
  const { entity } = useEntity<CommunityEntityV1alpha1>();
  const catalogApi = useApi(catalogApiRef);
  const [allLeads, setAllLeads] = useState(false);
  const [allMembers, setAllMembers] = useState(false);
  const users = { defaultKind: 'user', holder: entity };
  const leads = specRefKeys(entity.spec?.leads, users);
  const members = specRefKeys(entity.spec?.members, users);
  const key = [
    ...shownOf(leads, allLeads),
    ...shownOf(members, allMembers),
  ].join(',');
  const { value, loading, error } = useAsync(async () => {
    const refs = [...new Set(key ? key.split(',') : [])];
    // names, and the relations that list the members of groups
    const found = await entitiesByRefs(catalogApi, refs, [
      ...NAME_FIELDS,
      'relations',
    ]);
    return new Map(found.map(item => [refKey(item), item]));
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
            all={allLeads}
            onToggle={() => setAllLeads(!allLeads)}
            byRef={value}
            empty="No leads yet: its owners can add spec.leads."
          />
          <PeopleList
            id="community-people-participants"
            title="Participants"
            refs={members}
            all={allMembers}
            onToggle={() => setAllMembers(!allMembers)}
            byRef={value}
            empty="No participants yet: people and teams join through spec.members."
          />
        </>
      )}
    </InfoCard>
  );
}
