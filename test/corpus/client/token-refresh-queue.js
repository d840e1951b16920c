import axios from 'axios';
import { getRefreshToken, saveTokens, clearTokens } from './storage';

let isRefreshing = false;
let failedQueue = [];

const processQueue = (error, token = null) => {
  failedQueue.forEach((prom) => (error ? prom.reject(error) : prom.resolve(token)));
  failedQueue = [];
};

const api = axios.create({ baseURL: '/api' });

api.interceptors.response.use(
  (response) => response,
  (error) => {
    const originalRequest = error.config;
    const status = error.response ? error.response.status : null;

    if ((status === 401 || status === 403) && !originalRequest._retry) { // expect: refresh-token-on-401
      if (isRefreshing) {
        return new Promise((resolve, reject) => failedQueue.push({ resolve, reject }))
          .then((token) => {
            originalRequest.headers.Authorization = 'Bearer ' + token;
            return api(originalRequest);
          });
      }

      originalRequest._retry = true;
      isRefreshing = true;

      return new Promise((resolve, reject) => {
        axios
          .post('/api/auth/refresh', { refreshToken: getRefreshToken() })
          .then(({ data }) => {
            saveTokens(data);
            api.defaults.headers.common.Authorization = 'Bearer ' + data.accessToken;
            originalRequest.headers.Authorization = 'Bearer ' + data.accessToken;
            processQueue(null, data.accessToken);
            resolve(api(originalRequest));
          })
          .catch((err) => {
            processQueue(err, null);
            clearTokens();
            reject(err);
          })
          .finally(() => {
            isRefreshing = false;
          });
      });
    }

    if (status === 429) {
      const retryAfter = Number(error.response.headers['retry-after'] || 1);
      return new Promise((resolve) => setTimeout(resolve, retryAfter * 1000)).then(() => api(originalRequest));
    }

    return Promise.reject(error);
  }
);

export default api;
