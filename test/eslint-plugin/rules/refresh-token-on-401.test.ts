import assert from 'node:assert/strict';
import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';
import { assertSuggestionsLeaveNoNewReport, lintWithOptions } from './lint-helpers';

const rule = plugin.rules['refresh-token-on-401'];

type MessageId = 'refreshOnForbidden' | 'refreshOnBadRequest' | 'refreshOnOtherStatus';

/** One report with its one "Key the branch on 401" suggestion giving `output`. */
const keyOn401 = (output: string, messageId: MessageId = 'refreshOnForbidden', line?: number) => [
  { messageId, ...(line ? { line } : {}), suggestions: [{ messageId: 'keyOn401' as const, output }] },
];

/** The classic axios interceptor, keyed on `condition`. */
const interceptor = (condition: string) => `import axios from 'axios';
const api = axios.create({ baseURL: '/api' });
api.interceptors.response.use(
  (response) => response,
  async (error) => {
    const originalRequest = error.config;
    if (${condition}) {
      originalRequest._retry = true;
      const { data } = await axios.post('/auth/refresh', {}, { withCredentials: true });
      originalRequest.headers.Authorization = \`Bearer \${data.accessToken}\`;
      return api(originalRequest);
    }
    return Promise.reject(error);
  },
);`;

const RTK = (condition: string) => `import { fetchBaseQuery } from '@reduxjs/toolkit/query/react';
const rawBaseQuery = fetchBaseQuery({ baseUrl: '/api', credentials: 'include' });
export const baseQueryWithRenewal = async (args, api, extraOptions) => {
  const result = await rawBaseQuery(args, api, extraOptions);
  if (${condition}) {
    const renewal = await rawBaseQuery({ url: '/session/refresh', method: 'POST' }, api, extraOptions);
    if (!renewal.data) {
      api.dispatch(sessionEnded());
      return result;
    }
    api.dispatch(accessTokenRenewed(renewal.data));
    return rawBaseQuery(args, api, extraOptions);
  }
  return result;
};`;

const VALID = [
  // Refresh-and-retry keyed on 401: right.
  interceptor('error.response?.status === 401 && !originalRequest._retry'),
  interceptor('[401].includes(error.response.status) && !originalRequest._retry'),
  RTK('result.error && result.error.status === 401'),
  // A 403 branch that shows an error page, logs, throws or logs out: right (a new token would not help).
  `api.interceptors.response.use((r) => r, (error) => {
    if (error.response?.status === 403) { window.location.href = '/forbidden'; }
    return Promise.reject(error);
  });`,
  `axios.interceptors.response.use(undefined, (err) => {
    if (err.response.status === 403) { console.warn('No access to', err.config.url); toast.error('You do not have access'); throw err; }
    return Promise.reject(err);
  });`,
  `async function load(res) { if (res.status === 403) { await logout(); navigate('/login'); return null; } return res.json(); }`,
  `if (res.status === 403) router.refresh();`,
  // Names that mention a retry or a token without doing either.
  `if (res.status === 403) { setRetryCount(0); showRetryButton(); }`,
  `api.interceptors.response.use((r) => r, (error) => { if (error.response.status === 403 && shouldRetry(error)) logger.warn('forbidden'); return Promise.reject(error); });`,
  `const client = new ApiClient({ token }); async function audit(res) { if (res.status === 403) await client('/audit/forbidden'); }`,
  `async function load(res) { if (res.status === 403) { await refetch(); } }`,
  `if (response.status === 403) { refreshData(); }`,
  // 401 refreshes, 403 only shows a page: the nested 401 check is what refreshes.
  `api.interceptors.response.use((r) => r, async (error) => {
    const status = error.response?.status;
    if (status === 401 || status === 403) {
      if (status === 401) { await refreshToken(); return api(error.config); }
      showNoAccess();
    }
    return Promise.reject(error);
  });`,
  `async function onError(res, retry) {
    switch (res.status) {
      case 401:
        await renewSession();
        return retry();
      case 403:
        return showForbiddenPage();
      default:
        throw new Error(res.statusText);
    }
  }`,
  // The else branch runs when the status is not 403.
  `api.interceptors.response.use((r) => r, async (error) => {
    if (error.response.status === 403) { showForbidden(); } else if (error.response.status === 401) { await refreshToken(); return api(error.config); }
    return Promise.reject(error);
  });`,
  // A failed refresh answered 400: the branch logs out, it does not refresh again.
  `api.interceptors.response.use((r) => r, async (error) => {
    if (error.response.status === 400 && error.config.url === '/auth/refresh') { store.dispatch(logout()); return Promise.reject(error); }
    return Promise.reject(error);
  });`,
  // Retries on statuses that are about load, not credentials.
  `api.interceptors.response.use((r) => r, async (error) => {
    if (error.response.status === 429 || error.response.status === 503) { await sleep(1000); return api(error.config); }
    return Promise.reject(error);
  });`,
  // Laravel's 419 is a CSRF token mismatch: fetching a new CSRF cookie and retrying is right.
  `axios.interceptors.response.use((r) => r, async (error) => {
    if (error.response?.status === 419) { await axios.get('/sanctum/csrf-cookie'); return axios(error.config); }
    return Promise.reject(error);
  });`,
  // A 403 that hands out a fresh CSRF token in a header: copying it onto the request and retrying is right.
  `client.interceptors.response.use((ok) => ok, (err) => {
    if (err.response && err.response.status === 403 && err.response.headers['x-csrf-token']) {
      err.config.headers['x-csrf-token'] = err.response.headers['x-csrf-token'];
      return client.request(err.config);
    }
    return Promise.reject(err);
  });`,
  // A status range is not a check on one status.
  `api.interceptors.response.use((r) => r, async (error) => {
    if (error.response.status >= 400 && error.response.status < 500) { await refreshToken(); return api(error.config); }
  });`,
  // Server code choosing statuses is not a client status check.
  `app.post('/refresh', async (req, res) => {
    const { refreshToken } = req.cookies;
    if (!refreshToken) return res.status(403).json({ message: 'Refresh token required' });
    const user = await User.findOne({ refreshToken });
    if (!user) return res.sendStatus(403);
    res.json({ accessToken: sign(user) });
  });`,
  `function isAdmin(req, res, next) { if (req.user.role !== 'admin') return res.status(403).json({ message: 'Admins only' }); next(); }`,
  // A test assertion.
  `it('forbids', async () => { const res = await request(app).get('/admin'); expect(res.status).toBe(403); await refreshToken(); });`,
  // Statuses left out by the option.
  { code: interceptor('error.response?.status === 403 && !originalRequest._retry'), options: [{ statuses: [498, 499] }] },
  // Backing off before a retry on 403 is rate-limit handling (GitHub answers rate limits with 403), not a refresh.
  `async function checkRepo(owner, repo, retries = 3) {
  const res = await fetch(\`https://api.github.com/repos/\${owner}/\${repo}\`, { headers });
  if (res.status === 403 && retries > 0) {
    const wait = Number(res.headers.get('retry-after') ?? 60);
    await sleep(wait * 1000);
    return checkRepo(owner, repo, retries - 1);
  }
  return res.ok;
}`,
  `api.interceptors.response.use((r) => r, async (error) => {
  if (error.response?.status === 403 && error.config.__attempt < 3) {
    error.config.__attempt += 1;
    await new Promise((resolve) => setTimeout(resolve, 2 ** error.config.__attempt * 250));
    return api(error.config);
  }
  throw error;
});`,
  // RFC 6750 §3.1 step-up on insufficient_scope: authorize again with the scope the challenge names (the MCP SDK's client).
  `async function send(message) {
  const response = await fetch(this.url, { method: 'POST', body: JSON.stringify(message) });
  if (response.status === 403 && this.authProvider) {
    const { scope, error } = parseChallenge(response.headers.get('WWW-Authenticate'));
    if (error === 'insufficient_scope') {
      await auth(this.authProvider, { serverUrl: this.url, scope });
      return this.send(message);
    }
  }
  return response;
}`,
];

ruleTester.run('refresh-token-on-401', rule, {
  valid: VALID,
  invalid: [
    {
      // The near-miss of the CSRF retry: a new bearer token copied onto the request on 403 is a credential refresh.
      code: `client.interceptors.response.use((ok) => ok, async (err) => {
    if (err.response && err.response.status === 403) {
      err.config.headers.Authorization = 'Bearer ' + (await refreshAccessToken());
      return client.request(err.config);
    }
    return Promise.reject(err);
  });`,
      errors: [{ messageId: 'refreshOnForbidden', line: 2, suggestions: 1 }],
    },
    {
      // The near-miss of step-up: another challenge error on 403 is no reason to sign in again.
      code: `async function send(message) {
  const response = await fetch(this.url, { method: 'POST', body: JSON.stringify(message) });
  if (response.status === 403) {
    const { error } = parseChallenge(response.headers.get('WWW-Authenticate'));
    if (error === 'invalid_token') {
      await refreshToken();
      return this.send(message);
    }
  }
  return response;
}`,
      errors: [{ messageId: 'refreshOnForbidden', line: 3, suggestions: 1 }],
    },
    {
      // Waiting does not excuse a refresh on 403: a new token cannot help there.
      code: `api.interceptors.response.use((r) => r, async (error) => {
  if (error.response?.status === 403) {
    await sleep(500);
    await refreshAccessToken();
    return api(error.config);
  }
  throw error;
});`,
      errors: [{ messageId: 'refreshOnForbidden', line: 2, suggestions: 1 }],
    },
    {
      code: interceptor('error.response?.status === 403 && !originalRequest._retry'),
      errors: [
        {
          messageId: 'refreshOnForbidden',
          line: 7,
          data: {
            action: 'refreshes the token and retries the request',
            evidence: "axios.post('/auth/refresh', {}, { withCredent…, api(originalRequest)",
          },
          suggestions: [{ messageId: 'keyOn401', output: interceptor('error.response?.status === 401 && !originalRequest._retry') }],
        },
      ],
    },
    {
      // Only the wrong arm is reported and removed.
      code: interceptor('(error.response?.status === 401 || error.response?.status === 403) && !originalRequest._retry'),
      errors: keyOn401(interceptor('(error.response?.status === 401) && !originalRequest._retry')),
    },
    {
      code: interceptor('(error.response?.status === 403 || error.response?.status === 401) && !originalRequest._retry'),
      errors: keyOn401(interceptor('(error.response?.status === 401) && !originalRequest._retry')),
    },
    {
      code: interceptor('[401, 403].includes(error.response.status) && !originalRequest._retry'),
      errors: keyOn401(interceptor('[401].includes(error.response.status) && !originalRequest._retry')),
    },
    {
      code: interceptor('new Set([401, 403]).has(error.response.status)'),
      errors: keyOn401(interceptor('new Set([401]).has(error.response.status)')),
    },
    {
      // 400 has its own message.
      code: interceptor('error.response.status === 400'),
      errors: keyOn401(interceptor('error.response.status === 401'), 'refreshOnBadRequest'),
    },
    {
      // Two wrong statuses: two reports; each fix keys its own check on 401.
      code: interceptor('error.response.status === 403 || error.response.status === 498'),
      errors: [
        {
          messageId: 'refreshOnForbidden',
          suggestions: [{ messageId: 'keyOn401', output: interceptor('error.response.status === 401 || error.response.status === 498') }],
        },
        {
          messageId: 'refreshOnOtherStatus',
          data: {
            status: 498,
            action: 'refreshes the token and retries the request',
            evidence: "axios.post('/auth/refresh', {}, { withCredent…, api(originalRequest)",
          },
          suggestions: [{ messageId: 'keyOn401', output: interceptor('error.response.status === 403 || error.response.status === 401') }],
        },
      ],
    },
    {
      // The status destructured from the response, checked through a list.
      code: `instance.interceptors.response.use(undefined, async (err) => {
  const { status } = err.response;
  if ([401, 403].includes(status) && !err.config._retried) {
    err.config._retried = true;
    await store.dispatch(refreshToken());
    return instance(err.config);
  }
  throw err;
});`,
      errors: keyOn401(
        `instance.interceptors.response.use(undefined, async (err) => {
  const { status } = err.response;
  if ([401].includes(status) && !err.config._retried) {
    err.config._retried = true;
    await store.dispatch(refreshToken());
    return instance(err.config);
  }
  throw err;
});`,
        'refreshOnForbidden',
        3,
      ),
    },
    {
      // The rest of the function after an early exit on every other status.
      code: `privateClient.interceptors.response.use((res) => res, async (failure) => {
  const pending = failure?.config;
  if (failure?.response?.status !== 401 && failure?.response?.status !== 403) return Promise.reject(failure);
  pending.headers.Authorization = \`Bearer \${await renewToken()}\`;
  return privateClient(pending);
});`,
      errors: keyOn401(`privateClient.interceptors.response.use((res) => res, async (failure) => {
  const pending = failure?.config;
  if (failure?.response?.status !== 401) return Promise.reject(failure);
  pending.headers.Authorization = \`Bearer \${await renewToken()}\`;
  return privateClient(pending);
});`),
    },
    {
      // The condition held in a const: the report points at the literal where it is written.
      code: `api.interceptors.response.use((r) => r, async (error) => {
  const status = error.response ? error.response.status : null;
  const isAuthError = status === 401 || status === 403;
  if (isAuthError && !error.config.__isRetry) {
    error.config.__isRetry = true;
    await refreshAccessToken();
    return api.request(error.config);
  }
  return Promise.reject(error);
});`,
      errors: keyOn401(
        `api.interceptors.response.use((r) => r, async (error) => {
  const status = error.response ? error.response.status : null;
  const isAuthError = status === 401;
  if (isAuthError && !error.config.__isRetry) {
    error.config.__isRetry = true;
    await refreshAccessToken();
    return api.request(error.config);
  }
  return Promise.reject(error);
});`,
        'refreshOnForbidden',
        3,
      ),
    },
    {
      // switch: a case falling into the 401 case loses its label.
      code: `async function onError(res, retry) {
  switch (res.status) {
    case 401:
    case 403:
      await renewSession();
      return retry();
    default:
      throw new Error(res.statusText);
  }
}`,
      errors: keyOn401(`async function onError(res, retry) {
  switch (res.status) {
    case 401:
      await renewSession();
      return retry();
    default:
      throw new Error(res.statusText);
  }
}`),
    },
    {
      code: `async function onError(res, retry) {
  switch (res.status) {
    case 403:
    case 401:
      await renewSession();
      return retry();
  }
}`,
      errors: keyOn401(`async function onError(res, retry) {
  switch (res.status) {
    case 401:
      await renewSession();
      return retry();
  }
}`),
    },
    {
      // A case of its own with no 401 case: it becomes the 401 case.
      code: `async function onError(res, retry) {
  switch (res.status) {
    case 403:
      await renewSession();
      return retry();
    case 404:
      return null;
  }
}`,
      errors: keyOn401(`async function onError(res, retry) {
  switch (res.status) {
    case 401:
      await renewSession();
      return retry();
    case 404:
      return null;
  }
}`),
    },
    {
      // A case of its own beside a separate 401 case: reported, but no mechanical fix.
      code: `async function onError(res, retry) {
  switch (res.status) {
    case 401:
      return logout();
    case 403:
      await renewSession();
      return retry();
  }
}`,
      errors: [{ messageId: 'refreshOnForbidden', line: 5, suggestions: [] }],
    },
    {
      // fetch wrapper repeating fetch(input, init) on a non-standard 498.
      code: `export async function fetchWithAuth(input, init = {}) {
  let res = await fetch(input, withToken(init));
  if (res.status === 498) {
    await refreshAccessToken();
    res = await fetch(input, withToken(init));
  }
  return res;
}`,
      errors: [
        {
          messageId: 'refreshOnOtherStatus',
          data: { status: 498, action: 'refreshes the token and retries the request', evidence: 'refreshAccessToken(), fetch(input, withToken(init))' },
          suggestions: [
            {
              messageId: 'keyOn401',
              output: `export async function fetchWithAuth(input, init = {}) {
  let res = await fetch(input, withToken(init));
  if (res.status === 401) {
    await refreshAccessToken();
    res = await fetch(input, withToken(init));
  }
  return res;
}`,
            },
          ],
        },
      ],
    },
    {
      // A fetch wrapper that calls itself again after refreshing.
      code: `async function apiFetch(url, options = {}) {
  const response = await fetch(url, { ...options, headers: authHeaders() });
  if (response.status === 440) {
    const ok = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'include' });
    if (ok.ok) return apiFetch(url, options);
  }
  return response;
}`,
      errors: keyOn401(
        `async function apiFetch(url, options = {}) {
  const response = await fetch(url, { ...options, headers: authHeaders() });
  if (response.status === 401) {
    const ok = await fetch('/api/auth/refresh', { method: 'POST', credentials: 'include' });
    if (ok.ok) return apiFetch(url, options);
  }
  return response;
}`,
        'refreshOnOtherStatus',
      ),
    },
    {
      // A POST to an OAuth token endpoint is a refresh.
      code: `async function call(url, init) {
  const res = await fetch(url, init);
  if (res.status === 499) {
    const tokens = await fetch(\`\${AUTH_URL}/oauth/token\`, { method: 'POST', body: form({ grant_type: 'refresh_token', refresh_token: load() }) });
    save(await tokens.json());
  }
  return res;
}`,
      errors: keyOn401(
        `async function call(url, init) {
  const res = await fetch(url, init);
  if (res.status === 401) {
    const tokens = await fetch(\`\${AUTH_URL}/oauth/token\`, { method: 'POST', body: form({ grant_type: 'refresh_token', refresh_token: load() }) });
    save(await tokens.json());
  }
  return res;
}`,
        'refreshOnOtherStatus',
      ),
    },
    {
      // ky afterResponse hook.
      code: `import ky from 'ky';
const client = ky.create({
  hooks: {
    afterResponse: [
      async (request, options, response) => {
        if (response.status === 403) {
          const token = await ky.post('https://example.com/auth/refresh').text();
          request.headers.set('Authorization', \`Bearer \${token}\`);
          return ky(request);
        }
      },
    ],
  },
});`,
      errors: keyOn401(`import ky from 'ky';
const client = ky.create({
  hooks: {
    afterResponse: [
      async (request, options, response) => {
        if (response.status === 401) {
          const token = await ky.post('https://example.com/auth/refresh').text();
          request.headers.set('Authorization', \`Bearer \${token}\`);
          return ky(request);
        }
      },
    ],
  },
});`),
    },
    {
      // An RTK Query base query that renews the session and retries.
      code: RTK('result.error && result.error.status === 403'),
      errors: keyOn401(RTK('result.error && result.error.status === 401')),
    },
    {
      code: RTK('result.error?.status === 403'),
      errors: keyOn401(RTK('result.error?.status === 401')),
    },
    {
      // Status constants keep their form: axios' HttpStatusCode, http-status-codes' StatusCodes.
      code: `import axios, { HttpStatusCode } from 'axios';
http.interceptors.response.use((r) => r, async (e) => {
  if (e.response?.status === HttpStatusCode.Forbidden) { await authService.refreshToken(); return http.request(e.config); }
});`,
      errors: keyOn401(`import axios, { HttpStatusCode } from 'axios';
http.interceptors.response.use((r) => r, async (e) => {
  if (e.response?.status === HttpStatusCode.Unauthorized) { await authService.refreshToken(); return http.request(e.config); }
});`),
    },
    {
      code: `import { StatusCodes } from 'http-status-codes';
client.interceptors.response.use(undefined, async (error) => {
  if (StatusCodes.FORBIDDEN === error.response.status) { await tokenStore.renew(); return client(error.config); }
});`,
      errors: keyOn401(`import { StatusCodes } from 'http-status-codes';
client.interceptors.response.use(undefined, async (error) => {
  if (StatusCodes.UNAUTHORIZED === error.response.status) { await tokenStore.renew(); return client(error.config); }
});`),
    },
    {
      // A status echoed in the body; the branch only refreshes.
      code: `service.interceptors.response.use((r) => r, async (err) => {
  if (err.response.data.code === 403) { await getNewToken(); }
  return Promise.reject(err);
});`,
      errors: [
        {
          messageId: 'refreshOnForbidden',
          data: { action: 'refreshes the token', evidence: 'getNewToken()' },
          suggestions: [
            {
              messageId: 'keyOn401',
              output: `service.interceptors.response.use((r) => r, async (err) => {
  if (err.response.data.code === 401) { await getNewToken(); }
  return Promise.reject(err);
});`,
            },
          ],
        },
      ],
    },
    {
      // A ternary, and a helper that says what it does.
      code: `api.interceptors.response.use((r) => r, (error) => (error.response?.status === 403 ? refreshAndRetry(error) : Promise.reject(error)));`,
      errors: keyOn401(
        `api.interceptors.response.use((r) => r, (error) => (error.response?.status === 401 ? refreshAndRetry(error) : Promise.reject(error)));`,
      ),
    },
    {
      // A guard with &&.
      code: `async function onError(error) { error.response.status === 403 && (await refreshToken()); throw error; }`,
      errors: keyOn401(`async function onError(error) { error.response.status === 401 && (await refreshToken()); throw error; }`),
    },
    {
      // Signing in again (MSAL) and retrying.
      code: `api.interceptors.response.use((r) => r, async (error) => {
  if (error.response?.status === 403) {
    await msalInstance.acquireTokenPopup({ scopes: ['api://app/.default'] });
    return api(error.config);
  }
  return Promise.reject(error);
});`,
      errors: [
        {
          messageId: 'refreshOnForbidden',
          data: { action: 'signs the user in again and retries the request', evidence: "msalInstance.acquireTokenPopup({ scopes: ['ap…, api(error.config)" },
          suggestions: 1,
        },
      ],
    },
    {
      // Keycloak's silent renewal, then the same fetch again.
      code: `export async function authorizedFetch(url, options) {
  const res = await fetch(url, { ...options, headers: { Authorization: \`Bearer \${keycloak.token}\` } });
  if (res.status === 403) {
    await keycloak.updateToken(30);
    return fetch(url, { ...options, headers: { Authorization: \`Bearer \${keycloak.token}\` } });
  }
  return res;
}`,
      errors: [{ messageId: 'refreshOnForbidden', line: 3, suggestions: 1 }],
    },
    {
      // A project refresh helper named in the options.
      code: `if (res.status === 403) { await session.rotate(); }`,
      options: [{ refreshCalls: ['session.rotate'] }],
      errors: keyOn401(`if (res.status === 401) { await session.rotate(); }`),
    },
  ],
});

jsRuleTester.run('refresh-token-on-401 (espree)', rule, {
  valid: [`axios.interceptors.response.use(r => r, e => { if (e.response.status === 403) alert('Forbidden'); return Promise.reject(e); });`],
  invalid: [
    {
      code: `const renewToken = useRenewToken();
privateClient.interceptors.response.use(res => res, async failure => {
  const pending = failure?.config;
  if (failure?.response?.status === 403 && !pending?.renewed) {
    pending.renewed = true;
    pending.headers.Authorization = \`Bearer \${await renewToken()}\`;
    return privateClient(pending);
  }
  return Promise.reject(failure);
});`,
      errors: [
        {
          messageId: 'refreshOnForbidden',
          line: 4,
          data: { action: 'refreshes the token and retries the request', evidence: 'renewToken(), privateClient(pending)' },
          suggestions: 1,
        },
      ],
    },
  ],
});

describe('refresh-token-on-401 suggestions leave no report from any rule', () => {
  for (const code of [
    interceptor('error.response?.status === 403 && !originalRequest._retry'),
    interceptor('(error.response?.status === 401 || error.response?.status === 403) && !originalRequest._retry'),
    interceptor('[401, 403].includes(error.response.status)'),
    interceptor('error.response.status === 403 || error.response.status === 498'),
    RTK('result.error && result.error.status === 403'),
    `async function onError(res, retry) { switch (res.status) { case 401: case 403: await renewSession(); return retry(); } }`,
    `async function onError(res, retry) { switch (res.status) { case 403: await renewSession(); return retry(); } }`,
    `axios.interceptors.response.use((r) => r, async (error) => { if (error?.response?.status !== 401 && error?.response?.status !== 403) return Promise.reject(error); await refresh(); return axios(error.config); });`,
    `import { HttpStatusCode } from 'axios';\nhttp.interceptors.response.use((r) => r, async (e) => { if (e.response?.status === HttpStatusCode.Forbidden) { await refreshToken(); return http.request(e.config); } });`,
  ]) {
    it(code.split('\n').find((line) => /40\d|Forbidden/.test(line))!.trim().slice(0, 100), () => {
      assertSuggestionsLeaveNoNewReport(code, 'auth-status/refresh-token-on-401');
    });
  }
});

describe('refresh-token-on-401 options schema', () => {
  for (const [label, options, pattern] of [
    ['401 among the reported statuses', { statuses: [401, 403] }, /should NOT be valid/],
    ['a status given as a string', { statuses: ['403'] }, /should be integer/],
    ['a status out of the 4xx/5xx range', { statuses: [302] }, /should be >= 400/],
    ['an empty refresh call name', { refreshCalls: [''] }, /should NOT be shorter than 1 characters/],
    ['an unknown option', { autofix: true }, /should NOT have additional properties/],
  ] as const) {
    it(`rejects ${label} with a clear message`, () => {
      assert.throws(() => lintWithOptions('refresh-token-on-401', options), pattern);
    });
  }
});
