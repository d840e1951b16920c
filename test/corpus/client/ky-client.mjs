import ky from 'ky';
import { tokenStore } from './token-store.mjs';

async function refresh() {
  const { accessToken } = await ky.post('/api/auth/refresh', { credentials: 'include' }).json();
  tokenStore.set(accessToken);
  return accessToken;
}

export const api = ky.create({
  prefixUrl: '/api',
  hooks: {
    beforeRequest: [
      (request) => {
        const token = tokenStore.get();
        if (token) request.headers.set('Authorization', `Bearer ${token}`);
      },
    ],
    afterResponse: [
      async (request, options, response) => {
        if (response.status === 401) {
          const token = await refresh();
          request.headers.set('Authorization', `Bearer ${token}`);
          return ky(request);
        }
        if (response.status === 403) {
          window.dispatchEvent(new CustomEvent('app:forbidden'));
        }
        return response;
      },
    ],
  },
});

export const legacyApi = ky.create({
  prefixUrl: '/v1',
  retry: { limit: 2, statusCodes: [408, 413, 429, 500, 502, 503, 504] },
  hooks: {
    afterResponse: [
      async (request, options, response) => {
        if (response.status === 403) { // expect: refresh-token-on-401
          const token = await refresh();
          request.headers.set('Authorization', `Bearer ${token}`);
          return ky(request);
        }
        return response;
      },
    ],
  },
});
