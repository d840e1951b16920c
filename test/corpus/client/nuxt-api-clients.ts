import { useSessionStore } from '~/stores/session';

// Two $fetch instances for the app: the main API and the archive, which still answers 419 for a lapsed session.
export default defineNuxtPlugin(() => {
  const session = useSessionStore();

  function withBearer(headers: HeadersInit | undefined): Headers {
    const merged = new Headers(headers);
    if (session.accessToken) merged.set('Authorization', `Bearer ${session.accessToken}`);
    return merged;
  }

  const api = $fetch.create({
    baseURL: '/api',
    retry: 1,
    retryStatusCodes: [401],
    onRequest({ options }) {
      options.headers = withBearer(options.headers);
    },
    async onResponseError({ response }) {
      if (response.status === 401) await session.refreshToken();
      else if (response.status === 403) await navigateTo('/no-access');
    },
  });

  const archive = $fetch.create({
    baseURL: '/archive-api',
    retry: 1,
    retryStatusCodes: [419, 503], // expect-ignore: the retry list; the refresh is decided in onResponseError below
    onRequest({ options }) {
      options.headers = withBearer(options.headers);
    },
    async onResponseError({ response }) {
      if (response.status === 419) { // expect: refresh-token-on-401
        await session.refreshToken();
      }
    },
  });

  return { provide: { api, archive } };
});
