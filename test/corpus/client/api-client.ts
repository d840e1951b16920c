import axios, { AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { authStore } from './auth-store';
import { router } from './router';

type RetriableConfig = InternalAxiosRequestConfig & { _retry?: boolean };

let refreshPromise: Promise<string> | null = null;

function refreshAccessToken(client: AxiosInstance): Promise<string> {
  refreshPromise ??= client
    .post<{ accessToken: string }>('/auth/refresh', null, { withCredentials: true })
    .then((response) => {
      authStore.setAccessToken(response.data.accessToken);
      return response.data.accessToken;
    })
    .finally(() => {
      refreshPromise = null;
    });
  return refreshPromise;
}

export function createApiClient(): AxiosInstance {
  const client = axios.create({ baseURL: '/api', withCredentials: true });

  client.interceptors.request.use((config) => {
    const token = authStore.accessToken;
    if (token) config.headers.Authorization = `Bearer ${token}`;
    return config;
  });

  client.interceptors.response.use(
    (response) => response,
    async (error: AxiosError) => {
      const original = error.config as RetriableConfig | undefined;
      const status = error.response?.status;

      // Correct: refresh-and-retry only on 401
      if (status === 401 && original && !original._retry) {
        original._retry = true;
        const token = await refreshAccessToken(client);
        original.headers.Authorization = `Bearer ${token}`;
        return client(original);
      }

      // Correct: a 403 means "you may not", show it and do not retry
      if (status === 403) {
        router.push({ name: 'forbidden' });
      }

      if (status === 400) {
        console.warn('Validation failed', error.response?.data);
      }

      return Promise.reject(error);
    },
  );

  return client;
}

export function createLegacyClient(): AxiosInstance {
  const client = axios.create({ baseURL: '/legacy-api' });

  client.interceptors.response.use(undefined, async (error: AxiosError<{ code?: string }>) => {
    const original = error.config as RetriableConfig | undefined;
    if (!original || original._retry) throw error;

    // The legacy backend answers 498 for an expired token and 419 for an expired session
    if (error.response?.status === 498 || error.response?.status === 419) { // expect: refresh-token-on-401
      original._retry = true;
      await refreshAccessToken(client);
      return client(original);
    }
    if (error.response?.status === 440) { // expect: refresh-token-on-401
      original._retry = true;
      await refreshAccessToken(client);
      return client(original);
    }
    throw error;
  });

  return client;
}
