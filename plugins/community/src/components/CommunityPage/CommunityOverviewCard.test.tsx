import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  CommunityEntityV1alpha1,
  CommunityRhythm,
} from '@copkit/plugin-community-common';
import { screen, within } from '@testing-library/react';
import { communityApiRef } from '../../api';
import { fakeCommunityBackend } from '../../__testUtils__/communityBackend';
import { communities } from '../../__testUtils__/fixtures';
import { CommunityOverviewCard } from './CommunityOverviewCard';

// The viewer's time zone comes from the browser; each test picks its own.
const mockViewerZone = jest.fn(() => 'Europe/London');
jest.mock('./rhythm', () => ({
  ...jest.requireActual('./rhythm'),
  viewerTimeZone: () => mockViewerZone(),
}));

const SUMMARY = {
  communityRef: 'community:default/payment-experience',
  leads: 1,
  participants: 4,
  patterns: { total: 1, byStatus: { trial: 1 } },
  templates: 1,
  services: 1,
  valueStreams: 1,
  adoption: { rate: 0.75, rate90DaysAgo: 0.5, change90Days: 0.25 },
};

const PAYMENTS_RHYTHM: CommunityRhythm = {
  frequency: 'biweekly',
  durationMinutes: 60,
  timeZones: ['Europe/Berlin', 'Asia/Tokyo', 'America/New_York'],
  firstMeeting: '2026-01-14',
  time: '16:00',
};

const withRhythm = (rhythm: CommunityRhythm): CommunityEntityV1alpha1 => ({
  ...communities[1],
  spec: { ...communities[1].spec, rhythm },
});

/** Renders the card for `entity` as seen from `viewerZone` at `now`. */
async function renderCard(
  entity: CommunityEntityV1alpha1,
  viewerZone: string,
  now: string,
) {
  mockViewerZone.mockReturnValue(viewerZone);
  // Only the clock is fixed; timers run as usual for the app's data loading.
  jest.useFakeTimers({
    now: new Date(now),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  const { client } = fakeCommunityBackend({
    [`/communities/default/${entity.metadata.name}/summary`]: {
      body: SUMMARY,
    },
  });
  await renderInTestApp(
    <EntityProvider entity={entity}>
      <CommunityOverviewCard />
    </EntityProvider>,
    { apis: [[communityApiRef, client]] },
  );
  await screen.findByText(/\+25 points in 90 days/);
  return screen.getByRole('region', { name: 'Meetings' });
}

const itemsOf = (list: HTMLElement) =>
  within(list)
    .getAllByRole('listitem')
    .map(item => item.textContent);

jest.setTimeout(20_000);

describe('CommunityOverviewCard meetings', () => {
  afterEach(() => jest.useRealTimers());

  it('shows the next meeting in the viewer’s time zone and the ones after it', async () => {
    const meetings = await renderCard(
      withRhythm(PAYMENTS_RHYTHM),
      'Europe/London',
      '2026-01-10T12:00:00Z',
    );

    expect(
      within(meetings).getByText(
        'Next meeting: Wed 14 Jan, 15:00–16:00 your time (Europe/London); hosted from Europe/Berlin, where it starts at 16:00.',
      ),
    ).toBeInTheDocument();
    expect(
      itemsOf(within(meetings).getByRole('list', { name: 'Later meetings' })),
    ).toEqual([
      'Wed 28 Jan, 07:00 your time: hosted from Asia/Tokyo at 16:00',
      'Wed 11 Feb, 21:00 your time: hosted from America/New_York at 16:00',
    ]);
    expect(
      itemsOf(
        within(meetings).getByRole('list', { name: 'Time zone rotation' }),
      ),
    ).toEqual([
      'Europe/Berlin: now 13:00, 1 hour ahead of you',
      'Asia/Tokyo: now 21:00, 9 hours ahead of you',
      'America/New_York: now 07:00, 5 hours behind you',
    ]);
    expect(within(meetings).queryByText(/No meeting date/)).toBeNull();
  });

  it('shows a meeting in progress, with the host’s date when it differs', async () => {
    // 21:30 UTC on 11 February: the New York meeting started 30 minutes ago,
    // on Thursday morning in Tokyo.
    const meetings = await renderCard(
      withRhythm(PAYMENTS_RHYTHM),
      'Asia/Tokyo',
      '2026-02-11T21:30:00Z',
    );

    expect(
      within(meetings).getByText(
        'Meeting in progress: Thu 12 Feb, 06:00–07:00 your time (Asia/Tokyo); hosted from America/New_York, where it started at 16:00 on Wed 11 Feb.',
      ),
    ).toBeInTheDocument();
    expect(
      itemsOf(within(meetings).getByRole('list', { name: 'Later meetings' })),
    ).toEqual([
      'Thu 26 Feb, 00:00 your time: hosted from Europe/Berlin at 16:00 on Wed 25 Feb',
      'Wed 11 Mar, 16:00 your time: hosted from your time zone',
    ]);
  });

  it('keeps a Berlin meeting at 16:00 Berlin when the viewer’s clocks change first', async () => {
    // New York moves to summer time on 8 March, Berlin on 29 March.
    const meetings = await renderCard(
      withRhythm({
        frequency: 'weekly',
        durationMinutes: 30,
        timeZones: ['Europe/Berlin'],
        firstMeeting: '2026-03-04',
        time: '16:00',
      }),
      'America/New_York',
      '2026-03-05T12:00:00Z',
    );

    expect(
      within(meetings).getByText(
        'Next meeting: Wed 11 Mar, 11:00–11:30 your time (America/New_York); hosted from Europe/Berlin, where it starts at 16:00.',
      ),
    ).toBeInTheDocument();
    expect(
      itemsOf(within(meetings).getByRole('list', { name: 'Later meetings' })),
    ).toEqual([
      'Wed 18 Mar, 11:00 your time: hosted from Europe/Berlin at 16:00',
      'Wed 25 Mar, 11:00 your time: hosted from Europe/Berlin at 16:00',
    ]);
  });

  it('names the year of a meeting next year, hosted from the viewer’s zone', async () => {
    const meetings = await renderCard(
      withRhythm({
        frequency: 'weekly',
        durationMinutes: 30,
        timeZones: ['Europe/Berlin'],
        firstMeeting: '2026-01-14',
        time: '16:00',
      }),
      'Europe/Berlin',
      '2026-12-31T20:00:00Z',
    );

    expect(
      within(meetings).getByText(
        'Next meeting: Wed 6 Jan 2027, 16:00–16:30 your time (Europe/Berlin), hosted from your time zone.',
      ),
    ).toBeInTheDocument();
  });

  it('does not invent a next meeting for a rhythm without an anchor', async () => {
    const meetings = await renderCard(
      withRhythm({
        frequency: 'biweekly',
        durationMinutes: 60,
        timeZones: ['Europe/Berlin', 'Asia/Tokyo'],
      }),
      'Europe/London',
      '2026-01-10T12:00:00Z',
    );

    expect(
      within(meetings).getByText('Every two weeks, 60 minutes.'),
    ).toBeInTheDocument();
    expect(
      within(meetings).getByText(/No meeting date or time recorded yet/),
    ).toBeInTheDocument();
    expect(within(meetings).queryByText(/Next meeting/)).toBeNull();
    expect(
      within(meetings).queryByRole('list', { name: 'Later meetings' }),
    ).toBeNull();
    expect(
      itemsOf(
        within(meetings).getByRole('list', { name: 'Time zone rotation' }),
      ),
    ).toEqual([
      'Europe/Berlin: now 13:00, 1 hour ahead of you',
      'Asia/Tokyo: now 21:00, 9 hours ahead of you',
    ]);
  });
});
