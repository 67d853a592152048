import { mockApis } from '@backstage/frontend-test-utils';
import { entityAdoption, relevantCommunities } from './fixtures';
import { CommunityClient } from '../api';

/** One answer of the fake backend: a JSON body, or an error. */
export type FakeAnswer =
  | { status?: 200; body: unknown }
  | { status: number; error: { name: string; message: string } };

/** Backstage's error body, as the community backend sends it. */
function errorBody(
  status: number,
  error: { name: string; message: string },
  url: string,
) {
  return {
    error,
    request: { method: 'GET', url },
    response: { statusCode: status },
  };
}

/**
 * A real {@link CommunityClient} over a fake backend: each request path
 * (without query) is answered from `answers`; anything else is a 404.
 * The requested URLs are kept in `requests`.
 */
export function fakeCommunityBackend(answers: Record<string, FakeAnswer>) {
  const requests: string[] = [];
  const fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    requests.push(`${url.pathname.replace('/api/community', '')}${url.search}`);
    const path = url.pathname.replace('/api/community', '');
    const answer = answers[path];
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'Content-Type': 'application/json' },
      });
    if (!answer) {
      return json(
        404,
        errorBody(404, { name: 'NotFoundError', message: 'Not found' }, path),
      );
    }
    if ('error' in answer) {
      return json(answer.status, errorBody(answer.status, answer.error, path));
    }
    return json(200, answer.body);
  });
  const client = new CommunityClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
    fetchApi: mockApis.fetch({
      baseImplementation: fetch as typeof globalThis.fetch,
    }),
  });
  return { client, requests, fetch };
}

/** The 403 the backend answers without `community.adoption.read`. */
export const FORBIDDEN: FakeAnswer = {
  status: 403,
  error: {
    name: 'NotAllowedError',
    message:
      'You are not allowed to do this: it needs the community.adoption.read permission',
  },
};

/** The backend's answers about storefront-bff, for the plugin-level tests. */
export function storefrontBackend() {
  return fakeCommunityBackend({
    '/entities/component/default/storefront-bff/communities': {
      body: { items: relevantCommunities },
    },
    '/entities/component/default/storefront-bff/adoption': {
      body: { items: entityAdoption },
    },
    '/adoption/summary': { body: { items: [] } },
  });
}
