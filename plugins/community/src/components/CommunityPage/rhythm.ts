import { CommunityRhythm as Rhythm } from '@copkit/plugin-community-common';
import { Meeting, WallClock, wallClockAt } from './meetingSchedule';

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

// Names spelled out here rather than by Intl, whose abbreviations differ
// between ICU versions ("Sep" or "Sept").
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');

const pad = (n: number) => String(n).padStart(2, '0');

/** "16:00". */
const clockTime = (w: WallClock) => `${pad(w.hour)}:${pad(w.minute)}`;

/** "Wed 14 Jan", or "Wed 13 Jan 2027" when `withYear`. */
function calendarDay(w: WallClock, withYear: boolean): string {
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const day = `${WEEKDAYS[weekday]} ${w.day} ${MONTHS[w.month - 1]}`;
  return withYear ? `${day} ${w.year}` : day;
}

const sameDay = (a: WallClock, b: WallClock) =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/** A meeting as the viewer reads it, in their own zone and the host's. */
function meetingWords(meeting: Meeting, viewerZone: string, now: Date) {
  const start = wallClockAt(viewerZone, meeting.start);
  const withYear = start.year !== wallClockAt(viewerZone, now).year;
  const end = wallClockAt(viewerZone, meeting.end);
  const hours =
    meeting.end > meeting.start
      ? `${clockTime(start)}–${clockTime(end)}`
      : clockTime(start);
  const host = meeting.local;
  return {
    day: calendarDay(start, withYear),
    hours,
    start: clockTime(start),
    hostTime: sameDay(host, start)
      ? clockTime(host)
      : `${clockTime(host)} on ${calendarDay(host, withYear)}`,
    hostedHere: meeting.timeZone === viewerZone,
  };
}

/**
 * "Next meeting: Wed 14 Jan, 15:00–16:00 your time (Europe/London); hosted
 * from Europe/Berlin, where it starts at 16:00."
 */
export function describeNextMeeting(
  meeting: Meeting,
  viewerZone: string,
  now: Date,
): string {
  const words = meetingWords(meeting, viewerZone, now);
  const lead = meeting.inProgress ? 'Meeting in progress' : 'Next meeting';
  const when = `${lead}: ${words.day}, ${words.hours} your time (${viewerZone})`;
  if (words.hostedHere) return `${when}, hosted from your time zone.`;
  const starts = meeting.inProgress ? 'started' : 'starts';
  return `${when}; hosted from ${meeting.timeZone}, where it ${starts} at ${words.hostTime}.`;
}

/** "Wed 28 Jan, 07:00 your time: hosted from Asia/Tokyo at 16:00". */
export function describeLaterMeeting(
  meeting: Meeting,
  viewerZone: string,
  now: Date,
): string {
  const words = meetingWords(meeting, viewerZone, now);
  const host = words.hostedHere
    ? 'hosted from your time zone'
    : `hosted from ${meeting.timeZone} at ${words.hostTime}`;
  return `${words.day}, ${words.start} your time: ${host}`;
}
