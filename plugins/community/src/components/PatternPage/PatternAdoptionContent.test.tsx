import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdoptionResult } from '@copkit/plugin-community-common';
import { communityApiRef } from '../../api';
import {
  FORBIDDEN,
  FakeAnswer,
  fakeCommunityBackend,
} from '../../__testUtils__/communityBackend';
import { PatternAdoptionContent } from './PatternAdoptionContent';
import { selectedTemplateRouteRef } from '../../routes';

const ADOPTION = '/patterns/default/structured-logging/adoption';
const SUMMARY = '/adoption/summary';
const TRENDS = '/adoption/trends';
const EXPORT = '/adoption/export.csv';

const pattern: Entity = {
  apiVersion: 'copkit.io/v1alpha1',
  kind: 'Pattern',
  metadata: {
    name: 'structured-logging',
    namespace: 'default',
    title: 'Structured logging',
    links: [
      {
        url: 'https://wiki.example.com/logging',
        title: 'How to adopt',
        type: 'docs',
      },
    ],
  },
  spec: {
    type: 'infrastructure',
    status: 'adopt',
    owner: 'group:default/platform',
    community: 'community:default/devops-practice',
    templates: ['template:default/node-service'],
    exemptions: [
      {
        entity: 'component:default/warehouse-sync',
        reason: 'Nightly batch job writing its own audit log',
        until: '2099-06-30',
      },
    ],
  },
};

const counts = { exempt: 0, errors: 0 };
const cell = (valueStream: string, adopted: number, notAdopted: number) => ({
  patternRef: 'pattern:default/structured-logging',
  communityRef: 'community:default/devops-practice',
  valueStream,
  adopted,
  notAdopted,
  applicable: adopted + notAdopted,
  rate: adopted / (adopted + notAdopted),
  ...counts,
});

const result = (
  entity: string,
  fields: Partial<AdoptionResult>,
): AdoptionResult => ({
  entityRef: `component:default/${entity}`,
  patternRef: 'pattern:default/structured-logging',
  communityRef: 'community:default/devops-practice',
  valueStream: 'domain:default/payments',
  status: 'adopted',
  evidence: [],
  tried: [],
  notes: [],
  checkedAt: '2026-01-01T00:00:00Z',
  ...fields,
});

const data: Record<string, FakeAnswer> = {
  [SUMMARY]: {
    body: {
      items: [
        cell('domain:default/payments', 3, 1),
        cell('domain:default/storefront', 1, 1),
        {
          ...cell('domain:default/payments', 1, 0),
          patternRef: 'pattern:default/other',
        },
      ],
    },
  },
  [TRENDS]: {
    body: {
      items: [
        {
          day: '2026-01-01',
          adopted: 2,
          notAdopted: 2,
          applicable: 4,
          rate: 0.5,
          ...counts,
        },
        {
          day: '2026-01-02',
          adopted: 4,
          notAdopted: 2,
          applicable: 6,
          rate: 2 / 3,
          ...counts,
        },
      ],
    },
  },
  [ADOPTION]: {
    body: {
      totalCount: 2,
      nextCursor: 'page-2',
      items: [
        result('checkout-service', {
          evidence: [
            { rule: 'dependency: npm pino', path: 'package.json', line: 12 },
          ],
        }),
        result('refund-service', {
          status: 'not-adopted',
          tried: ['dependsOn: resource:default/log-pipeline'],
        }),
      ],
    },
  },
};

async function renderContent(answers: Record<string, FakeAnswer>, route = '/') {
  const backend = fakeCommunityBackend(answers);
  await renderInTestApp(
    <EntityProvider entity={pattern}>
      <PatternAdoptionContent />
    </EntityProvider>,
    {
      apis: [[communityApiRef, backend.client]],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        '/create/templates/:namespace/:templateName': selectedTemplateRouteRef,
      },
      initialRouteEntries: [route],
    },
  );
  return backend;
}

jest.setTimeout(20_000);

describe('PatternAdoptionContent', () => {
  it('shows the overview, templates and exemptions', async () => {
    await renderContent(data);

    expect(screen.getByText('adopt')).toBeInTheDocument();
    expect(screen.getByText('infrastructure')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /How to adopt/ })).toHaveAttribute(
      'href',
      'https://wiki.example.com/logging',
    );
    expect(
      screen.getByRole('button', {
        name: /^Create from /,
      }),
    ).toHaveAttribute('href', '/create/templates/default/node-service');
    const exemptions = screen.getByRole('table', { name: 'Exemptions' });
    expect(
      within(exemptions).getByText(
        'Nightly batch job writing its own audit log',
      ),
    ).toBeInTheDocument();
    expect(within(exemptions).getByText('2099-06-30')).toBeInTheDocument();
    await screen.findByRole('table', { name: 'Services' });
  });

  it('shows adoption by value stream for this pattern only', async () => {
    const { requests } = await renderContent(data);

    const table = await screen.findByRole('table', {
      name: 'Adoption by value stream',
    });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByText('75%')).toBeInTheDocument();
    expect(requests).toContain(
      '/adoption/summary?community=community%3Adefault%2Fdevops-practice',
    );
  });

  it('draws the trend with a text equivalent', async () => {
    await renderContent(data);

    expect(
      await screen.findByText(
        'Adoption rate from 50% on 2026-01-01 to 67% on 2026-01-02, over 2 days.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Adoption over time', hidden: true }),
    ).toBeInTheDocument();
  });

  it('lists services with evidence, filters from the URL and pages', async () => {
    const { requests } = await renderContent(data, '/?status=adopted');

    const services = await screen.findByRole('table', { name: 'Services' });
    expect(
      within(services).getByText('dependency: npm pino (package.json:12)'),
    ).toBeInTheDocument();
    expect(within(services).getByText(/No rule matched/)).toBeInTheDocument();
    expect(screen.getByLabelText('Status')).toHaveValue('adopted');
    expect(requests).toContain(
      '/patterns/default/structured-logging/adoption?status=adopted&limit=20',
    );

    await userEvent.selectOptions(
      await screen.findByLabelText('Value stream'),
      'domain:default/storefront',
    );
    await waitFor(() =>
      expect(requests).toContain(
        '/patterns/default/structured-logging/adoption?status=adopted&valueStream=domain%3Adefault%2Fstorefront&limit=20',
      ),
    );
    await userEvent.click(
      await screen.findByRole('button', { name: 'Next page' }),
    );
    await waitFor(() =>
      expect(requests.some(r => r.includes('cursor=page-2'))).toBe(true),
    );
  });

  it('downloads the CSV through the client', async () => {
    const createObjectURL = jest.fn(() => 'blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const { requests } = await renderContent({
      ...data,
      [EXPORT]: { body: 'a,b' },
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(requests).toContain(
      '/adoption/export.csv?pattern=pattern%3Adefault%2Fstructured-logging',
    );
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('exports only the services the filters show', async () => {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:csv'),
      revokeObjectURL: jest.fn(),
    });
    jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const { requests } = await renderContent(
      { ...data, [EXPORT]: { body: 'a,b' } },
      '/?status=not-adopted&valueStream=domain%3Adefault%2Fpayments',
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export these services' }),
    );
    await waitFor(() =>
      expect(requests).toContain(
        '/adoption/export.csv?pattern=pattern%3Adefault%2Fstructured-logging&status=not-adopted&valueStream=domain%3Adefault%2Fpayments',
      ),
    );
  });

  it('ignores a status it does not know, and shows a linked value stream as chosen', async () => {
    const { requests } = await renderContent(
      data,
      '/?status=done&valueStream=domain%3Adefault%2Fnowhere',
    );

    await screen.findByRole('table', { name: 'Services' });
    expect(screen.getByLabelText('Status')).toHaveValue('');
    expect(screen.getByLabelText('Value stream')).toHaveValue(
      'domain:default/nowhere',
    );
    expect(requests).toContain(
      '/patterns/default/structured-logging/adoption?valueStream=domain%3Adefault%2Fnowhere&limit=20',
    );
  });

  it('explains empty results', async () => {
    await renderContent({
      [SUMMARY]: { body: { items: [] } },
      [TRENDS]: { body: { items: [] } },
      [ADOPTION]: { body: { items: [], totalCount: 0 } },
    });

    expect(
      await screen.findByText(/No results for this pattern yet/),
    ).toBeInTheDocument();
    expect(await screen.findByText(/No history yet/)).toBeInTheDocument();
    expect(
      await screen.findByText(/No adoption results yet/),
    ).toBeInTheDocument();
  });

  it("shows the server's message when permission is denied, also on export", async () => {
    await renderContent({
      [SUMMARY]: FORBIDDEN,
      [TRENDS]: FORBIDDEN,
      [ADOPTION]: FORBIDDEN,
      [EXPORT]: FORBIDDEN,
    });

    for (const title of [
      'Could not load the services',
      'Could not load the adoption trend',
      'Could not load adoption by value stream',
    ]) {
      expect(
        await screen.findByText(
          new RegExp(
            `${title}: You are not allowed to do this: it needs the community.adoption.read permission`,
          ),
        ),
      ).toBeInTheDocument();
    }
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(
      await screen.findByText(
        /Could not export: You are not allowed to do this/,
      ),
    ).toBeInTheDocument();
  });
});
