import type { Server } from '@hapi/hapi';
import { loadModule } from './serve';
import { itFixes } from './verify-fix';

async function start(source: string) {
  const { default: build } = await loadModule<{ default: () => Server }>(source);
  const server = build();
  await server.start();
  return { url: server.info.uri, close: () => server.stop({ timeout: 1000 }) };
}

const BEARER = { authorization: 'Bearer abc' };

function app(imports: string, handler: string): string {
  return `import Hapi from '@hapi/hapi';
${imports}
export default function build() {
  const server = Hapi.server({ host: '127.0.0.1', port: 0 });
  server.route({
    method: 'GET',
    path: '/',
    handler: (request, h) => {
${handler}
      return { ok: true };
    },
  });
  return server;
}
`;
}

describe('hapi: fixes run on the real framework', () => {
  itFixes(start, {
    title: 'Boom.forbidden(msg) for a missing token becomes Boom.unauthorized(msg, [challenge])',
    source: app(
      `import Boom from '@hapi/boom';`,
      `      const token = request.headers.authorization;
      if (!token) throw Boom.forbidden('Missing token');`,
    ),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /throw Boom\.unauthorized\('Missing token', \['Bearer realm="api"'\]\)/,
  });

  itFixes(start, {
    title: 'Boom.unauthorized(msg) without a scheme sends no challenge; the fix passes one',
    source: app(
      `import Boom from '@hapi/boom';`,
      `      if (request.headers.authorization !== 'Bearer abc') throw Boom.unauthorized('Invalid token');`,
    ),
    rule: 'require-www-authenticate',
    kind: 'fix',
    before: { status: 401, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /Boom\.unauthorized\('Invalid token', \['Bearer realm="api"'\]\)/,
  });

  itFixes(start, {
    title: 'a named import: forbidden(msg) becomes the imported unauthorized(msg, [challenge])',
    source: app(
      `import { forbidden, unauthorized } from '@hapi/boom';`,
      `      if (!request.headers.authorization) throw forbidden('Authentication required');
      if (request.headers.authorization !== 'Bearer abc') throw unauthorized(null, 'Bearer');`,
    ),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /throw unauthorized\('Authentication required', \['Bearer realm="api"'\]\)/,
  });

  itFixes(start, {
    title: 'h.response(x).code(403) becomes .code(401).header(…)',
    source: app(
      '',
      `      const token = request.headers.authorization;
      if (!token) return h.response({ error: 'Missing token' }).code(403);`,
    ),
    rule: 'require-401-for-credential-failure',
    kind: 'suggestion',
    before: { status: 403, challenged: false },
    passing: { headers: BEARER, status: 200 },
    uses: /h\.response\(\{ error: 'Missing token' \}\)\.code\(401\)\.header\('WWW-Authenticate', 'Bearer realm="api"'\)/,
  });
});
