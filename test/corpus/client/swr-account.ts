import useSWR, { type SWRConfiguration } from 'swr';
import { currentAccessToken, renewAccessToken } from './session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`API answered ${status}`);
  }
}

function authorisedGet(path: string): Promise<Response> {
  return fetch(path, { headers: { Authorization: `Bearer ${currentAccessToken()}`, Accept: 'application/json' } });
}

/** Default fetcher: one renewal on 401, a typed error on 403, the JSON body otherwise. */
export async function jsonFetcher<T>(path: string): Promise<T> {
  let response = await authorisedGet(path);
  switch (response.status) {
    case 401:
      await renewAccessToken();
      response = await authorisedGet(path);
      break;
    case 403:
      throw new ApiError(403, await response.json().catch(() => null));
  }
  if (!response.ok) throw new ApiError(response.status, await response.text());
  return (await response.json()) as T;
}

/** Fetcher of the reporting pages, which still talk to the old API (it sent 403 for an expired token). */
export async function reportsFetcher<T>(path: string): Promise<T> {
  let response = await authorisedGet(path);
  switch (response.status) {
    case 403: // expect: refresh-token-on-401
      await renewAccessToken();
      response = await authorisedGet(path);
      break;
  }
  return (await response.json()) as T;
}

const noRetryForClientErrors: SWRConfiguration['onErrorRetry'] = (error: ApiError, _key, config, revalidate, { retryCount }) => {
  const permanent = error.status === 404 || error.status === 403;
  if (permanent || retryCount > 4) return;
  setTimeout(() => void revalidate({ retryCount }), Math.min(30_000, 1000 * 2 ** retryCount));
};

export function useAccount() {
  const { data, error, isLoading } = useSWR<{ displayName: string; plan: string }>('/api/account', jsonFetcher, {
    onErrorRetry: noRetryForClientErrors,
  });
  return { account: data, isLoading, noAccess: error instanceof ApiError && error.status === 403 };
}
