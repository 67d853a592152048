import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { communityApiRef } from '../../api';
import {
  FORBIDDEN,
  FakeAnswer,
  fakeCommunityBackend,
} from '../../__testUtils__/communityBackend';
import {
  entityAdoption,
  relevantCommunities,
  storefrontBff,
} from '../../__testUtils__/fixtures';
import { EntityCommunitiesCard } from './EntityCommunitiesCard';

const COMMUNITIES = '/entities/component/default/storefront-bff/communities';
const ADOPTION = '/entities/component/default/storefront-bff/adoption';

function renderCard(
  answers: Record<string, FakeAnswer>,
  props: { docsUrl?: string } = {},
) {
  const { client } = fakeCommunityBackend(answers);
  return renderInTestApp(
    <EntityProvider entity={storefrontBff}>
      <EntityCommunitiesCard {...props} />
    </EntityProvider>,
    {
      apis: [[communityApiRef, client]],
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}

// The first render loads MUI and the app shell; CI machines have two cores.
jest.setTimeout(15_000);

describe('EntityCommunitiesCard', () => {
  it('lists the communities with their reasons in plain words', async () => {
    await renderCard({
      [COMMUNITIES]: { body: { items: relevantCommunities } },
      [ADOPTION]: { body: { items: entityAdoption } },
    });

    const devops = await screen.findByRole('link', { name: 'DevOps Practice' });
    expect(devops).toHaveAttribute(
      'href',
      expect.stringContaining('devops-practice'),
    );
    const reasons = screen.getByRole('list', {
      name: 'Why DevOps Practice is relevant',
    });
    expect(
      within(reasons).getByText(
        'Named among the services DevOps Practice supports',
      ),
    ).toBeInTheDocument();
    expect(
      within(reasons).getByText('Supports the Storefront value stream'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Web Frontend, which owns it, takes part'),
    ).toBeInTheDocument();
  });

  it("joins through the community's chat, or says why it cannot", async () => {
    await renderCard({
      [COMMUNITIES]: { body: { items: relevantCommunities } },
      [ADOPTION]: { body: { items: [] } },
    });

    const join = await screen.findByRole('link', {
      name: 'Join DevOps Practice (opens its chat)',
    });
    expect(join).toHaveAttribute(
      'href',
      'https://chat.example.com/devops-practice',
    );
    expect(join).toHaveAttribute('target', '_blank');

    const unavailable = screen.getByRole('button', {
      name: 'Join Frontend Guild',
    });
    expect(unavailable).toHaveAttribute('aria-disabled', 'true');
    expect(unavailable).toHaveAccessibleDescription(
      'Frontend Guild has no chat link yet: its owners can add one to metadata.links with type: chat',
    );
    await userEvent.hover(unavailable);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Frontend Guild has no chat link yet',
    );
  });

  it('shows each applicable pattern with its status, leaving out the rest', async () => {
    await renderCard({
      [COMMUNITIES]: { body: { items: relevantCommunities } },
      [ADOPTION]: { body: { items: entityAdoption } },
    });

    const patterns = await screen.findByRole('region', { name: 'Patterns' });
    for (const status of ['Adopted', 'Not adopted', 'Exempt', 'Error']) {
      expect(within(patterns).getByText(status)).toBeInTheDocument();
    }
    expect(within(patterns).queryByText(/java service template/i)).toBeNull();
    expect(within(patterns).queryByText('Not applicable')).toBeNull();
  });

  it('shows the evidence, the rules tried and the reasons on expand', async () => {
    await renderCard({
      [COMMUNITIES]: { body: { items: relevantCommunities } },
      [ADOPTION]: { body: { items: entityAdoption } },
    });

    const evidence = await screen.findByRole('button', { name: 'Evidence' });
    expect(evidence).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('package.json:12')).toBeNull();
    await userEvent.click(evidence);
    expect(evidence).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('package.json:12')).toBeInTheDocument();
    expect(screen.getByText('"pino": "^9.4.0",')).toBeInTheDocument();
    expect(screen.getByText('dependency: npm pino ^9.0.0')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Rules tried' }));
    expect(
      screen.getByText('No rule matched. Rules tried:'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('file: **/Dockerfile contains "^FROM"'),
    ).toBeInTheDocument();

    const [exempt, error] = screen.getAllByRole('button', { name: 'Reason' });
    await userEvent.click(exempt);
    expect(
      screen.getByText(
        'Exempt until 2027-03-31: migrating to the new flag service first',
      ),
    ).toBeInTheDocument();
    await userEvent.click(error);
    expect(
      screen.getByText(
        'Could not be judged: repository not found: https://repos.acme.example/storefront-bff/',
      ),
    ).toBeInTheDocument();
  });

  it('explains how a service becomes part of a community when it is in none', async () => {
    await renderCard(
      {
        [COMMUNITIES]: { body: { items: [] } },
        [ADOPTION]: { body: { items: [] } },
      },
      { docsUrl: 'https://docs.example.com/communities' },
    );

    expect(
      await screen.findByText(
        /Storefront BFF is not part of any community yet/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/a community names it in its/)).toBeInTheDocument();
    expect(
      screen.getByText(/created from a template a community publishes/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/the group that owns it leads or takes part/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/a community supports its value stream/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /How services join communities/ }),
    ).toHaveAttribute('href', 'https://docs.example.com/communities');
    expect(
      screen.getByText(/No pattern published by a community applies/),
    ).toBeInTheDocument();
  });

  it('shows a progress bar while loading', async () => {
    const { client } = fakeCommunityBackend({});
    jest
      .spyOn(client, 'getRelevantCommunities')
      .mockReturnValue(new Promise(() => {}));
    await renderInTestApp(
      <EntityProvider entity={storefrontBff}>
        <EntityCommunitiesCard />
      </EntityProvider>,
      { apis: [[communityApiRef, client]] },
    );

    expect(await screen.findByTestId('progress')).toBeInTheDocument();
  });

  it("shows the server's message when the user may not read adoption", async () => {
    await renderCard({ [COMMUNITIES]: FORBIDDEN, [ADOPTION]: FORBIDDEN });

    expect(
      await screen.findByText(
        /Could not load the communities of this service: You are not allowed to do this: it needs the community.adoption.read permission/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Patterns' })).toBeNull();
  });

  it("shows the server's message on other errors", async () => {
    await renderCard({
      [COMMUNITIES]: {
        status: 500,
        error: { name: 'Error', message: 'database is locked' },
      },
      [ADOPTION]: { body: { items: [] } },
    });

    await waitFor(() =>
      expect(
        screen.getByText(
          /Could not load the communities of this service: database is locked/,
        ),
      ).toBeInTheDocument(),
    );
  });
});
