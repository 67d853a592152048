import { Entity } from '@backstage/catalog-model';
import { COPKIT_API_VERSION } from '../constants';

/**
 * How often a community meets.
 *
 * @public
 */
export type CommunityMeetingFrequency =
  | 'weekly'
  | 'biweekly'
  | 'monthly'
  | 'quarterly';

/**
 * A Community of Practice, as written in catalog YAML.
 *
 * @public
 */
export interface CommunityEntityV1alpha1 extends Entity {
  apiVersion: typeof COPKIT_API_VERSION;
  kind: 'Community';
  spec: {
    type: string;
    domain: string;
    owner: string;
    leads?: string[];
    members?: string[];
    valueStreams?: string[];
    services?: string[];
    parent?: string;
    rhythm?: {
      frequency: CommunityMeetingFrequency;
      durationMinutes?: number;
      timeZones?: string[];
    };
    objectives?: Array<{ title: string; url?: string }>;
    timeAllocationPercent?: number;
  };
}

/**
 * Tells whether an entity is a copkit Community.
 *
 * @public
 */
export function isCommunityEntity(
  entity: Entity,
): entity is CommunityEntityV1alpha1 {
  return (
    entity.apiVersion === COPKIT_API_VERSION && entity.kind === 'Community'
  );
}
