import {
  Entity,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  catalogApiRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  CommunityEntityV1alpha1,
  specRefKey,
  specRefKeys,
} from '@copkit/plugin-community-common';
import useAsync from 'react-use/esm/useAsync';
import { CommunityErrorPanel } from '../CommunityErrorPanel';
import { NAME_FIELDS, entitiesByRefs, relatedRefs } from '../../lib/catalog';
import { TitledList } from './TitledList';

function RefSection(props: {
  id: string;
  title: string;
  refs: Array<string | Entity>;
  empty: string;
}) {
  return (
    <TitledList id={props.id} title={props.title} empty={props.empty}>
      {props.refs.map(ref => (
        <li key={typeof ref === 'string' ? ref : stringifyEntityRef(ref)}>
          <EntityRefLink entityRef={ref} />
        </li>
      ))}
    </TitledList>
  );
}

/**
 * Where a community sits: the value streams and services it supports, the
 * community it is a chapter of, and its own chapters.
 */
export function CommunityRelationsCard() {
  const { entity } = useEntity<CommunityEntityV1alpha1>();
  const catalogApi = useApi(catalogApiRef);
  const parent = specRefKey(entity.spec?.parent, {
    defaultKind: 'community',
    holder: entity,
  });
  // Chapters name their parent in spec.parent; the catalog turns that into
  // this community's `parentOf` relations.
  const chapters = useAsync(
    () =>
      entitiesByRefs(
        catalogApi,
        relatedRefs(entity, RELATION_PARENT_OF, 'community'),
        NAME_FIELDS,
      ),
    [catalogApi, entity],
  );

  return (
    <InfoCard title="Scope" subheader="What this community supports">
      <RefSection
        id="community-scope-value-streams"
        title="Value streams"
        refs={specRefKeys(entity.spec?.valueStreams, {
          defaultKind: 'domain',
          holder: entity,
        })}
        empty="No value streams yet: its owners can add spec.valueStreams."
      />
      <RefSection
        id="community-scope-services"
        title="Services"
        refs={specRefKeys(entity.spec?.services, {
          defaultKind: 'component',
          holder: entity,
        })}
        empty="No services named yet: its owners can add spec.services."
      />
      <RefSection
        id="community-scope-parent"
        title="Part of"
        refs={parent ? [parent] : []}
        empty="A top-level community: it is no other community's chapter."
      />
      {chapters.loading && <Progress />}
      {chapters.error && (
        <CommunityErrorPanel
          title="Could not load the chapters of this community"
          error={chapters.error}
        />
      )}
      {chapters.value && (
        <RefSection
          id="community-scope-chapters"
          title="Chapters"
          refs={chapters.value}
          empty="No chapters: a Community becomes one with spec.parent."
        />
      )}
    </InfoCard>
  );
}
