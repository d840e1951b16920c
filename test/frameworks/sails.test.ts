import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { appDirectory, type Running } from './serve';
import { itFixes } from './verify-fix';

interface SailsApp {
  lift(config: Record<string, unknown>, done: (error?: Error) => void): void;
  lower(done: (error?: Error) => void): void;
  hooks: { http: { server: { address(): AddressInfo } } };
}

/** The `sails new` web template's custom `res.unauthorized()`, as sails-generate ships it. */
const UNAUTHORIZED_RESPONSE = readFileSync(
  path.join(path.dirname(require.resolve('sails-generate/package.json')), 'lib/core-generators/new/templates/api/responses/unauthorized.js'),
  'utf8',
);

const POLICY = 'api/policies/is-logged-in.js';
const ACTION = 'api/controllers/who-am-i.js';

/** Writes a Sails app whose `GET /` action is guarded by the policy `source`, and lifts it on 127.0.0.1. */
function start(source: string): Promise<Running> {
  return lift({ [POLICY]: source, [ACTION]: 'module.exports = function (req, res) { return res.json({ ok: true }); };\n' });
}

/** The same app with an open policy and the actions2 action `source` answering `GET /`. */
function startAction(source: string): Promise<Running> {
  return lift({ [POLICY]: 'module.exports = async function (req, res, proceed) { return proceed(); };\n', [ACTION]: source });
}

async function lift(files: Record<string, string>): Promise<Running> {
  const appPath = appDirectory('sails-');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(appPath, file)), { recursive: true });
    writeFileSync(path.join(appPath, file), text);
  };
  for (const [file, text] of Object.entries(files)) write(file, text);
  write('api/responses/unauthorized.js', UNAUTHORIZED_RESPONSE);

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Sails = (require('sails') as { constructor: new () => SailsApp }).constructor;
  const sails = new Sails();
  const lower = () => new Promise<void>((resolve) => sails.lower(() => resolve())).finally(() => rmSync(appPath, { recursive: true, force: true }));
  await new Promise<void>((resolve, reject) =>
    sails.lift(
      {
        appPath,
        // Sails turns a numeric 0 into its default 1337; the string reaches server.listen as "any free port".
        port: '0',
        explicitHost: '127.0.0.1',
        environment: 'test',
        log: { level: 'silent' },
        globals: { sails: true, _: false, async: false, models: false },
        hooks: { grunt: false, orm: false, sockets: false, pubsub: false, views: false, session: false, i18n: false },
        routes: { 'GET /': { action: 'who-am-i' } },
        policies: { '*': 'is-logged-in' },
      },
      (error) => (error ? lower().then(() => reject(error), reject) : resolve()),
    ),
  );
  const { port } = sails.hooks.http.server.address();
  return { url: `http://127.0.0.1:${port}`, close: lower };
}

/** A Sails policy (`api/policies/is-logged-in.js`). */
function policy(body: string): string {
  return `module.exports = async function (req, res, proceed) {
${body}
  return proceed();
};
`;
}

const BEARER = { authorization: 'Bearer abc' };

describe('Sails: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'res.forbidden() for a missing header becomes res.set(…).sendStatus(401)',
    source: policy(`  if (!req.headers.authorization) return res.forbidden();`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /return res\.set\('WWW-Authenticate', 'Bearer realm="api"'\)\.sendStatus\(401\);/,
  });

  itFixes(start, {
    title: 'res.badRequest(data) for a missing header becomes res.set(…).status(401).send(data)',
    source: policy(`  if (!req.headers.authorization) return res.badRequest({ error: 'Missing authorization header' });`),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 400, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /return res\.set\('WWW-Authenticate', 'Bearer realm="api"'\)\.status\(401\)\.send\(\{ error: 'Missing authorization header' \}\);/,
  });

  itFixes(start, {
    title: "the web template's res.unauthorized() gets res.set(…) chained before it (autofix)",
    source: policy(`  if (!req.headers.authorization) return res.unauthorized();`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /return res\.set\('WWW-Authenticate', 'Bearer realm="api"'\)\.unauthorized\(\);/,
  });

  itFixes(startAction, {
    title: 'an actions2 exit with statusCode: 403 for a missing header becomes 401, challenged with this.res.set(…)',
    source: `module.exports = {
  exits: {
    notLoggedIn: { statusCode: 403, description: 'The requesting user is not logged in.' },
  },
  fn: async function () {
    if (!this.req.headers.authorization) throw 'notLoggedIn';
    return { ok: true };
  },
};
`,
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /statusCode: 401[\s\S]*\{ this\.res\.set\('WWW-Authenticate', 'Bearer realm="api"'\); throw 'notLoggedIn'; \}/,
  });

  itFixes(startAction, {
    title: 'exits.badToken() of an exit with statusCode: 401 gets this.res.set(…) before it (autofix)',
    source: `module.exports = {
  exits: { badToken: { statusCode: 401 } },
  fn: async function (inputs, exits) {
    if (this.req.headers.authorization !== 'Bearer abc') {
      return exits.badToken({ message: 'Invalid token' });
    }
    // With \`exits\` taken as a parameter, the action ends only through an exit.
    return exits.success({ ok: true });
  },
};
`,
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /this\.res\.set\('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"'\);\n\s+return exits\.badToken/,
  });
});
