import { Content, Header, Page } from '@backstage/core-components';
import { CommunitiesRoutes } from './CommunitiesRoutes';

/**
 * The communities page with its own header, for apps on the legacy
 * frontend system; the new system's page layout brings the header itself.
 *
 * @public
 */
export function CommunitiesPage() {
  return (
    <Page themeId="home">
      <Header
        title="Communities"
        subtitle="Communities of Practice: who leads them, who takes part, and how far their patterns have spread"
      />
      <Content>
        <CommunitiesRoutes />
      </Content>
    </Page>
  );
}
