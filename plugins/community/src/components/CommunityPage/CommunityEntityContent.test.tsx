import { Entity } from '@backstage/catalog-model';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  catalogApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { communityApiRef } from '../../api';
import {
  FORBIDDEN,
  FakeAnswer,
  fakeCommunityBackend,
} from '../../__testUtils__/communityBackend';
import { communities, relatedEntities } from '../../__testUtils__/fixtures';
import { CommunityEntityContent } from './CommunityEntityContent';
import { selectedTemplateRouteRef } from '../../routes';

const SUMMARY = '/communities/default/payment-experience/summary';
const ADOPTION_SUMMARY = '/adoption/summary';

const paymentExperience = {
  ...communities[1],
  // what the catalog resolves from the template's annotation and the
  // pattern's spec.community
  relations: [
    { type: 'publishes', targetRef: 'template:default/payment-service' },
    { type: 'publishes', targetRef: 'pattern:default/idempotent-payments' },
  ],
  metadata: {
    ...communities[1].metadata,
    links: [
      {
        url: 'https://chat.example.com/payments',
        title: '#payments-cop',
        type: 'chat',
      },
      {
        url: 'https://wiki.example.com/payments',
        title: 'Knowledge base',
        type: 'docs',
      },
    ],
  },
  spec: {
    ...communities[1].spec,
    services: ['component:default/checkout-service'],
    rhythm: {
      frequency: 'biweekly' as const,
      durationMinutes: 60,
      timeZones: ['Europe/Berlin', 'Asia/Tokyo'],
    },
    objectives: [
      {
        title: 'Halve the time to launch payments',
        url: 'https://okr.example.com/42',
      },
    ],
  },
};

const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'payment-service',
    namespace: 'default',
    title: 'Payment service',
    annotations: {
      'copkit.io/community': 'community:default/payment-experience',
    },
  },
  spec: { type: 'service' },
};

const pattern: Entity = {
  apiVersion: 'copkit.io/v1alpha1',
  kind: 'Pattern',
  metadata: {
    name: 'idempotent-payments',
    namespace: 'default',
    title: 'Idempotent payments',
  },
  spec: {
    type: 'architecture',
    status: 'trial',
    owner: 'payments',
    community: 'payment-experience',
  },
};

const summary = {
  communityRef: 'community:default/payment-experience',
  leads: 1,
  participants: 4,
  patterns: { total: 1, byStatus: { trial: 1 } },
  templates: 1,
  services: 1,
  valueStreams: 1,
  adoption: { rate: 0.75, rate90DaysAgo: 0.5, change90Days: 0.25 },
};

const cell = {
  patternRef: 'pattern:default/idempotent-payments',
  communityRef: 'community:default/payment-experience',
  valueStream: 'domain:default/payments',
  adopted: 3,
  notAdopted: 1,
  exempt: 0,
  errors: 0,
  applicable: 4,
  rate: 0.75,
};

async function renderContent(
  answers: Record<string, FakeAnswer>,
  options: { entity?: Entity; catalogApi?: unknown; scaffolder?: boolean } = {},
) {
  const { client } = fakeCommunityBackend(answers);
  await renderInTestApp(
    <EntityProvider entity={options.entity ?? paymentExperience}>
      <CommunityEntityContent />
    </EntityProvider>,
    {
      apis: [
        [communityApiRef, client],
        [
          catalogApiRef,
          options.catalogApi ??
            catalogApiMock({
              entities: [...communities, ...relatedEntities, template, pattern],
            }),
        ],
      ],
      mountedRoutes: {
        '/catalog/:namespace/:kind/:name': entityRouteRef,
        // where the app's scaffolder shows a template's form
        ...(options.scaffolder === false
          ? {}
          : {
              '/scaffold/templates/:namespace/:templateName':
                selectedTemplateRouteRef,
            }),
      },
    },
  );
}

jest.setTimeout(20_000);

describe('CommunityEntityContent', () => {
  it('shows the overview, numbers, rhythm, objectives and links', async () => {
    await renderContent({
      [SUMMARY]: { body: summary },
      [ADOPTION_SUMMARY]: { body: { items: [cell] } },
    });

    expect(
      await screen.findByText('+25 points in 90 days', { exact: false }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Consistent, locally compliant payment experiences'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Every two weeks, 60 minutes.'),
    ).toBeInTheDocument();
    const rotation = screen.getByRole('list', { name: 'Time zone rotation' });
    expect(within(rotation).getAllByRole('listitem')).toHaveLength(2);
    expect(
      within(rotation).getByText(/Asia\/Tokyo: now \d\d:\d\d/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Halve the time to launch payments/ }),
    ).toHaveAttribute('href', 'https://okr.example.com/42');
    expect(screen.getByRole('link', { name: /#payments-cop/ })).toHaveAttribute(
      'href',
      'https://chat.example.com/payments',
    );
  });

  it('lists templates with a Create button and patterns with status and rate', async () => {
    await renderContent({
      [SUMMARY]: { body: summary },
      [ADOPTION_SUMMARY]: { body: { items: [cell] } },
    });

    await screen.findByText('75% adopted (3 of 4)');
    const create = await screen.findByRole('button', {
      name: 'Create from Payment service',
    });
    expect(create).toHaveAttribute(
      'href',
      '/scaffold/templates/default/payment-service',
    );
    expect(screen.getByLabelText('Radar: trial')).toBeInTheDocument();
    expect(screen.getByText('75% adopted (3 of 4)')).toBeInTheDocument();
  });

  it('shows leads, participants, and expands groups with the keyboard', async () => {
    await renderContent({
      [SUMMARY]: { body: summary },
      [ADOPTION_SUMMARY]: { body: { items: [] } },
    });

    const toggle = await screen.findByRole('button', {
      name: 'Show 2 members',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    toggle.focus();
    await userEvent.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: 'haruto' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ana' })).toBeInTheDocument();
  });

  it('shows the first 20 of a long list of participants, and all on demand', async () => {
    const members = Array.from(
      { length: 25 },
      (_, i) => `user:default/person-${String(i).padStart(2, '0')}`,
    );
    const catalogApi = catalogApiMock({ entities: relatedEntities });
    const byRefs = jest.spyOn(catalogApi, 'getEntitiesByRefs');
    const requested = () =>
      new Set(byRefs.mock.calls.flatMap(([request]) => request.entityRefs));
    await renderContent(
      {
        [SUMMARY]: { body: summary },
        [ADOPTION_SUMMARY]: { body: { items: [] } },
      },
      {
        entity: {
          ...paymentExperience,
          spec: { ...paymentExperience.spec, members },
        } as Entity,
        catalogApi,
      },
    );

    const participants = await screen.findByRole('region', {
      name: 'Participants',
    });
    expect(within(participants).getAllByRole('listitem')).toHaveLength(20);
    expect(within(participants).getByText('person-19')).toBeInTheDocument();
    expect(within(participants).queryByText('person-20')).toBeNull();
    // only the people shown are read from the catalog
    expect(requested().has('user:default/person-19')).toBe(true);
    expect(requested().has('user:default/person-20')).toBe(false);

    await userEvent.click(
      screen.getByRole('button', { name: 'Show all 25 participants' }),
    );
    expect(within(participants).getAllByRole('listitem')).toHaveLength(25);
    expect(within(participants).getByText('person-24')).toBeInTheDocument();
    await waitFor(() =>
      expect(requested().has('user:default/person-24')).toBe(true),
    );
  });

  it('shows scope: value streams, services, parent and chapters', async () => {
    await renderContent(
      {
        [SUMMARY]: { body: summary },
        [ADOPTION_SUMMARY]: { body: { items: [] } },
      },
      { entity: communities[2] },
    );

    const chapters = await screen.findByRole('region', { name: 'Chapters' });
    expect(
      within(chapters).getByRole('link', { name: /Frontend Guild Berlin/ }),
    ).toBeInTheDocument();
    const parent = screen.getByRole('region', { name: 'Part of' });
    expect(
      within(parent).getByRole('link', { name: /engineering-guild/i }),
    ).toBeInTheDocument();
  });

  it('explains the empty states', async () => {
    const bare = communities[3];
    await renderContent(
      {
        ['/communities/default/frontend-guild-berlin/summary']: {
          body: {
            ...summary,
            adoption: { rate: null, rate90DaysAgo: null, change90Days: null },
          },
        },
        [ADOPTION_SUMMARY]: { body: { items: [] } },
      },
      { entity: { ...bare, spec: { ...bare.spec, leads: [], members: [] } } },
    );

    expect(await screen.findByText(/No templates yet/)).toBeInTheDocument();
    expect(screen.getByText(/No patterns yet/)).toBeInTheDocument();
    expect(screen.getByText(/No meeting rhythm yet/)).toBeInTheDocument();
    expect(screen.getByText(/No leads yet/)).toBeInTheDocument();
    expect(screen.getByText(/No chapters/)).toBeInTheDocument();
    expect(
      await screen.findByText(/No change to show yet/),
    ).toBeInTheDocument();
  });

  it("shows the server's message when permission is denied", async () => {
    await renderContent({
      [SUMMARY]: FORBIDDEN,
      [ADOPTION_SUMMARY]: FORBIDDEN,
    });

    expect(
      await screen.findByText(
        /Could not load the community's numbers: You are not allowed to do this: it needs the community.adoption.read permission/,
      ),
    ).toBeInTheDocument();
    // What the catalog says still shows: the templates and patterns,
    // with the reason the adoption rates are missing.
    expect(
      await screen.findByText(
        /Adoption rates unavailable: You are not allowed to do this/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Create from Payment service' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('not scanned yet')).not.toBeInTheDocument();
  });

  it('leaves out Create buttons in an app without a scaffolder', async () => {
    await renderContent(
      {
        [SUMMARY]: { body: summary },
        [ADOPTION_SUMMARY]: { body: { items: [] } },
      },
      { scaffolder: false },
    );

    expect(await screen.findByText('Payment service')).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Create from/ }),
    ).not.toBeInTheDocument();
  });

  it('shows catalog errors in the cards that need the catalog', async () => {
    const failing = {
      getEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
      getEntitiesByRefs: jest
        .fn()
        .mockRejectedValue(new Error('catalog is down')),
    };
    await renderContent(
      {
        [SUMMARY]: { body: summary },
        [ADOPTION_SUMMARY]: { body: { items: [] } },
      },
      {
        catalogApi: failing,
        entity: {
          ...paymentExperience,
          relations: [
            ...paymentExperience.relations,
            {
              type: 'parentOf',
              targetRef: 'community:default/frontend-guild-berlin',
            },
          ],
        },
      },
    );

    expect(
      await screen.findByText(
        /Could not load the people of this community: catalog is down/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Could not load the chapters of this community: catalog is down/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /Could not load what this community publishes: catalog is down/,
      ),
    ).toBeInTheDocument();
  });
});
