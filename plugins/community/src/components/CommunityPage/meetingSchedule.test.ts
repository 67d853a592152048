import { CommunityRhythm } from '@copkit/plugin-community-common';
import {
  Meeting,
  instantOf,
  nextMeeting,
  upcomingMeetings,
} from './meetingSchedule';

const at = (iso: string) => new Date(iso);

/** Index, start in UTC, hosting zone and local time: what users care about. */
const summary = (m: Meeting) => ({
  index: m.index,
  start: m.start.toISOString(),
  timeZone: m.timeZone,
  local: `${m.local.year}-${String(m.local.month).padStart(2, '0')}-${String(
    m.local.day,
  ).padStart(2, '0')} ${String(m.local.hour).padStart(2, '0')}:${String(
    m.local.minute,
  ).padStart(2, '0')}`,
});

const payments: CommunityRhythm = {
  frequency: 'biweekly',
  durationMinutes: 60,
  timeZones: ['Europe/Berlin', 'Asia/Tokyo', 'America/New_York'],
  firstMeeting: '2026-01-14',
  time: '16:00',
};

describe('upcomingMeetings', () => {
  it('rotates through the time zones in order, at the local time of each', () => {
    expect(
      upcomingMeetings(payments, at('2026-01-01T00:00:00Z'), 4).map(summary),
    ).toEqual([
      {
        index: 0,
        start: '2026-01-14T15:00:00.000Z',
        timeZone: 'Europe/Berlin',
        local: '2026-01-14 16:00',
      },
      {
        index: 1,
        start: '2026-01-28T07:00:00.000Z',
        timeZone: 'Asia/Tokyo',
        local: '2026-01-28 16:00',
      },
      {
        index: 2,
        start: '2026-02-11T21:00:00.000Z',
        timeZone: 'America/New_York',
        local: '2026-02-11 16:00',
      },
      {
        index: 3,
        start: '2026-02-25T15:00:00.000Z',
        timeZone: 'Europe/Berlin',
        local: '2026-02-25 16:00',
      },
    ]);
  });

  it('finds the next meeting years after the first one', () => {
    const weekly: CommunityRhythm = {
      frequency: 'weekly',
      timeZones: ['Europe/Berlin'],
      firstMeeting: '2026-01-14',
      time: '16:00',
    };
    // Saturday 1 June 2030; the next Wednesday is meeting 229, in summer time.
    expect(summary(nextMeeting(weekly, at('2030-06-01T00:00:00Z'))!)).toEqual({
      index: 229,
      start: '2030-06-05T14:00:00.000Z',
      timeZone: 'Europe/Berlin',
      local: '2030-06-05 16:00',
    });
  });

  it('handles zones with half- and quarter-hour offsets', () => {
    const rhythm: CommunityRhythm = {
      frequency: 'weekly',
      timeZones: ['Asia/Kolkata', 'Asia/Kathmandu'],
      firstMeeting: '2026-01-14',
      time: '16:00',
    };
    expect(
      upcomingMeetings(rhythm, at('2026-01-01T00:00:00Z'), 2).map(m =>
        m.start.toISOString(),
      ),
    ).toEqual(['2026-01-14T10:30:00.000Z', '2026-01-21T10:15:00.000Z']);
  });

  describe('daylight saving time', () => {
    const berlinWeekly: CommunityRhythm = {
      frequency: 'weekly',
      durationMinutes: 60,
      timeZones: ['Europe/Berlin'],
      firstMeeting: '2026-03-18',
      time: '16:00',
    };

    it('keeps 16:00 Berlin when Berlin moves to summer time', () => {
      expect(
        upcomingMeetings(berlinWeekly, at('2026-03-17T00:00:00Z'), 3).map(
          summary,
        ),
      ).toEqual([
        expect.objectContaining({
          start: '2026-03-18T15:00:00.000Z',
          local: '2026-03-18 16:00',
        }),
        expect.objectContaining({
          start: '2026-03-25T15:00:00.000Z',
          local: '2026-03-25 16:00',
        }),
        // Clocks went forward on Sunday 29 March.
        expect.objectContaining({
          start: '2026-04-01T14:00:00.000Z',
          local: '2026-04-01 16:00',
        }),
      ]);
    });

    it('keeps 16:00 Berlin when Berlin moves back to winter time', () => {
      expect(
        upcomingMeetings(berlinWeekly, at('2026-10-20T00:00:00Z'), 2).map(m =>
          m.start.toISOString(),
        ),
      ).toEqual(['2026-10-21T14:00:00.000Z', '2026-10-28T15:00:00.000Z']);
    });

    it('follows each zone’s own switch dates in a rotation', () => {
      // New York moves on 8 March, Berlin on 29 March: for three weeks the
      // two are five hours apart instead of six.
      const rotation: CommunityRhythm = {
        ...berlinWeekly,
        timeZones: ['Europe/Berlin', 'America/New_York'],
        firstMeeting: '2026-03-04',
      };
      expect(
        upcomingMeetings(rotation, at('2026-03-01T00:00:00Z'), 5).map(
          m => `${m.start.toISOString()} ${m.timeZone}`,
        ),
      ).toEqual([
        '2026-03-04T15:00:00.000Z Europe/Berlin',
        '2026-03-11T20:00:00.000Z America/New_York',
        '2026-03-18T15:00:00.000Z Europe/Berlin',
        '2026-03-25T20:00:00.000Z America/New_York',
        '2026-04-01T14:00:00.000Z Europe/Berlin',
      ]);
    });

    it('follows southern-hemisphere summer time', () => {
      const sydney: CommunityRhythm = {
        frequency: 'weekly',
        timeZones: ['Australia/Sydney'],
        firstMeeting: '2026-04-01',
        time: '09:00',
      };
      // Sydney leaves summer time on Sunday 5 April.
      expect(
        upcomingMeetings(sydney, at('2026-03-30T00:00:00Z'), 2).map(summary),
      ).toEqual([
        expect.objectContaining({
          start: '2026-03-31T22:00:00.000Z',
          local: '2026-04-01 09:00',
        }),
        expect.objectContaining({
          start: '2026-04-07T23:00:00.000Z',
          local: '2026-04-08 09:00',
        }),
      ]);
    });

    it('moves a meeting in the spring-forward gap one hour later', () => {
      const night: CommunityRhythm = {
        frequency: 'weekly',
        timeZones: ['Europe/Berlin'],
        firstMeeting: '2026-03-22',
        time: '02:30',
      };
      // 02:30 does not exist on Sunday 29 March: clocks jump from 02:00 to 03:00.
      expect(
        summary(upcomingMeetings(night, at('2026-03-23T00:00:00Z'), 1)[0]),
      ).toEqual({
        index: 1,
        start: '2026-03-29T01:30:00.000Z',
        timeZone: 'Europe/Berlin',
        local: '2026-03-29 03:30',
      });
    });

    it('takes the first 02:30 on the night clocks go back', () => {
      const night: CommunityRhythm = {
        frequency: 'weekly',
        timeZones: ['Europe/Berlin'],
        firstMeeting: '2026-10-18',
        time: '02:30',
      };
      // Sunday 25 October shows 02:30 twice: in summer time, then winter time.
      expect(
        summary(upcomingMeetings(night, at('2026-10-19T00:00:00Z'), 1)[0]),
      ).toEqual({
        index: 1,
        start: '2026-10-25T00:30:00.000Z',
        timeZone: 'Europe/Berlin',
        local: '2026-10-25 02:30',
      });
    });
  });

  describe('monthly and quarterly', () => {
    const endOfMonth: CommunityRhythm = {
      frequency: 'monthly',
      timeZones: ['UTC'],
      firstMeeting: '2026-01-31',
      time: '10:00',
    };

    it('clamps to the last day of shorter months, then returns to the 31st', () => {
      expect(
        upcomingMeetings(endOfMonth, at('2026-01-01T00:00:00Z'), 5).map(m =>
          m.start.toISOString(),
        ),
      ).toEqual([
        '2026-01-31T10:00:00.000Z',
        '2026-02-28T10:00:00.000Z',
        '2026-03-31T10:00:00.000Z',
        '2026-04-30T10:00:00.000Z',
        '2026-05-31T10:00:00.000Z',
      ]);
    });

    it('meets on 29 February in a leap year', () => {
      expect(
        nextMeeting(
          endOfMonth,
          at('2028-02-01T00:00:00Z'),
        )!.start.toISOString(),
      ).toBe('2028-02-29T10:00:00.000Z');
    });

    it('finds the next monthly meeting from the middle of a month', () => {
      expect(
        nextMeeting(
          endOfMonth,
          at('2026-04-15T00:00:00Z'),
        )!.start.toISOString(),
      ).toBe('2026-04-30T10:00:00.000Z');
    });

    it('steps three months at a time, clamping each quarter on its own', () => {
      const quarterly: CommunityRhythm = {
        frequency: 'quarterly',
        timeZones: ['America/New_York', 'Europe/Berlin'],
        firstMeeting: '2025-11-30',
        time: '11:00',
      };
      expect(
        upcomingMeetings(quarterly, at('2025-11-01T00:00:00Z'), 4).map(
          m => `${m.start.toISOString()} ${m.timeZone}`,
        ),
      ).toEqual([
        '2025-11-30T16:00:00.000Z America/New_York',
        '2026-02-28T10:00:00.000Z Europe/Berlin',
        '2026-05-30T15:00:00.000Z America/New_York',
        '2026-08-30T09:00:00.000Z Europe/Berlin',
      ]);
    });
  });

  describe('a meeting in progress', () => {
    it('counts as the next meeting while it lasts', () => {
      const meeting = nextMeeting(payments, at('2026-01-14T15:59:59Z'))!;
      expect(meeting.index).toBe(0);
      expect(meeting.inProgress).toBe(true);
      expect(meeting.end.toISOString()).toBe('2026-01-14T16:00:00.000Z');
    });

    it('is in progress from its first minute', () => {
      const meeting = nextMeeting(payments, at('2026-01-14T15:00:00Z'))!;
      expect(meeting).toMatchObject({ index: 0, inProgress: true });
    });

    it('gives way to the next meeting once it has ended', () => {
      const meeting = nextMeeting(payments, at('2026-01-14T16:00:00Z'))!;
      expect(meeting).toMatchObject({ index: 1, inProgress: false });
      expect(meeting.start.toISOString()).toBe('2026-01-28T07:00:00.000Z');
    });

    it('without a duration, only counts at the very minute it starts', () => {
      const noDuration = { ...payments, durationMinutes: undefined };
      expect(nextMeeting(noDuration, at('2026-01-14T15:00:00Z'))).toMatchObject(
        { index: 0, inProgress: true },
      );
      expect(nextMeeting(noDuration, at('2026-01-14T15:00:01Z'))).toMatchObject(
        { index: 1, inProgress: false },
      );
    });

    it('is not in progress before it starts', () => {
      expect(nextMeeting(payments, at('2026-01-14T14:59:59Z'))).toMatchObject({
        index: 0,
        inProgress: false,
      });
    });
  });

  // Zones 25 hours apart, so the UTC order of meetings differs most from
  // the order of their local dates.
  it.each<[string, CommunityRhythm]>([
    [
      'weekly',
      {
        frequency: 'weekly',
        durationMinutes: 480,
        timeZones: ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin'],
        firstMeeting: '2026-01-05',
        time: '23:30',
      },
    ],
    [
      'monthly',
      {
        frequency: 'monthly',
        durationMinutes: 480,
        timeZones: ['Pacific/Pago_Pago', 'Pacific/Kiritimati'],
        firstMeeting: '2026-01-31',
        time: '00:15',
      },
    ],
  ])(
    'agrees with a walk from the first meeting at any moment (%s)',
    (_case, farApart) => {
      const all = upcomingMeetings(farApart, at('2026-01-01T00:00:00Z'), 120);
      const wrong: string[] = [];
      // Every 7 hours and 7 minutes for two years: every hour of the week.
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 427e5) {
        const expected = all.find(
          m => m.end.getTime() > t || m.start.getTime() >= t,
        )!.index;
        const found = nextMeeting(farApart, new Date(t))?.index;
        if (found !== expected) {
          wrong.push(`${new Date(t).toISOString()}: ${found}, not ${expected}`);
        }
      }
      expect(wrong).toEqual([]);
    },
  );

  it.each<[string, Partial<CommunityRhythm>]>([
    ['no first meeting', { firstMeeting: undefined }],
    ['no time', { time: undefined }],
    ['no time zones', { timeZones: undefined }],
    ['an empty rotation', { timeZones: [] }],
    ['a day that does not exist', { firstMeeting: '2026-02-30' }],
    ['an invalid time', { time: '25:00' }],
    ['an unknown time zone', { timeZones: ['Mars/Olympus'] }],
  ])('has no meetings with %s', (_case, overrides) => {
    expect(
      upcomingMeetings({ ...payments, ...overrides }, at('2026-01-01'), 3),
    ).toEqual([]);
  });
});

describe('instantOf', () => {
  it.each([
    // An ordinary time, winter and summer.
    ['Europe/Berlin', '2026-01-14 16:00', '2026-01-14T15:00:00.000Z'],
    ['Europe/Berlin', '2026-07-15 16:00', '2026-07-15T14:00:00.000Z'],
    // New York's gap (02:00 to 03:00 on 8 March) and overlap (01:00 to
    // 02:00 twice on 1 November).
    ['America/New_York', '2026-03-08 02:30', '2026-03-08T07:30:00.000Z'],
    ['America/New_York', '2026-11-01 01:30', '2026-11-01T05:30:00.000Z'],
    // Crossing the date line: Tokyo's morning is the previous UTC day.
    ['Asia/Tokyo', '2026-01-14 08:00', '2026-01-13T23:00:00.000Z'],
  ])('reads %s %s as %s', (timeZone, wall, expected) => {
    const [date, time] = wall.split(' ');
    const [year, month, day] = date.split('-').map(Number);
    const [hour, minute] = time.split(':').map(Number);
    expect(
      instantOf({ year, month, day, hour, minute }, timeZone).toISOString(),
    ).toBe(expected);
  });
});
