import { CommunityRhythm } from '@copkit/plugin-community-common';

// Meeting k starts at `time`, local time in timeZones[k % n], on the date
// firstMeeting + k periods. All zone arithmetic goes through Intl, so the
// local time stays put across daylight saving changes.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A calendar date and wall-clock time, with no time zone attached. */
export type WallClock = {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
};

/** One meeting of a community's schedule. */
export type Meeting = {
  /** 0 for the first meeting, 1 for the second, ... */
  index: number;
  start: Date;
  /** `start` plus the rhythm's duration; equal to `start` without one. */
  end: Date;
  /** The time zone hosting this meeting, from the rotation. */
  timeZone: string;
  /** When the meeting starts, read on a clock in `timeZone`. */
  local: WallClock;
  /**
   * Whether the meeting had started, and not yet ended, at `now`. Without a
   * duration, only a meeting starting exactly at `now` is in progress.
   */
  inProgress: boolean;
};

type Anchor = {
  first: WallClock;
  timeZones: string[];
  step: { days: number } | { months: number };
  durationMs: number;
};

const STEPS: Record<CommunityRhythm['frequency'], Anchor['step']> = {
  weekly: { days: 7 },
  biweekly: { days: 14 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for a zone Intl does not know.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsAt(timeZone: string, instant: number) {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (type: string) =>
    Number(parts.find(part => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** What a clock in `timeZone` shows at `instant`. */
export function wallClockAt(timeZone: string, instant: Date): WallClock {
  const { second: _second, ...wall } = partsAt(timeZone, instant.getTime());
  return wall;
}

/** The wall clock read as if it were UTC, in milliseconds. */
const asUtc = (w: WallClock, second = 0) =>
  Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, second);

/** Milliseconds `timeZone` is ahead of UTC at `instant`. */
function offsetAt(timeZone: string, instant: number): number {
  const p = partsAt(timeZone, instant);
  return asUtc(p, p.second) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a clock in `timeZone` shows `wall`. A wall time that happens
 * twice (clocks going back) is its first occurrence; one that never happens
 * (clocks going forward) is moved later by the length of the gap, the way
 * calendar applications do: 02:30 on the night Berlin moves to summer time
 * is 03:30 summer time.
 */
export function instantOf(wall: WallClock, timeZone: string): Date {
  const naive = asUtc(wall);
  // Offsets a day either side bracket any single transition near `wall`.
  const before = offsetAt(timeZone, naive - DAY);
  const after = offsetAt(timeZone, naive + DAY);
  const matches = [...new Set([before, after])]
    .map(offset => naive - offset)
    .filter(
      instant => asUtc(wallClockAt(timeZone, new Date(instant))) === naive,
    )
    .sort((a, b) => a - b);
  return new Date(matches.length > 0 ? matches[0] : naive - before);
}

const daysInMonth = (year: number, month: number) =>
  new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar date of meeting `index`, with the anchor's time of day. */
function meetingWallClock(
  first: WallClock,
  step: Anchor['step'],
  index: number,
): WallClock {
  if ('days' in step) {
    const date = new Date(
      Date.UTC(first.year, first.month - 1, first.day + index * step.days),
    );
    return {
      ...first,
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
    };
  }
  // Always from the first meeting's day: the 31st, then the 28th of
  // February, then the 31st of March again.
  const months = first.month - 1 + index * step.months;
  const year = first.year + Math.floor(months / 12);
  const month = (months % 12) + 1;
  return {
    ...first,
    year,
    month,
    day: Math.min(first.day, daysInMonth(year, month)),
  };
}

function parseAnchor(rhythm: CommunityRhythm): Anchor | undefined {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(rhythm.firstMeeting ?? '');
  const time = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(rhythm.time ?? '');
  const timeZones = rhythm.timeZones ?? [];
  const step = STEPS[rhythm.frequency];
  if (!date || !time || timeZones.length === 0 || !step) return undefined;
  const first = {
    year: +date[1],
    month: +date[2],
    day: +date[3],
    hour: +time[1],
    minute: +time[2],
  };
  if (first.month < 1 || first.month > 12) return undefined;
  if (first.day < 1 || first.day > daysInMonth(first.year, first.month)) {
    return undefined;
  }
  const durationMs = (rhythm.durationMinutes ?? 0) * MINUTE;
  return { first, timeZones, step, durationMs };
}

function meetingAt(anchor: Anchor, index: number, now: number): Meeting {
  const timeZone = anchor.timeZones[index % anchor.timeZones.length];
  const start = instantOf(
    meetingWallClock(anchor.first, anchor.step, index),
    timeZone,
  );
  const end = new Date(start.getTime() + anchor.durationMs);
  return {
    index,
    start,
    end,
    timeZone,
    local: wallClockAt(timeZone, start),
    inProgress: start.getTime() <= now && !isOver(start, end, now),
  };
}

/** Over once it has ended; without a duration, once it has started. */
function isOver(start: Date, end: Date, now: number): boolean {
  return end.getTime() <= now && start.getTime() < now;
}

/** A guess at the index of the meeting around `now`, close enough to walk from. */
function estimateIndex(anchor: Anchor, now: number): number {
  const { first, step } = anchor;
  if ('days' in step) {
    return Math.floor((now - asUtc(first)) / DAY / step.days);
  }
  const today = new Date(now);
  const months =
    (today.getUTCFullYear() - first.year) * 12 +
    today.getUTCMonth() -
    (first.month - 1);
  return Math.floor(months / step.months);
}

/**
 * The next `count` meetings of an anchored rhythm: the first is the meeting
 * in progress at `now` (started, and not yet over after `durationMinutes`),
 * or else the next one to start. Empty when the rhythm has no complete
 * anchor (`firstMeeting`, `time` and at least one time zone) or names a
 * time zone Intl does not know.
 */
export function upcomingMeetings(
  rhythm: CommunityRhythm,
  now: Date,
  count: number,
): Meeting[] {
  const anchor = parseAnchor(rhythm);
  if (!anchor) return [];
  const at = now.getTime();
  try {
    // Meetings are at least 7 days apart and zones at most 26 hours, so
    // start times grow with the index and a short walk corrects the guess.
    let index = Math.max(0, estimateIndex(anchor, at));
    const over = (m: Meeting) => isOver(m.start, m.end, at);
    while (index > 0 && !over(meetingAt(anchor, index - 1, at))) {
      index--;
    }
    let next = meetingAt(anchor, index, at);
    while (over(next)) {
      next = meetingAt(anchor, ++index, at);
    }
    const meetings = [next];
    while (meetings.length < count) {
      meetings.push(meetingAt(anchor, index + meetings.length, at));
    }
    return meetings;
  } catch {
    // An unknown time zone; the catalog rejects those, so this is rare.
    return [];
  }
}

/** The meeting in progress at `now`, or the next one; see {@link upcomingMeetings}. */
export function nextMeeting(
  rhythm: CommunityRhythm,
  now: Date,
): Meeting | undefined {
  return upcomingMeetings(rhythm, now, 1)[0];
}
