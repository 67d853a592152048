import { Entity } from '@backstage/catalog-model';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  AdoptionResult,
  AdoptionTrendPoint,
  ScanSummary,
} from '@copkit/plugin-community-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
import { SWRConfig } from 'swr';
import { communityApiRef } from '../../api';
import {
  FORBIDDEN,
  FakeAnswer,
  fakeCommunityBackend,
} from '../../__testUtils__/communityBackend';
import {
  communities,
  relatedEntities,
  summaryCells,
} from '../../__testUtils__/fixtures';
import { AdoptionDashboard } from './AdoptionDashboard';

const pattern = (name: string, title: string): Entity => ({
  apiVersion: 'copkit.io/v1alpha1',
  kind: 'Pattern',
  metadata: { name, namespace: 'default', title },
  spec: {},
});

const patterns = [
  pattern('idempotent-payments', 'Idempotent payments'),
  pattern('design-tokens', 'Design tokens'),
  pattern('accessible-forms', 'Accessible forms'),
];

const notAdopted: AdoptionResult = {
  entityRef: 'component:default/payments-api',
  patternRef: 'pattern:default/idempotent-payments',
  communityRef: 'community:default/payment-experience',
  valueStream: 'domain:default/payments',
  ownerRef: 'group:default/checkout-team',
  status: 'not-adopted',
  evidence: [],
  tried: ['dependency: npm idempotency-key'],
  notes: [],
  checkedAt: '2026-11-24T08:00:00.000Z',
};

const trend: AdoptionTrendPoint[] = [
  {
    day: '2026-11-22',
    adopted: 2,
    notAdopted: 2,
    exempt: 0,
    errors: 0,
    applicable: 4,
    rate: 0.5,
  },
  {
    day: '2026-11-23',
    adopted: 3,
    notAdopted: 1,
    exempt: 0,
    errors: 0,
    applicable: 4,
    rate: 0.75,
  },
];

const lastScan: ScanSummary = {
  id: 'scan-1',
  trigger: 'schedule',
  status: 'succeeded',
  startedAt: '2026-11-24T08:00:00.000Z',
  finishedAt: '2026-11-24T08:00:02.000Z',
  durationMs: 1300,
  partitions: { total: 4, done: 4, failed: 0 },
  repositories: { scanned: 14, unchanged: 0, failed: 1 },
  results: 128,
};

const PAYMENTS_CELL =
  'Idempotent payments in Payments: 75% adopted (3 adopted, 1 not adopted); 0 exempt, 0 errors';

function Location() {
  const { search } = useLocation();
  return <output aria-label="query string">{search}</output>;
}

async function renderDashboard(
  options: {
    answers?: Record<string, FakeAnswer>;
    scanAllowed?: boolean;
    url?: string;
  } = {},
) {
  const backend = fakeCommunityBackend({
    '/adoption/summary': { body: { items: summaryCells } },
    '/patterns/default/idempotent-payments/adoption': {
      body: { items: [notAdopted], totalCount: 1 },
    },
    '/adoption/trends': { body: { items: trend } },
    '/scans/latest': { body: lastScan },
    '/adoption/export.csv': { body: 'entity,pattern' },
    ...options.answers,
  });
  await renderInTestApp(
    // usePermission caches answers in SWR; each test gets its own cache.
    <SWRConfig value={{ provider: () => new Map() }}>
      <AdoptionDashboard />
      <Location />
    </SWRConfig>,
    {
      apis: [
        [communityApiRef, backend.client],
        catalogApiMock({
          entities: [...communities, ...relatedEntities, ...patterns],
        }),
        mockApis.permission({
          authorize:
            options.scanAllowed === false
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: [options.url ?? '/'],
    },
  );
  return backend;
}

const query = () => screen.getByLabelText('query string').textContent ?? '';

jest.setTimeout(15_000);

describe('AdoptionDashboard', () => {
  it('shows a heatmap of patterns by value stream with titles, numbers and a legend', async () => {
    await renderDashboard();

    const cell = await screen.findByRole('button', { name: PAYMENTS_CELL });
    expect(cell).toHaveTextContent('75%3/4');
    expect(
      screen.getByRole('columnheader', { name: 'Storefront' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('rowheader', { name: 'Design tokens' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Design tokens in Storefront: 33% adopted (1 adopted, 2 not adopted); 1 exempt, 0 errors',
      }),
    ).toBeInTheDocument();
    // The numbers under a rate are the ones it is computed from: errors
    // are left out of both.
    const withError = screen.getByRole('button', {
      name: /^Accessible forms in .+: 100% adopted \(1 adopted, 0 not adopted\); 0 exempt, 1 errors$/,
    });
    expect(withError).toHaveTextContent('100%1/1');
    // A pattern with no services in a value stream is marked, not coloured.
    expect(
      screen.getByRole('img', {
        name: /^Idempotent payments in Storefront: no data/,
      }),
    ).toHaveTextContent('No data');
    expect(screen.getByText('80–100%')).toBeInTheDocument();
    expect(
      await screen.findByText(
        /Last scan: schedule, finished .* 14 repositories scanned/,
      ),
    ).toBeInTheDocument();
  });

  it('filters by community and keeps it in the URL', async () => {
    const { requests } = await renderDashboard();

    const select = await screen.findByRole('combobox', { name: 'Community' });
    await screen.findByRole('option', { name: 'Payment Experience' });
    await userEvent.selectOptions(select, 'Payment Experience');

    expect(query()).toBe('?community=community%3Adefault%2Fpayment-experience');
    await waitFor(() =>
      expect(requests).toContain(
        '/adoption/summary?community=community%3Adefault%2Fpayment-experience',
      ),
    );
  });

  it('lists the non-adopting services of a cell chosen with the keyboard', async () => {
    const { requests } = await renderDashboard();

    const cell = await screen.findByRole('button', { name: PAYMENTS_CELL });
    cell.focus();
    await userEvent.keyboard('{Enter}');

    const list = await screen.findByRole('list', {
      name: 'Services: Idempotent payments in Payments',
    });
    expect(within(list).getByText('payments-api')).toBeInTheDocument();
    expect(within(list).getByText('Not adopted')).toBeInTheDocument();
    expect(
      within(list).getByText('dependency: npm idempotency-key'),
    ).toBeInTheDocument();
    expect(cell).toHaveAttribute('aria-pressed', 'true');
    expect(requests).toContain(
      '/patterns/default/idempotent-payments/adoption?status=not-adopted&valueStream=domain%3Adefault%2Fpayments&limit=100',
    );
    expect(query()).toBe(
      '?pattern=pattern%3Adefault%2Fidempotent-payments&valueStream=domain%3Adefault%2Fpayments',
    );

    await userEvent.click(screen.getByRole('tab', { name: 'All statuses' }));
    expect(query()).toContain('&status=all');
    await waitFor(() =>
      expect(requests).toContain(
        '/patterns/default/idempotent-payments/adoption?valueStream=domain%3Adefault%2Fpayments&limit=100',
      ),
    );
  });

  it('restores the selected cell, status and trend patterns from a link', async () => {
    await renderDashboard({
      url: '/?pattern=pattern%3Adefault%2Fidempotent-payments&valueStream=domain%3Adefault%2Fpayments&status=all&trend=pattern%3Adefault%2Fidempotent-payments',
    });

    expect(
      await screen.findByRole('list', {
        name: 'Services: Idempotent payments in Payments',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'All statuses' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('cell', { name: '75% (3/4)' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('rowheader', { name: '2026-11-22' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: 'Idempotent payments' }),
    ).toBeChecked();
  });

  it('explains what to do when there are no results yet', async () => {
    await renderDashboard({
      answers: {
        '/adoption/summary': { body: { items: [] } },
        '/scans/latest': {
          status: 404,
          error: { name: 'NotFoundError', message: 'No scan yet' },
        },
      },
    });

    expect(
      await screen.findByText('No adoption results yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Start a scan above/)).toBeInTheDocument();
    expect(await screen.findByText(/No scan has run yet/)).toBeInTheDocument();
  });

  it("shows the server's message when adoption may not be read", async () => {
    await renderDashboard({ answers: { '/adoption/summary': FORBIDDEN } });

    expect(
      await screen.findByText(
        /Could not load the adoption summary: You are not allowed to do this: it needs the community.adoption.read permission/,
      ),
    ).toBeInTheDocument();
  });

  it('disables "Scan now" with the reason for those who may not start scans', async () => {
    await renderDashboard({ scanAllowed: false });

    const button = await screen.findByRole('button', { name: 'Scan now' });
    await waitFor(() =>
      expect(button).toHaveAccessibleDescription(
        /You may not start scans: that needs the community.scan.create permission/,
      ),
    );
    expect(button).toBeDisabled();
  });

  it('starts a scan, and shows why when one is already running', async () => {
    const { fetch } = await renderDashboard({
      answers: {
        '/scans': {
          status: 409,
          error: {
            name: 'ConflictError',
            message: 'A scan is already running',
          },
        },
      },
    });

    const button = await screen.findByRole('button', { name: 'Scan now' });
    await waitFor(() => expect(button).toBeEnabled());
    await userEvent.click(button);

    expect(
      await screen.findByText(
        'Could not start a scan: A scan is already running',
      ),
    ).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(
      'http://localhost:7007/api/community/scans',
      expect.objectContaining({ method: 'POST' }),
    );
  });

  it("downloads the chosen community's results as CSV", async () => {
    const createObjectURL = jest.fn(() => 'blob:adoption');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    let downloaded: string | undefined;
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function saveAs(this: HTMLAnchorElement) {
        downloaded = this.download;
      });
    const { requests } = await renderDashboard({
      url: '/?community=community%3Adefault%2Fpayment-experience',
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );

    await waitFor(() =>
      expect(downloaded).toBe('adoption-payment-experience.csv'),
    );
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(requests).toContain(
      '/adoption/export.csv?community=community%3Adefault%2Fpayment-experience',
    );
  });

  it("downloads a cell's non-adopting services as CSV", async () => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:adoption'),
      revokeObjectURL: jest.fn(),
    });
    let downloaded: string | undefined;
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function saveAs(this: HTMLAnchorElement) {
        downloaded = this.download;
      });
    const { requests } = await renderDashboard();
    // no community chosen: the page-wide export says what it needs
    expect(
      await screen.findByRole('button', { name: 'Export CSV' }),
    ).toBeDisabled();

    await userEvent.click(
      await screen.findByRole('button', { name: PAYMENTS_CELL }),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Export these services' }),
    );

    await waitFor(() =>
      expect(downloaded).toBe(
        'adoption-idempotent-payments-payments-not-adopted.csv',
      ),
    );
    expect(requests).toContain(
      '/adoption/export.csv?pattern=pattern%3Adefault%2Fidempotent-payments&status=not-adopted&valueStream=domain%3Adefault%2Fpayments',
    );
  });
});
