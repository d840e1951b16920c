/**
 * Gates: functions that answer null or false where their own checks fail (`requireAdmin(req)`), whose callers then
 * answer those failures with one status (`if (!admin) return res.status(403)…`).
 */
import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';

const credentialRule = plugin.rules['require-401-for-credential-failure'];
const permissionRule = plugin.rules['require-403-for-permission-denial'];

/** A gate refusing both a request without a session and a signed-in user who is not an admin. */
const ADMIN_GATE = `function requireAdmin(req) {
  const user = requireSession(req);
  if (!user) return null;
  if (user.role !== 'admin') return null;
  return user;
}
`;

/** A gate refusing only a request whose session cookie is missing or unknown. */
const SESSION_GATE = `function sessionUser(req) {
  const sid = req.cookies.sid;
  if (!sid) return null;
  const session = sessions.get(sid);
  if (!session) return null;
  return session.user;
}
`;

/** A gate refusing only a missing role: the session was checked before it runs. */
const ROLE_GATE = `function adminOf(req) {
  if (req.user.role !== 'admin') return null;
  return req.user;
}
`;

const route = (gate: string, status: number) => `router.delete('/orders/:id', (req, res) => {
  const who = ${gate}(req);
  if (!who) return res.status(${status}).json({ error: 'refused' });
  res.json(removeOrder(req.params.id));
});`;

ruleTester.run('gates: require-401-for-credential-failure', credentialRule, {
  valid: [
    // Only a role refused: 403 is right.
    `${ROLE_GATE}${route('adminOf', 403)}`,
    // A function answering null for a reason nothing decides is no gate.
    `function lookup(req) {
  if (cache.stale) return null;
  return cache.get(req.params.id);
}
${route('lookup', 403)}`,
  ],
  invalid: [
    {
      code: `${ADMIN_GATE}${route('requireAdmin', 403)}`,
      errors: [{ messageId: 'splitStatus', line: 9 }],
    },
    {
      code: `${SESSION_GATE}${route('sessionUser', 403)}`,
      errors: [{ messageId: 'wrongStatus', line: 10, suggestions: [{ messageId: 'respond401', output: `${SESSION_GATE}${route('sessionUser', 403)}`.replace("res.status(403).json", "res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json") }] }],
    },
  ],
});

ruleTester.run('gates: require-403-for-permission-denial', permissionRule, {
  valid: [`${SESSION_GATE}${route('sessionUser', 401)}`],
  invalid: [
    {
      code: `${ADMIN_GATE}${route('requireAdmin', 401)}`,
      errors: [{ messageId: 'splitDenial', line: 9 }],
    },
    {
      code: `${ROLE_GATE}${route('adminOf', 401)}`,
      errors: [{ messageId: 'permissionDenial', line: 7, suggestions: [{ messageId: 'respond403', output: `${ROLE_GATE}${route('adminOf', 403)}` }] }],
    },
  ],
});

ruleTester.run('gates: require-www-authenticate', plugin.rules['require-www-authenticate'], {
  valid: [
    // Only a role refused: the 401 is the permission rule's report, not a credential's missing challenge.
    `${ROLE_GATE}${route('adminOf', 401)}`,
  ],
  invalid: [
    {
      // Refusing a missing session too, the 401 owes that credential its challenge (and the permission rule splits it).
      code: `${ADMIN_GATE}${route('requireAdmin', 401)}`,
      errors: [
        {
          messageId: 'missingChallenge',
          line: 9,
          suggestions: [{ messageId: 'addChallenge', output: `${ADMIN_GATE}${route('requireAdmin', 401)}`.replace('res.status(401).json', `res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json`) }],
        },
      ],
      output: `${ADMIN_GATE}${route('requireAdmin', 401)}`.replace('res.status(401).json', `res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json`),
    },
  ],
});

const BEARER_OF = `function bearerOf(req) {
  const header = req.headers.authorization || '';
  return header.startsWith('Bearer ') ? header.slice(7) : null;
}
`;

ruleTester.run('gates: what a function of the file returns from the request', credentialRule, {
  valid: [
    // A function returning a query parameter: its absence is a malformed request.
    `function pageOf(req) {
  return req.query.page;
}
router.get('/list', (req, res) => {
  const page = pageOf(req);
  if (!page) return res.status(400).json({ error: 'page required' });
  res.json(list(page));
});`,
  ],
  invalid: [
    {
      code: `${BEARER_OF}router.get('/me', (req, res) => {
  const token = bearerOf(req);
  if (!token) return res.status(403).json({ error: 'no token' });
  res.json(me(token));
});`,
      errors: [
        {
          messageId: 'wrongStatus',
          line: 7,
          suggestions: [
            {
              messageId: 'respond401',
              output: `${BEARER_OF}router.get('/me', (req, res) => {
  const token = bearerOf(req);
  if (!token) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'no token' });
  res.json(me(token));
});`,
            },
          ],
        },
      ],
    },
  ],
});
