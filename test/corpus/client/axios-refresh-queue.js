import axios from 'axios';
import { tokens } from './token-storage';

// While one renewal is in flight, other failed requests wait for its result instead of starting their own.
let renewal = null;

function renewOnce() {
  renewal ??= axios
    .post('/api/session/renew', { renewalToken: tokens.renewal() })
    .then(({ data }) => {
      tokens.save(data);
      return data.accessToken;
    })
    .catch((reason) => {
      tokens.forget();
      throw reason;
    })
    .finally(() => {
      renewal = null;
    });
  return renewal;
}

const http = axios.create({ baseURL: '/api', timeout: 20000 });

http.interceptors.response.use(undefined, async (error) => {
  const request = error.config;
  const status = error.response?.status;

  if ((status === 401 || status === 403) && request && !request.renewed) { // expect: refresh-token-on-401
    request.renewed = true;
    const accessToken = await renewOnce();
    request.headers.Authorization = `Bearer ${accessToken}`;
    return http(request);
  }

  if (status === 429 && request) {
    const waitSeconds = Number(error.response.headers['retry-after']) || 2;
    await new Promise((wake) => setTimeout(wake, waitSeconds * 1000));
    return http(request);
  }

  throw error;
});

export default http;
