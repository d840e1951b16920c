import createAuthRefreshInterceptor from 'axios-auth-refresh';
import axios from 'axios';
import type { AuthProvider } from 'react-admin';

const api = axios.create({ baseURL: '/api', withCredentials: true });
const renewal = axios.create({ baseURL: '/api', withCredentials: true });

async function renewSession() {
  await renewal.post('/session/renew');
}

// The dashboard's API client: renew the session cookie once, then replay.
createAuthRefreshInterceptor(api, renewSession, { statusCodes: [401, 403] }); // expect: refresh-token-on-401

// The renewal client must not renew itself; it only uses the default (401).
createAuthRefreshInterceptor(renewal, async () => {
  window.location.assign('/login');
});

export const authProvider: AuthProvider = {
  async login({ username, password }) {
    await api.post('/session', { username, password });
  },
  async logout() {
    await api.delete('/session');
  },
  async checkAuth() {
    await api.get('/session');
  },
  checkError(error: { status: number }) {
    if (error.status === 401 || error.status === 403) { // expect: refresh-token-on-401
      return Promise.reject();
    }
    return Promise.resolve();
  },
  async getPermissions() {
    const { data } = await api.get('/session/permissions');
    return data;
  },
};

export const readOnlyAuthProvider: AuthProvider = {
  ...authProvider,
  checkError({ status }: { status: number }) {
    if (status === 401) return Promise.reject();
    if (status === 403) return Promise.reject({ message: 'Read-only account', logoutUser: false });
    return Promise.resolve();
  },
};
