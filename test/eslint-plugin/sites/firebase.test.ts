import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester, ruleTester } from '../rule-tester';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const V2 = `import { onCall, HttpsError } from 'firebase-functions/v2/https';
`;
const V1 = `import * as functions from 'firebase-functions/v1';
`;

ruleTester.run('firebase: require-401-for-credential-failure', credential, {
  valid: [
    // The right code for a caller who is not signed in.
    `${V2}export const f = onCall((request) => { if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in first'); });`,
    // permission-denied for a role check is right.
    `${V2}export const f = onCall(async (request) => { const user = await getUser(request.auth.uid); if (user.role !== 'admin') throw new HttpsError('permission-denied', 'Admins only'); });`,
    // Near-miss: an HttpsError class that is not Firebase's.
    `import { HttpsError } from './errors';
export const f = (request) => { if (!request.auth) throw new HttpsError('permission-denied', 'Sign in first'); };`,
    // Near-miss: permission-denied for a document rule, no credential in sight.
    `${V2}export const f = onCall(async (request) => { const doc = await db.doc(request.data.path).get(); if (!doc.exists) throw new HttpsError('permission-denied'); });`,
    // Near-miss: other codes.
    `${V2}export const f = onCall((request) => { if (!request.data.text) throw new HttpsError('invalid-argument', 'text required'); });`,
  ],
  invalid: [
    {
      code: `${V2}export const addMessage = onCall(async (request) => {
  if (!request.auth) {
    throw new HttpsError('permission-denied', 'You must be signed in');
  }
});`,
      errors: [
        {
          messageId: 'wrongCode',
          line: 4,
          data: {
            written: "'permission-denied'",
            problem: 'a missing credential',
            evidence: "!request.auth, 'You must be signed in'",
            credential: "'unauthenticated'",
          },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `${V2}export const addMessage = onCall(async (request) => {
  if (!request.auth) {
    throw new HttpsError('unauthenticated', 'You must be signed in');
  }
});`,
            },
          ],
        },
      ],
    },
    {
      // v1: `(data, context)` with `context.auth`, the class reached through the module object.
      code: `${V1}export const addMessage = functions.https.onCall((data, context) => {
  if (!context.auth) throw new functions.https.HttpsError("permission-denied", "Not logged in");
});`,
      options: [{ autofix: true }],
      output: `${V1}export const addMessage = functions.https.onCall((data, context) => {
  if (!context.auth) throw new functions.https.HttpsError("unauthenticated", "Not logged in");
});`,
      errors: [{ messageId: 'wrongCode', data: { written: '"permission-denied"', problem: 'a missing credential', evidence: '!context.auth, "Not logged in"', credential: '"unauthenticated"' }, suggestions: 1 }],
    },
    {
      // 'failed-precondition' is sent as 400: a request refused for its form, not for a caller who is not signed in.
      code: `${V1}export const addTodo = functions.https.onCall((data, context) => {
  if (!context.auth) throw new functions.https.HttpsError('failed-precondition', 'The function must be called while authenticated.');
});`,
      errors: [
        {
          messageId: 'wrongCode',
          data: {
            written: "'failed-precondition'",
            problem: 'a missing credential',
            evidence: '!context.auth',
            credential: "'unauthenticated'",
          },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `${V1}export const addTodo = functions.https.onCall((data, context) => {
  if (!context.auth) throw new functions.https.HttpsError('unauthenticated', 'The function must be called while authenticated.');
});`,
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('firebase: require-401-for-credential-failure (CommonJS)', credential, {
  valid: [],
  invalid: [
    {
      code: `const functions = require('firebase-functions');
exports.secret = functions.https.onCall((data, context) => {
  if (!context.auth) throw new functions.https.HttpsError('permission-denied', 'The function must be called while authenticated.');
});`,
      errors: [
        {
          messageId: 'wrongCode',
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `const functions = require('firebase-functions');
exports.secret = functions.https.onCall((data, context) => {
  if (!context.auth) throw new functions.https.HttpsError('unauthenticated', 'The function must be called while authenticated.');
});`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('firebase: require-403-for-permission-denial', permission, {
  valid: [
    `${V2}export const f = onCall(async (request) => { const user = await getUser(request.auth.uid); if (user.role !== 'admin') throw new HttpsError('permission-denied'); });`,
    // Near-miss: unauthenticated for a missing sign-in is right.
    `${V2}export const f = onCall((request) => { if (!request.auth) throw new HttpsError('unauthenticated'); });`,
  ],
  invalid: [
    {
      code: `${V2}export const removeUser = onCall(async (request) => {
  const caller = await getUser(request.auth.uid);
  if (caller.role !== 'admin') throw new HttpsError('unauthenticated', 'Admins only');
});`,
      errors: [
        {
          messageId: 'permissionDenialCode',
          data: { written: "'unauthenticated'", evidence: "caller.role !== 'admin', 'Admins only'", permission: "'permission-denied'" },
          suggestions: [
            {
              messageId: 'answerPermissionCode',
              output: `${V2}export const removeUser = onCall(async (request) => {
  const caller = await getUser(request.auth.uid);
  if (caller.role !== 'admin') throw new HttpsError('permission-denied', 'Admins only');
});`,
            },
          ],
        },
      ],
    },
  ],
});

// The callable protocol answers with its own error body and no challenge: nothing for the challenge rule.
ruleTester.run('firebase: require-www-authenticate', challenge, {
  valid: [`${V2}export const f = onCall((request) => { if (!request.auth) throw new HttpsError('unauthenticated', 'Sign in first'); });`],
  invalid: [],
});
