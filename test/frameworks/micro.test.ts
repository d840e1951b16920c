import type http from 'node:http';
import { listen, loadModule } from './serve';
import { itFixes } from './verify-fix';

/** micro's `serve(handler)` is a node:http request listener. */
async function start(source: string) {
  const { default: listener } = await loadModule<{ default: http.RequestListener }>(source);
  return listen(listener);
}

const BEARER = { authorization: 'Bearer abc' };

function app(body: string): string {
  return `import { serve, createError, send } from 'micro';

export default serve(async (req, res) => {
  const token = req.headers.authorization;
${body}
  return { ok: true };
});
`;
}

describe('micro: fixes run on the real framework', () => {
  // micro prints the stack of every error it sends.
  const printError = console.error;
  before(() => {
    console.error = () => undefined;
  });
  after(() => {
    console.error = printError;
  });

  itFixes(start, {
    title: 'a thrown createError(401) gets res.setHeader before the throw',
    source: app(`  if (!token) throw createError(401, 'Missing authorization header');`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /\{ res\.setHeader\('WWW-Authenticate', 'Bearer realm="api"'\); throw createError\(401, /,
  });

  itFixes(start, {
    title: 'createError(403) for a missing token becomes a 401 with the challenge set on res',
    source: app(`  if (!token) {
    throw createError(403, 'Missing authorization header');
  }`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /res\.setHeader\('WWW-Authenticate', 'Bearer realm="api"'\);\n\s+throw createError\(401, /,
  });

  itFixes(start, {
    title: 'send(res, 401, body) gets res.setHeader before it',
    source: app(`  if (!token) return send(res, 401, { error: 'Sign in first' });`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /\{ res\.setHeader\('WWW-Authenticate', 'Bearer realm="api"'\); return send\(res, 401, /,
  });
});

describe('micro-boom: fixes run on the real handleErrors wrapper', () => {
  itFixes(start, {
    title: 'createError(401, msg) gets a data.challenge, which handleErrors sends as WWW-Authenticate',
    source: `import { serve } from 'micro';
import { handleErrors, createError } from 'micro-boom';

export default serve(handleErrors(async (req) => {
  if (req.headers.authorization !== 'Bearer abc') throw createError(401, 'Sign in first');
  return { ok: true };
}));
`,
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /createError\(401, 'Sign in first', \{ challenge: 'Bearer realm="api"' \}\)/,
  });
});
