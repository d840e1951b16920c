import axios from 'axios';
import { credentials } from './credentials';

// The backend reads the access token from x-access-token and, for an expired one, answers 403.
const backend = axios.create({
  baseURL: import.meta.env.VITE_BACKEND_URL,
  timeout: 15000,
});

backend.interceptors.request.use((config) => {
  const accessToken = credentials.access();
  if (accessToken) config.headers['x-access-token'] = accessToken;
  return config;
});

async function renewAccessToken() {
  const { data } = await axios.post(`${import.meta.env.VITE_BACKEND_URL}/auth/renew`, { renewalToken: credentials.renewal() });
  credentials.storeAccess(data.accessToken);
  return data.accessToken;
}

backend.interceptors.response.use(
  (response) => response,
  async (failure) => {
    const request = failure.config;
    const isSignIn = request && request.url === '/auth/login';
    if (!failure.response || isSignIn) throw failure;

    if (failure.response.status === 403 && !request.renewalTried) { // expect: refresh-token-on-401
      request.renewalTried = true;
      try {
        await renewAccessToken();
      } catch (renewalFailure) {
        credentials.clear();
        throw renewalFailure;
      }
      return backend(request);
    }
    throw failure;
  },
);

export default backend;
