import { describeRhythm, describeRotation, utcOffsetMinutes } from './rhythm';

describe('rhythm', () => {
  const winter = new Date('2026-01-15T12:00:00Z');

  it('describes the frequency and the duration', () => {
    expect(describeRhythm({ frequency: 'biweekly', durationMinutes: 60 })).toBe(
      'Every two weeks, 60 minutes',
    );
    expect(describeRhythm({ frequency: 'quarterly' })).toBe('Every quarter');
  });

  it('computes offsets, including daylight saving time', () => {
    expect(utcOffsetMinutes('Europe/Berlin', winter)).toBe(60);
    expect(
      utcOffsetMinutes('Europe/Berlin', new Date('2026-07-15T12:00:00Z')),
    ).toBe(120);
    expect(utcOffsetMinutes('Asia/Kolkata', winter)).toBe(330);
  });

  it('shows every zone of the rotation from the viewer zone', () => {
    expect(
      describeRotation(
        ['Europe/Berlin', 'Asia/Tokyo', 'America/New_York', 'Not/AZone'],
        'Europe/Berlin',
        winter,
      ),
    ).toEqual([
      {
        timeZone: 'Europe/Berlin',
        localTime: '13:00',
        relative: 'same time as you',
      },
      {
        timeZone: 'Asia/Tokyo',
        localTime: '21:00',
        relative: '8 hours ahead of you',
      },
      {
        timeZone: 'America/New_York',
        localTime: '07:00',
        relative: '6 hours behind you',
      },
    ]);
  });
});
