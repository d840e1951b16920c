import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadModule, type Running } from './serve';
import { itFixes } from './verify-fix';

/** The part of a restify server the tests use (restify ships no types). */
interface RestifyServer {
  server: http.Server;
  listen(port: number, host: string, done: () => void): void;
  address(): AddressInfo;
  close(done: () => void): void;
}

async function start(source: string): Promise<Running> {
  const { default: server } = await loadModule<{ default: RestifyServer }>(source);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const BEARER = { authorization: 'Bearer abc' };

/** A restify app whose `GET /` runs `check` before answering `{ ok: true }`. */
function app(imports: string, check: string): string {
  return `import restify from 'restify';
${imports}
const server = restify.createServer();
server.get('/', (req, res, next) => {
${check}
  res.send({ ok: true });
  return next();
});
export default server;
`;
}

describe('restify: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'next(new errors.NotAuthorizedError()) for a missing token becomes UnauthorizedError after res.header',
    source: app(
      `import errors from 'restify-errors';`,
      `  if (!req.headers.authorization) {
    return next(new errors.NotAuthorizedError('Missing token'));
  }`,
    ),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /res\.header\('WWW-Authenticate', [^\n]+\n\s+return next\(new errors\.UnauthorizedError\('Missing token'\)\)/,
  });

  itFixes(start, {
    title: 'an InvalidCredentialsError destructured from the module gets its challenge set on res before next(err)',
    source: app(`import errors from 'restify-errors';\nconst { InvalidCredentialsError } = errors;`, `  if (req.headers.authorization !== 'Bearer abc') return next(new InvalidCredentialsError('Invalid token'));`),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /\{ res\.header\('WWW-Authenticate', [^)]+\); return next\(new InvalidCredentialsError/,
  });
});
