/**
 * Client libraries that decide by configuration what happens on a status: axios-auth-refresh refreshes and retries
 * on each of its `statusCodes`, and react-admin logs the user out when `authProvider.checkError` rejects.
 */
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';

const rule = plugin.rules['refresh-token-on-401'];

const IMPORT = `import createAuthRefreshInterceptor from 'axios-auth-refresh';\n`;

ruleTester.run('axios-auth-refresh: statusCodes', rule, {
  valid: [
    `${IMPORT}createAuthRefreshInterceptor(api, renewSession, { statusCodes: [401], pauseInstanceWhileRefreshing: true });`,
    `${IMPORT}createAuthRefreshInterceptor(api, renewSession);`,
    // Another library's option of the same name says nothing about refreshing.
    `import retryOn from 'retry-axios-lite';\nretryOn(api, backoff, { statusCodes: [429, 503, 403] });`,
    // Another export of the package is no factory.
    `import { createRefreshQueue } from 'axios-auth-refresh';\ncreateRefreshQueue(api, renewSession, { statusCodes: [401, 403] });`,
    // 403 left to the project: listed in no status the rule is told to watch.
    { code: `${IMPORT}createAuthRefreshInterceptor(api, renewSession, { statusCodes: [401, 403] });`, options: [{ statuses: [400] }] },
  ],
  invalid: [
    {
      code: `${IMPORT}createAuthRefreshInterceptor(api, renewSession, { statusCodes: [401, 403] });`,
      errors: [
        {
          messageId: 'refreshStatusOption',
          data: { status: 403 },
          column: 70,
          suggestions: [{ messageId: 'dropRefreshStatus', data: { status: 403 }, output: `${IMPORT}createAuthRefreshInterceptor(api, renewSession, { statusCodes: [401] });` }],
        },
      ],
    },
    {
      // Version 5 exports the factory by name too, under two names.
      code: `import { createAuthRefresh } from 'axios-auth-refresh';\ncreateAuthRefresh(api, renewSession, { statusCodes: [401, 403] });`,
      errors: [{ messageId: 'refreshStatusOption', data: { status: 403 }, suggestions: 1 }],
    },
    {
      code: `const { createAuthRefreshInterceptor } = require('axios-auth-refresh');\ncreateAuthRefreshInterceptor(api, renewSession, { statusCodes: [403, 401] });`,
      errors: [{ messageId: 'refreshStatusOption', data: { status: 403 }, suggestions: 1 }],
    },
    {
      // Without 401 in the list, the fix swaps the status rather than leave nothing to refresh on.
      code: `const refreshAuth = require('axios-auth-refresh').default;\nrefreshAuth(client, rotate, { statusCodes: [403] });`,
      errors: [
        {
          messageId: 'refreshStatusOption',
          suggestions: [{ messageId: 'refreshOn401', data: { status: 403 }, output: `const refreshAuth = require('axios-auth-refresh').default;\nrefreshAuth(client, rotate, { statusCodes: [401] });` }],
        },
      ],
    },
  ],
});

ruleTester.run('react-admin: authProvider.checkError', rule, {
  valid: [
    // 401 alone logs out; 403 rejects but keeps the user signed in, as react-admin allows.
    `export const authProvider = {
  checkError(error) {
    if (error.status === 401) return Promise.reject();
    if (error.status === 403) return Promise.reject({ redirectTo: '/no-access', logoutUser: false });
    return Promise.resolve();
  },
};`,
    // A rejection outside checkError logs nobody out.
    `export const api = {
  load({ status }) {
    if (status === 403) return Promise.reject(new Error('no access'));
    return Promise.resolve();
  },
};`,
  ],
  invalid: [
    {
      code: `export const authProvider = {
  checkError: ({ status }) => {
    if (status === 401 || status === 403) {
      sessionStorage.removeItem('who');
      return Promise.reject();
    }
    return Promise.resolve();
  },
};`,
      errors: [
        {
          messageId: 'signOutOnStatus',
          line: 3,
          data: { status: 403, evidence: 'Promise.reject()' },
          suggestions: [
            {
              messageId: 'keyOn401',
              output: `export const authProvider = {
  checkError: ({ status }) => {
    if (status === 401) {
      sessionStorage.removeItem('who');
      return Promise.reject();
    }
    return Promise.resolve();
  },
};`,
            },
          ],
        },
      ],
    },
  ],
});
