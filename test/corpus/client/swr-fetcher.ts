import useSWR from 'swr';
import { refreshAccessToken, getAccessToken } from './auth';

export class FetchError extends Error {
  constructor(
    public status: number,
    public info: unknown,
  ) {
    super(`Request failed with ${status}`);
  }
}

async function request(url: string): Promise<Response> {
  return fetch(url, { headers: { Authorization: `Bearer ${getAccessToken()}` } });
}

export async function fetcher<T>(url: string): Promise<T> {
  let res = await request(url);
  switch (res.status) {
    case 401:
      await refreshAccessToken();
      res = await request(url);
      break;
    case 403:
      throw new FetchError(403, await res.json());
    default:
      break;
  }
  if (!res.ok) throw new FetchError(res.status, await res.text());
  return res.json() as Promise<T>;
}

export async function oldFetcher<T>(url: string): Promise<T> {
  let res = await request(url);
  switch (res.status) {
    case 403: // expect: refresh-token-on-401
      await refreshAccessToken();
      res = await request(url);
      break;
    default:
      break;
  }
  return res.json() as Promise<T>;
}

export function useUser() {
  const { data, error } = useSWR<{ name: string }>('/api/user', fetcher, {
    onErrorRetry: (err: FetchError, _key, _config, revalidate, { retryCount }) => {
      if (err.status === 404 || err.status === 403) return;
      if (retryCount >= 3) return;
      setTimeout(() => revalidate({ retryCount }), 5000);
    },
  });
  return { user: data, isForbidden: error?.status === 403, isLoading: !error && !data };
}
