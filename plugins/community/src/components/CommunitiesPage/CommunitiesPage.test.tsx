import { ResponseError } from '@backstage/errors';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router-dom';
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
import { CommunitiesExplorer } from './CommunitiesExplorer';

function Location() {
  const { search } = useLocation();
  return <output aria-label="query string">{search}</output>;
}

async function renderPage(
  options: {
    summary?: FakeAnswer;
    entities?: typeof relatedEntities;
    ownershipEntityRefs?: string[];
    url?: string;
    catalogApi?: unknown;
  } = {},
) {
  const { client } = fakeCommunityBackend({
    '/adoption/summary': options.summary ?? { body: { items: summaryCells } },
  });
  await renderInTestApp(
    <>
      <CommunitiesExplorer />
      <Location />
    </>,
    {
      apis: [
        [communityApiRef, client],
        options.catalogApi
          ? [catalogApiRef, options.catalogApi]
          : catalogApiMock({
              entities: options.entities ?? [
                ...communities,
                ...relatedEntities,
              ],
            }),
        mockApis.identity({
          userEntityRef: 'user:default/guest',
          ownershipEntityRefs: options.ownershipEntityRefs ?? [
            'user:default/guest',
          ],
        }),
      ],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      initialRouteEntries: [options.url ?? '/communities'],
    },
  );
}

const card = (title: string) => screen.getByRole('article', { name: title });

/** What a community's card says for one term, e.g. "Leads". */
const fact = (title: string, term: string) =>
  within(card(title)).getByText(term, { selector: 'dt' }).nextElementSibling
    ?.textContent;

// The first render loads MUI and the app shell; CI machines have two cores.
jest.setTimeout(15_000);

describe('CommunitiesExplorer', () => {
  it('shows every community with its domain, leads, reach and adoption', async () => {
    await renderPage();

    expect(await screen.findByText('4 communities')).toBeInTheDocument();
    const payments = card('Payment Experience');
    expect(
      within(payments).getByRole('link', { name: 'Payment Experience' }),
    ).toHaveAttribute('href', '/catalog/default/community/payment-experience');
    expect(
      within(payments).getByText(
        'Consistent, locally compliant payment experiences',
      ),
    ).toBeInTheDocument();
    expect(within(payments).getByText('community')).toBeInTheDocument();
    expect(fact('Payment Experience', 'Leads')).toBe('ana');
    expect(fact('Payment Experience', 'Participants')).toBe('3');
    expect(fact('Payment Experience', 'Value streams')).toBe('payments');
    expect(fact('Payment Experience', 'Adoption')).toBe('75% (3 of 4 adopted)');
    expect(fact('Frontend Guild', 'Adoption')).toBe('50% (2 of 4 adopted)');
    expect(fact('Engineering Guild', 'Participants')).toBe('5');
    expect(fact('Engineering Guild', 'Leads')).toBe('grace');
    expect(fact('Engineering Guild', 'Adoption')).toBe('—');
  });

  it('nests chapters under the community they belong to', async () => {
    await renderPage();

    const guildChapters = await screen.findByRole('list', {
      name: 'Chapters of Engineering Guild',
    });
    expect(
      within(guildChapters)
        .getAllByRole('heading', { level: 3 })
        .map(heading => heading.textContent),
    ).toEqual(['Payment Experience', 'Frontend Guild']);
    expect(
      screen.getByRole('heading', { name: 'Engineering Guild', level: 2 }),
    ).toBeInTheDocument();
    const frontendChapters = screen.getByRole('list', {
      name: 'Chapters of Frontend Guild',
    });
    expect(
      within(frontendChapters).getByRole('heading', {
        name: 'Frontend Guild Berlin',
        level: 4,
      }),
    ).toBeInTheDocument();
  });

  it('searches as the user types and keeps the words in the URL', async () => {
    await renderPage();

    const search = await screen.findByRole('searchbox', {
      name: 'Search communities',
    });
    await userEvent.type(search, 'berlin');

    expect(screen.getByText('1 of 4 communities')).toBeInTheDocument();
    expect(card('Frontend Guild Berlin')).toBeInTheDocument();
    expect(
      screen.queryByRole('article', { name: 'Frontend Guild' }),
    ).toBeNull();
    expect(screen.getByLabelText('query string')).toHaveTextContent(
      '?q=berlin',
    );
  });

  it('opens with the filters of a deep link', async () => {
    await renderPage({ url: '/communities?type=chapter&q=design' });

    expect(await screen.findByText('1 of 4 communities')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue(
      'chapter',
    );
    expect(
      screen.getByRole('searchbox', { name: 'Search communities' }),
    ).toHaveValue('design');
    expect(card('Frontend Guild Berlin')).toBeInTheDocument();
  });

  it('filters by value stream with the keyboard, naming streams by title', async () => {
    await renderPage();

    const valueStream = await screen.findByRole('combobox', {
      name: 'Value stream',
    });
    expect(
      within(valueStream)
        .getAllByRole('option')
        .map(option => option.textContent),
    ).toEqual(['All value streams', 'Payments', 'Storefront']);
    await userEvent.tab();
    await userEvent.tab();
    expect(valueStream).toHaveFocus();
    await userEvent.selectOptions(valueStream, 'Payments');

    expect(screen.getByText('2 of 4 communities')).toBeInTheDocument();
    expect(card('Engineering Guild')).toBeInTheDocument();
    expect(card('Payment Experience')).toBeInTheDocument();
    expect(screen.getByLabelText('query string')).toHaveTextContent(
      '?valueStream=domain%3Adefault%2Fpayments',
    );
  });

  it('shows only the communities I lead or take part in, through my groups too', async () => {
    await renderPage({
      ownershipEntityRefs: [
        'user:default/haruto',
        'group:default/checkout-team',
      ],
    });

    const mine = await screen.findByRole('checkbox', {
      name: 'Only communities I lead or take part in',
    });
    mine.focus();
    await userEvent.keyboard(' ');

    expect(screen.getByText('1 of 4 communities')).toBeInTheDocument();
    expect(
      within(card('Payment Experience')).getByText('You take part'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('query string')).toHaveTextContent(
      '?mine=true',
    );
  });

  it('says what to do when nothing matches, and clears the filters', async () => {
    await renderPage({ url: '/communities?mine=true' });

    expect(
      await screen.findByText('No community matches these filters'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/You lead or take part in none of the communities/),
    ).toBeInTheDocument();
    const [clear] = screen.getAllByRole('button', { name: 'Clear filters' });
    await userEvent.click(clear);

    expect(screen.getByText('4 communities')).toBeInTheDocument();
    expect(screen.getByLabelText('query string')).toBeEmptyDOMElement();
  });

  it('explains how communities get here when the catalog has none', async () => {
    await renderPage({ entities: [] });

    expect(
      await screen.findByText('No communities in the catalog yet'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /an entity of kind Community \(apiVersion copkit.io\/v1alpha1\)/,
      ),
    ).toBeInTheDocument();
  });

  it("shows the catalog's message when the catalog cannot be read", async () => {
    await renderPage({
      catalogApi: {
        getEntities: jest.fn().mockRejectedValue(new Error('catalog is down')),
      },
    });

    expect(
      await screen.findByText(
        /Could not load the communities from the catalog: catalog is down/,
      ),
    ).toBeInTheDocument();
  });

  it("shows the catalog's 403 message when the user may not read communities", async () => {
    const denied = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'NotAllowedError',
            message: 'catalog.entity.read is denied for Community entities',
          },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await renderPage({
      catalogApi: { getEntities: jest.fn().mockRejectedValue(denied) },
    });

    expect(
      await screen.findByText(
        /Could not load the communities from the catalog: catalog.entity.read is denied for Community entities/,
      ),
    ).toBeInTheDocument();
  });

  it('still lists the communities when adoption may not be read, saying why', async () => {
    await renderPage({ summary: FORBIDDEN });

    expect(await screen.findByText('4 communities')).toBeInTheDocument();
    expect(
      screen.getByText(/Adoption rates are not shown/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'You are not allowed to do this: it needs the community.adoption.read permission',
      ),
    ).toBeInTheDocument();
    expect(fact('Payment Experience', 'Adoption')).toBe('—');
  });
});
