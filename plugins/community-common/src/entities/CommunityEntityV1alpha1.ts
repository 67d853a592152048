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

// A type, not an interface: interfaces are not assignable to the catalog's
// JsonObject, which entity specs must be.
/**
 * How a community meets. With `firstMeeting` and `time` (always given
 * together, and only with at least one time zone), meeting k (k = 0, 1, ...)
 * is hosted from `timeZones[k % timeZones.length]` and starts at `time`,
 * local time there, on `firstMeeting` plus k periods: 7 days (weekly),
 * 14 days (biweekly), or 1 or 3 months (monthly, quarterly) on the same day
 * of the month, or the month's last day when the month is shorter.
 *
 * @public
 */
export type CommunityRhythm = {
  frequency: CommunityMeetingFrequency;
  /** Length of one meeting, 5 to 480 minutes. */
  durationMinutes?: number;
  /** IANA time zone names the meetings rotate through, in order. */
  timeZones?: string[];
  /** Date of the first meeting, `YYYY-MM-DD`, in the first time zone. */
  firstMeeting?: string;
  /** Start of each meeting, `HH:MM` (24-hour), in the hosting time zone. */
  time?: string;
};

/**
 * A Community of Practice, as written in catalog YAML.
 *
 * @public
 */
export interface CommunityEntityV1alpha1 extends Entity {
  /** Always `copkit.io/v1alpha1` (`COPKIT_API_VERSION`). */
  apiVersion: 'copkit.io/v1alpha1';
  /** Always `Community`. */
  kind: 'Community';
  /** What the community is, as its YAML says; see docs/catalog-model.md. */
  spec: {
    type: string;
    domain: string;
    owner: string;
    leads?: string[];
    members?: string[];
    valueStreams?: string[];
    services?: string[];
    parent?: string;
    rhythm?: CommunityRhythm;
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
