import { CommunityEntityV1alpha1 } from '@copkit/plugin-community-common';

type Rhythm = NonNullable<CommunityEntityV1alpha1['spec']['rhythm']>;

const FREQUENCY_LABELS: Record<Rhythm['frequency'], string> = {
  weekly: 'Every week',
  biweekly: 'Every two weeks',
  monthly: 'Every month',
  quarterly: 'Every quarter',
};

/** "Every two weeks, 60 minutes". */
export function describeRhythm(rhythm: Rhythm): string {
  const frequency = FREQUENCY_LABELS[rhythm.frequency] ?? rhythm.frequency;
  return rhythm.durationMinutes
    ? `${frequency}, ${rhythm.durationMinutes} minutes`
    : frequency;
}

/** One time zone of the rotation, seen from the viewer's. */
export type RotationStop = {
  timeZone: string;
  /** The zone's current local time, e.g. "17:05". */
  localTime: string;
  /** "same time as you", "8 hours ahead of you", "6 hours behind you". */
  relative: string;
};

/** Offset of a time zone from UTC at `at`, in minutes. */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: string) =>
    Number(parts.find(part => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
  );
  return Math.round((asUtc - at.getTime()) / 60_000 / 15) * 15;
}

function relativeTo(minutes: number): string {
  if (minutes === 0) return 'same time as you';
  const hours = Math.abs(minutes) / 60;
  const amount = `${Number.isInteger(hours) ? hours : hours.toFixed(1)} ${
    hours === 1 ? 'hour' : 'hours'
  }`;
  return minutes > 0 ? `${amount} ahead of you` : `${amount} behind you`;
}

/**
 * The rotation of meeting time zones as the viewer sees it: each zone's
 * local time now and how far it is from the viewer's own zone. Invalid
 * zone names (which the catalog rejects anyway) are left out.
 */
export function describeRotation(
  timeZones: string[],
  viewerZone: string,
  now: Date = new Date(),
): RotationStop[] {
  const viewerOffset = utcOffsetMinutes(viewerZone, now);
  return timeZones.flatMap(timeZone => {
    try {
      const localTime = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hour: '2-digit',
        minute: '2-digit',
      }).format(now);
      const offset = utcOffsetMinutes(timeZone, now) - viewerOffset;
      return [{ timeZone, localTime, relative: relativeTo(offset) }];
    } catch {
      return [];
    }
  });
}

/** The viewer's own IANA time zone, as the browser reports it. */
export function viewerTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
}
