import type { RestApplication } from '@loopback/rest';
import assert from 'node:assert/strict';
import { fixTypeScriptWith, loadTypeScriptModule } from './nest-fetch-helpers/typescript-app';
import { get, withServer, type Running } from './serve';
import { itFixes } from './verify-fix';

/** Compiles the app, mounts its `WhoAmIController` on a LoopBack 4 RestApplication and listens on 127.0.0.1. */
async function start(source: string): Promise<Running> {
  const { WhoAmIController } = loadTypeScriptModule<{ WhoAmIController: new (...args: never[]) => unknown }>(source);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { RestApplication } = require('@loopback/rest') as typeof import('@loopback/rest');
  const app: RestApplication = new RestApplication({ rest: { port: 0, host: '127.0.0.1' }, shutdown: { signals: [] } });
  app.controller(WhoAmIController);
  await app.start();
  const url = app.restServer.url;
  assert.ok(url, 'LoopBack did not report its URL');
  return { url, close: () => app.stop() };
}

/** A LoopBack 4 controller for `GET /` with the response injected in its constructor, given the method body. */
function controller(body: string): string {
  return `import { inject } from '@loopback/core';
import { get, HttpErrors, Request, Response, RestBindings } from '@loopback/rest';

export class WhoAmIController {
  constructor(@inject(RestBindings.Http.RESPONSE) private response: Response) {}

  @get('/')
  whoAmI(@inject(RestBindings.Http.REQUEST) request: Request) {
${body}
    return { ok: true };
  }
}
`;
}

const BEARER = { authorization: 'Bearer abc' };

describe('LoopBack 4: fixes run on the real framework', () => {
  itFixes(
    start,
    {
      title: 'new HttpErrors.Forbidden(msg) for a missing header becomes this.response.setHeader(…) + HttpErrors.Unauthorized',
      source: controller(`    if (!request.headers.authorization) throw new HttpErrors.Forbidden('Authorization header not found.');`),
      rule: 'require-401-for-credential-failure',
      kind: 'suggestion',
      before: { status: 403, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /\{ this\.response\.setHeader\('WWW-Authenticate', 'Bearer realm="api"'\); throw new HttpErrors\.Unauthorized\('Authorization header not found\.'\); \}/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'HttpErrors(403, msg) for a missing header becomes HttpErrors(401, msg) after the challenge is set',
      source: controller(`    if (!request.headers.authorization) throw HttpErrors(403, 'No token provided');`),
      rule: 'require-401-for-credential-failure',
      kind: 'suggestion',
      before: { status: 403, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /this\.response\.setHeader\('WWW-Authenticate', 'Bearer realm="api"'\); throw HttpErrors\(401, 'No token provided'\);/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'a bare HttpErrors.Unauthorized gets this.response.setHeader(…) before the throw (autofix)',
      source: controller(`    if (!request.headers.authorization) {
      throw new HttpErrors.Unauthorized('Login required');
    }`),
      rule: 'require-www-authenticate',
      kind: 'fix',
      before: { status: 401, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /this\.response\.setHeader\('WWW-Authenticate', 'Bearer realm="api"'\);\n\s+throw new HttpErrors\.Unauthorized\('Login required'\);/,
    },
    fixTypeScriptWith,
  );

  itFixes(
    start,
    {
      title: 'HttpErrors[401] with the response injected as a method parameter gets res.setHeader(…) (autofix)',
      source: `import { inject } from '@loopback/core';
import { get, HttpErrors, Request, Response, RestBindings } from '@loopback/rest';

export class WhoAmIController {
  @get('/')
  whoAmI(@inject(RestBindings.Http.REQUEST) request: Request, @inject(RestBindings.Http.RESPONSE) res: Response) {
    if (!request.headers.authorization) {
      throw new HttpErrors[401]('Login required');
    }
    return { ok: true };
  }
}
`,
      rule: 'require-www-authenticate',
      kind: 'fix',
      before: { status: 401, challenged: false },
      passing: { headers: BEARER, status: 200 },
      uses: /res\.setHeader\('WWW-Authenticate', 'Bearer realm="api"'\);\n\s+throw new HttpErrors\[401\]\('Login required'\);/,
    },
    fixTypeScriptWith,
  );

  it("LoopBack ignores an error's headers (why the fix sets them on the response instead)", async () => {
    const source = controller(`    if (!request.headers.authorization) {
      throw Object.assign(new HttpErrors.Unauthorized('Login required'), { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
    }`);
    await withServer(
      () => start(source),
      async (url) => {
        const response = await get(url);
        assert.equal(response.status, 401);
        assert.equal(response.headers.get('www-authenticate'), null);
      },
    );
  });
});
