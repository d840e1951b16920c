import { ofetch } from 'ofetch';
import { useAuthStore } from '~/stores/auth';

export default defineNuxtPlugin(() => {
  const auth = useAuthStore();

  const api = ofetch.create({
    baseURL: '/api',
    retry: 1,
    retryStatusCodes: [401],
    onRequest({ options }) {
      if (auth.accessToken) {
        options.headers = new Headers(options.headers);
        options.headers.set('Authorization', `Bearer ${auth.accessToken}`);
      }
    },
    async onResponseError({ response }) {
      if (response.status === 401) {
        await auth.refresh();
      }
      if (response.status === 403) {
        await navigateTo('/forbidden');
      }
    },
  });

  const legacyApi = ofetch.create({
    baseURL: '/legacy',
    retry: 1,
    retryStatusCodes: [419], // expect-ignore: the retry list; the refresh is decided in onResponseError below
    async onResponseError({ response }) {
      if (response.status === 419) { // expect: refresh-token-on-401
        await auth.refresh();
      }
    },
  });

  return { provide: { api, legacyApi } };
});
