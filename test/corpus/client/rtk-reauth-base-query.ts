import { createApi, fetchBaseQuery, type BaseQueryFn, type FetchArgs, type FetchBaseQueryError } from '@reduxjs/toolkit/query/react';
import { sessionCleared, tokenRenewed } from '../session/sessionSlice';
import type { AppState } from './store';

const rawQuery = fetchBaseQuery({
  baseUrl: import.meta.env.VITE_API_ORIGIN,
  credentials: 'include',
  prepareHeaders(headers, { getState }) {
    const accessToken = (getState() as AppState).session.accessToken;
    if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
    return headers;
  },
});

type Query = BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError>;

async function renew(api: Parameters<Query>[1], extra: Parameters<Query>[2]): Promise<boolean> {
  const renewal = await rawQuery({ url: '/session/renew', method: 'POST' }, api, extra);
  if (renewal.data) {
    api.dispatch(tokenRenewed(renewal.data as { accessToken: string }));
    return true;
  }
  api.dispatch(sessionCleared());
  return false;
}

/** Written against the old backend, which answered 403 for an expired access token. */
const queryWithRenewalOn403: Query = async (args, api, extra) => {
  const first = await rawQuery(args, api, extra);
  if (first.error?.status === 403) { // expect: refresh-token-on-401
    return (await renew(api, extra)) ? rawQuery(args, api, extra) : first;
  }
  return first;
};

/** The current backend: 401 means renew and retry, 403 means show the no-access screen. */
const queryWithRenewal: Query = async (args, api, extra) => {
  const first = await rawQuery(args, api, extra);
  if (first.error && first.error.status === 401) {
    return (await renew(api, extra)) ? rawQuery(args, api, extra) : first;
  }
  if (first.error && first.error.status === 403) {
    api.dispatch({ type: 'ui/noAccessShown' });
  }
  return first;
};

export const legacyApi = createApi({ reducerPath: 'legacyApi', baseQuery: queryWithRenewalOn403, endpoints: () => ({}) });
export const api = createApi({ reducerPath: 'api', baseQuery: queryWithRenewal, endpoints: () => ({}) });
