import { renderTestApp } from '@backstage/frontend-test-utils';
import { createTestEntityPage } from '@backstage/plugin-catalog-react/testUtils';
import { screen } from '@testing-library/react';
import {
  communityPlugin,
  communityEntityContent,
  patternAdoptionEntityContent,
} from '../../alpha';
import { communityApiRef } from '../../api';
import { fakeCommunityBackend } from '../../__testUtils__/communityBackend';
import { communities, storefrontBff } from '../../__testUtils__/fixtures';

describe('the entity page extensions (new frontend system)', () => {
  it('are part of the plugin and enabled by default', () => {
    for (const id of [
      'entity-content:community/community',
      'entity-card:community/community-overview',
      'entity-content:community/pattern-adoption',
      'entity-card:community/pattern-overview',
    ]) {
      const extension = communityPlugin.getExtension(id as any) as any;
      expect(extension).toBeDefined();
      expect(extension.disabled).toBe(false);
    }
  });

  it('puts the Community tab on Community pages only', async () => {
    const { client } = fakeCommunityBackend({});
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: communities[1] }),
        communityEntityContent,
        patternAdoptionEntityContent,
      ],
      apis: [[communityApiRef, client]],
    });

    expect(
      await screen.findByText('About this community', {}, { timeout: 10000 }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Adoption by value stream')).toBeNull();
  }, 20_000);

  it('leaves Component pages alone', async () => {
    const { client } = fakeCommunityBackend({});
    renderTestApp({
      extensions: [
        createTestEntityPage({ entity: storefrontBff }),
        communityEntityContent,
        patternAdoptionEntityContent,
      ],
      apis: [[communityApiRef, client]],
    });

    // Give the lazy loaders a chance to (wrongly) render.
    await new Promise(resolve => setTimeout(resolve, 500));
    expect(screen.queryByText('About this community')).toBeNull();
    expect(screen.queryByText('Adoption by value stream')).toBeNull();
  });
});
