import { fixTypeScriptWith, loadTypeScriptModule } from './nest-fetch-helpers/typescript-app';
import { listen, type Running } from './serve';
import { itFixes } from './verify-fix';

type Controller = new () => { show(context: unknown): unknown };

/**
 * Compiles the controller, routes `GET /` to its `show` on @adonisjs/http-server's Server (built by the package's
 * own factories over an initialized @adonisjs/application) and serves it from node:http on 127.0.0.1.
 */
async function start(source: string): Promise<Running> {
  const { default: SessionController } = loadTypeScriptModule<{ default: Controller }>(source);
  const { AppFactory } = await import('@adonisjs/application/factories');
  const { ServerFactory } = await import('@adonisjs/http-server/factories');
  const app = new AppFactory().create(new URL('./', `file://${__dirname}/`), () => {});
  await app.init();
  const server = new ServerFactory().merge({ app }).create();
  server.getRouter().get('/', (context) => new SessionController().show(context));
  await server.boot();
  return listen((request, response) => void server.handle(request, response));
}

/** An AdonisJS controller whose `show` reads the token, runs `body`, and answers `{ ok: true }`. */
function controller(body: string): string {
  return `import type { HttpContext } from '@adonisjs/core/http';
export default class SessionController {
  async show({ request, response }: HttpContext) {
    const token = request.header('authorization');
${body}
    return { ok: true };
  }
}
`;
}

const BEARER = { authorization: 'Bearer abc' };

describe('AdonisJS: fixes run on the real framework', () => {
  itFixes(
    start,
    {
      title: 'response.forbidden(body) for a missing token becomes response.header(…).unauthorized(body)',
      source: controller(`    if (!token) return response.forbidden({ message: 'Missing token' });`),
      rule: 'require-401-for-credential-failure',
      kind: 'suggestion',
      before: { status: 403, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /return response\.header\('WWW-Authenticate', 'Bearer realm="api"'\)\.unauthorized\(\{ message: 'Missing token' \}\);/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'response.status(400).send(…) for a malformed header becomes response.status(401).header(…).send(…)',
      source: controller(`    if (!token?.startsWith('Bearer ')) return response.status(400).send({ message: 'Malformed authorization header' });`),
      rule: 'require-401-for-credential-failure',
      kind: 'suggestion',
      headers: { authorization: 'Basic abc' },
      before: { status: 400, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /response\.status\(401\)\.header\('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"'\)\.send\(/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'response.abort(body) (400 by default) for a missing token becomes response.header(…).abort(body, 401)',
      source: controller(`    if (!token) response.abort({ message: 'Token required' });`),
      rule: 'require-401-for-credential-failure',
      kind: 'suggestion',
      before: { status: 400, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /response\.header\('WWW-Authenticate', 'Bearer realm="api"'\)\.abort\(\{ message: 'Token required' \}, 401\);/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'a bare response.unauthorized(body) gets response.header(…) chained before it (autofix)',
      source: controller(`    if (!token) return response.unauthorized({ message: 'Missing token' });`),
      rule: 'require-www-authenticate',
      kind: 'fix',
      before: { status: 401, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /return response\.header\('WWW-Authenticate', 'Bearer realm="api"'\)\.unauthorized\(/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'response.abort(body, 401) gets response.header(…) chained before it; the header survives the abort (autofix)',
      source: controller(`    if (!token) response.abort('Login required', 401);`),
      rule: 'require-www-authenticate',
      kind: 'fix',
      before: { status: 401, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /response\.header\('WWW-Authenticate', 'Bearer realm="api"'\)\.abort\('Login required', 401\);/,
    },
    fixTypeScriptWith,
  );
});
