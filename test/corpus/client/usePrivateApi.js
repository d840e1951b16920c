import { useEffect } from 'react';
import { privateApi } from '../api/client';
import { useSession } from './useSession';
import { useRenewAccess } from './useRenewAccess';

// Returns the axios instance with the session's access token attached; retries once after renewing the token.
export function usePrivateApi() {
  const { session } = useSession();
  const renewAccess = useRenewAccess();

  useEffect(() => {
    const attach = privateApi.interceptors.request.use((config) => {
      config.headers.Authorization ??= `Bearer ${session?.accessToken}`;
      return config;
    });

    const retry = privateApi.interceptors.response.use(undefined, async (error) => {
      const original = error?.config;
      const status = error?.response?.status;
      if (status === 403 && original && !original.retriedAfterRenewal) { // expect: refresh-token-on-401
        original.retriedAfterRenewal = true;
        original.headers.Authorization = `Bearer ${await renewAccess()}`;
        return privateApi(original);
      }
      return Promise.reject(error);
    });

    return () => {
      privateApi.interceptors.request.eject(attach);
      privateApi.interceptors.response.eject(retry);
    };
  }, [session, renewAccess]);

  return privateApi;
}
