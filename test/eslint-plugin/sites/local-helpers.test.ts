import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const require401 = plugin.rules['require-401-for-credential-failure'];
const require403 = plugin.rules['require-403-for-permission-denial'];
const challenge = plugin.rules['require-www-authenticate'];

/** An Express file whose refusals all go through one helper of its own that always sends 403. */
const REFUSE_HELPER = `const express = require('express');
const jwt = require('jsonwebtoken');
const router = express.Router();

function refuse(res, reason) {
  return res.status(403).json({ reason });
}
`;

const ROUTE = `
router.get('/orders', (req, res) => {
  const header = req.get('authorization');
  if (!header) return refuse(res, 'no header');
  let claims;
  try {
    claims = jwt.verify(header.slice(7), process.env.JWT_SECRET);
  } catch (failure) {
    return refuse(res, failure.message);
  }
  if (!claims.scopes.includes('orders:read')) return refuse(res, 'scope');
  res.json(listOrders(claims.sub));
});`;

/** The same route with a sibling helper that answers 401 with its challenge. */
const WITH_SIBLING = `${REFUSE_HELPER}
function challengeBearer(res, reason) {
  res.set('WWW-Authenticate', 'Bearer realm="orders"');
  return res.status(401).json({ reason });
}
${ROUTE}`;

ruleTester.run('same-file helpers: require-401-for-credential-failure', require401, {
  valid: [
    // The helper is called only after the credential passed, for a missing scope: 403 is right.
    `${REFUSE_HELPER}
router.get('/orders', requireUser, (req, res) => {
  if (!req.user.scopes.includes('orders:read')) return refuse(res, 'scope');
  res.json(listOrders(req.user.id));
});`,
    // A helper that answers 403 only on some paths is no helper of one status: its calls say nothing.
    `const express = require('express');
const router = express.Router();
function refuse(res, locked) {
  if (locked) return res.status(423).end();
  return res.status(403).end();
}
router.get('/me', (req, res) => {
  if (!req.headers.authorization) return refuse(res, false);
  res.end();
});`,
    // The call hands its own status: that status is the call's, not the helper's.
    `const express = require('express');
const router = express.Router();
function reply(res, options) {
  return res.status(options.status ?? 403).json({ message: options.message });
}
router.get('/me', (req, res) => {
  if (!req.headers.authorization) return reply(res, { status: 401, message: 'sign in' });
  res.end();
});`,
    // Its result is kept, not answered.
    `${REFUSE_HELPER}
router.get('/me', (req, res) => {
  const refusal = !req.headers.authorization ? refuse : null;
  if (refusal) audit(refusal);
  res.end();
});`,
  ],
  invalid: [
    {
      code: `${REFUSE_HELPER}${ROUTE}`,
      errors: [
        { messageId: 'wrongStatus', line: 11, suggestions: [] },
        { messageId: 'wrongStatus', line: 16, suggestions: [] },
      ],
    },
    {
      // Even beside a helper of the file that answers 401 with its challenge, no switch is offered: it would depend on a
      // statement the call does not refer to, which an editor re-checking the call's statement cannot see.
      code: WITH_SIBLING,
      errors: [
        { messageId: 'wrongStatus', line: 16, suggestions: [] },
        { messageId: 'wrongStatus', line: 21, suggestions: [] },
      ],
    },
    {
      // A helper whose own words decide is judged once, in its body, not at each call.
      code: `const express = require('express');
const router = express.Router();
const tokenExpired = (res) => res.status(403).json({ error: 'Access token expired' });
router.get('/a', (req, res) => (req.session ? res.end() : tokenExpired(res)));
router.post('/b', (req, res) => {
  if (!req.session) return tokenExpired(res);
  res.end();
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 3,
          suggestions: [
            {
              messageId: 'respond401',
              output: `const express = require('express');
const router = express.Router();
const tokenExpired = (res) => res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="The access token expired"').json({ error: 'Access token expired' });
router.get('/a', (req, res) => (req.session ? res.end() : tokenExpired(res)));
router.post('/b', (req, res) => {
  if (!req.session) return tokenExpired(res);
  res.end();
});`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('same-file helpers: require-403-for-permission-denial', require403, {
  valid: [
    `import { GraphQLError } from 'graphql';
export function notSignedIn(path) {
  return new GraphQLError('Sign in first', { path, extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}
export function checkViewer(context, path) {
  if (!context.viewer) return notSignedIn(path);
}`,
  ],
  invalid: [
    {
      // A GraphQL error helper whose HTTP status defaults to 401, returned for a role the signed-in viewer lacks.
      code: `import { GraphQLError } from 'graphql';
export function refusal(path, options) {
  return new GraphQLError('Not allowed here', { path, extensions: { code: 'NOT_ALLOWED', http: { status: options?.status ?? 401 } } });
}
export function checkRoles(context, path, required) {
  if (!context.viewer) return refusal(path);
  if (!context.viewer.roles.includes(required)) return refusal(path);
}`,
      errors: [{ messageId: 'permissionDenial', line: 7 }],
    },
  ],
});

ruleTester.run('same-file helpers: require-www-authenticate', challenge, {
  valid: [
    // The helper sends its challenge: neither it nor its calls lack one.
    `${WITH_SIBLING.replace(REFUSE_HELPER, "const express = require('express');\nconst jwt = require('jsonwebtoken');\nconst router = express.Router();\n")}`.replaceAll('refuse(', 'challengeBearer('),
  ],
  invalid: withSuggestedFix([
    {
      // A 401 helper without the challenge is reported once, in its body, however often it is called.
      code: `const express = require('express');
const router = express.Router();
function signInFirst(res) {
  return res.status(401).json({ message: 'sign in' });
}
router.get('/a', (req, res) => (req.headers.authorization ? res.end() : signInFirst(res)));
router.get('/b', (req, res) => (req.headers.authorization ? res.end() : signInFirst(res)));`,
      output: `const express = require('express');
const router = express.Router();
function signInFirst(res) {
  return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ message: 'sign in' });
}
router.get('/a', (req, res) => (req.headers.authorization ? res.end() : signInFirst(res)));
router.get('/b', (req, res) => (req.headers.authorization ? res.end() : signInFirst(res)));`,
      errors: [{ messageId: 'missingChallenge', line: 4 }],
    },
  ]),
});
