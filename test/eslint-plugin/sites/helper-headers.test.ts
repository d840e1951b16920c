import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const challenge = plugin.rules['require-www-authenticate'];
const BEARER = `'Bearer realm="api"'`;

const HONO_GUARD = `import { HTTPException } from 'hono/http-exception';
const USER_KEY = 'signed-in-user';
const remember = (c, user) => c.set(USER_KEY, user);
export const guard = async (c, next) => {
  try {
    remember(c, await verifyIdToken(c.req.header('authorization')));
  } catch {
    throw new HTTPException(401, { res: new Response('Unauthorized', { status: 401 }) });
  }
  await next();
};`;

ruleTester.run('helper headers: require-www-authenticate', challenge, {
  valid: [
    // A helper of the same file sets the challenge on the response it is given.
    `function challenge(res, error) { res.set('WWW-Authenticate', error ? \`Bearer error="\${error}"\` : ${BEARER}); }
function auth(req, res) { if (!req.headers.authorization) { challenge(res); return res.status(401).end(); } }`,
    `const withChallenge = (reply) => reply.header('WWW-Authenticate', ${BEARER}).code(401);
fastify.get('/', async (request, reply) => { withChallenge(reply); return reply.code(401).send(); });`,
    `function headers(res) { res.setHeader('Cache-Control', 'no-store'); res.setHeader(name, value); }
function auth(req, res) { headers(res); res.statusCode = 401; res.end(); }`,
    // A constant holding the header's name is the name.
    `const CHALLENGE = 'WWW-Authenticate';
function challenge(res) { res.set(CHALLENGE, ${BEARER}); }
function auth(req, res) { if (!req.headers.authorization) { challenge(res); return res.status(401).end(); } }`,
  ],
  invalid: withSuggestedFix([
    {
      // A constant key of a context value (Hono's c.set) names no header, so it cannot be the challenge.
      code: HONO_GUARD,
      output: HONO_GUARD.replace(
        "{ status: 401 }) });",
        `{ headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' }, status: 401 }) });`,
      ),
      errors: [{ messageId: 'missingChallenge', line: 8 }],
    },
    {
      // The helper sets another header.
      code: `function noStore(res) { res.set('Cache-Control', 'no-store'); }
function auth(req, res) { noStore(res); return res.status(401).end(); }`,
      output: `function noStore(res) { res.set('Cache-Control', 'no-store'); }
function auth(req, res) { noStore(res); return res.status(401).set('WWW-Authenticate', ${BEARER}).end(); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // The helper sets the challenge on its other parameter.
      code: `function challenge(res, proxied) { proxied.set('WWW-Authenticate', ${BEARER}); }
function auth(req, res) { challenge(res, upstream); return res.status(401).end(); }`,
      output: `function challenge(res, proxied) { proxied.set('WWW-Authenticate', ${BEARER}); }
function auth(req, res) { challenge(res, upstream); return res.status(401).set('WWW-Authenticate', ${BEARER}).end(); }`,
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      // A helper called in an earlier branch that returned never reaches this response.
      code: `function challenge(res) { res.set('WWW-Authenticate', ${BEARER}); }
function auth(req, res) {
  if (!req.headers.authorization) {
    challenge(res);
    return res.status(401).end();
  }
  if (isExpired(req)) return res.status(401).end();
}`,
      output: `function challenge(res) { res.set('WWW-Authenticate', ${BEARER}); }
function auth(req, res) {
  if (!req.headers.authorization) {
    challenge(res);
    return res.status(401).end();
  }
  if (isExpired(req)) return res.status(401).set('WWW-Authenticate', ${BEARER}).end();
}`,
      errors: [{ messageId: 'missingChallenge', line: 7 }],
    },
  ]),
});
