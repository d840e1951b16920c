import ky from 'ky';
import { sessionTokens } from './session-tokens.mjs';

async function refreshAccessToken() {
  const { access } = await ky.post('/auth/session/refresh', { credentials: 'include' }).json();
  sessionTokens.setAccess(access);
  return access;
}

function attachAccessToken(request) {
  const access = sessionTokens.access();
  if (access) request.headers.set('Authorization', `Bearer ${access}`);
}

// Current API: 401 means "refresh and try again", 403 means "you may not".
export const api = ky.extend({
  prefixUrl: '/api/v3',
  hooks: {
    beforeRequest: [attachAccessToken],
    afterResponse: [
      async (request, _options, response) => {
        if (response.status === 401 && !request.headers.has('x-retried')) {
          request.headers.set('Authorization', `Bearer ${await refreshAccessToken()}`);
          request.headers.set('x-retried', '1');
          return ky(request);
        }
        if (response.status === 403) {
          document.dispatchEvent(new CustomEvent('access-denied', { detail: request.url }));
        }
        return response;
      },
    ],
  },
});

// Search service still on the old gateway, which said 403 for an expired token.
export const searchApi = ky.extend({
  prefixUrl: '/search',
  retry: { limit: 3, statusCodes: [408, 429, 502, 503, 504] },
  hooks: {
    beforeRequest: [attachAccessToken],
    afterResponse: [
      async (request, _options, response) => {
        if (response.status !== 403) return response; // expect: refresh-token-on-401
        request.headers.set('Authorization', `Bearer ${await refreshAccessToken()}`);
        return ky(request);
      },
    ],
  },
});
