import assert from 'node:assert/strict';
import type Koa from 'koa';
import { get, listen, loadModule, withServer } from './serve';
import { itFixesCode, observeServer } from './verify-code-fix';

/** A Feathers app on its Koa transport whose `messages` service runs `guard` as a `before` hook. */
function app(guard: string): string {
  return `import { feathers } from '@feathersjs/feathers';
import { koa, rest, errorHandler } from '@feathersjs/koa';
import { Forbidden, NotAuthenticated } from '@feathersjs/errors';
const app = koa(feathers());
app.use(errorHandler());
app.configure(rest());
app.use('messages', { async find() { return [{ text: 'hello' }]; } });
app.service('messages').hooks({
  before: {
    find: [
      async (context) => {
        const token = context.params.headers.authorization;
        context.params.user = token ? { id: 1, roles: token === 'Bearer admin' ? ['admin'] : [] } : null;
${guard}
        return context;
      },
    ],
  },
});
export default app;
`;
}

async function start(source: string) {
  const { default: feathersApp } = await loadModule<{ default: Koa & { setup(): Promise<unknown> } }>(source);
  await feathersApp.setup();
  return listen(feathersApp.callback());
}

/** What a REST client sees: the status, the error's `name` in the body, and whether a challenge came along. */
interface Seen {
  status: number;
  name: string;
  challenged: boolean;
}

async function call(url: string, headers: Record<string, string>): Promise<Seen> {
  const response = await get(`${url}/messages`, headers);
  const body = (await response.json()) as { name?: string };
  return { status: response.status, name: body.name ?? 'OK', challenged: response.headers.has('www-authenticate') };
}

function observe(headers: Record<string, string>) {
  return observeServer(start, (url) => call(url, headers), (url) => call(url, { authorization: 'Bearer admin' }));
}

describe('FeathersJS: fixes run on the real Koa transport', () => {
  itFixesCode(
    {
      title: 'NotAuthenticated for a role check becomes Forbidden, which Feathers sends as 403',
      source: app(`        if (!context.params.user.roles.includes('admin')) throw new NotAuthenticated('Admins only');`),
      rule: 'require-403-for-permission-denial',
      before: { status: 401, name: 'NotAuthenticated', challenged: false },
      after: { status: 403, name: 'Forbidden', challenged: false },
      uses: /throw new Forbidden\('Admins only'\)/,
    },
    observe({ authorization: 'Bearer member' }),
    { status: 200, name: 'OK', challenged: false },
  );

  it('drops context.http.headers when a hook throws: why no challenge fix is offered', async () => {
    const source = app(`        if (!context.params.user) {
          context.http.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };
          throw new NotAuthenticated('Not signed in');
        }`);
    await withServer(
      () => start(source),
      async (url) => {
        const response = await get(`${url}/messages`);
        assert.equal(response.status, 401);
        assert.equal(response.headers.has('www-authenticate'), false);
      },
    );
  });

  it('sends Forbidden for a missing user as 403, as the credential rule reports', async () => {
    await withServer(
      () => start(app(`        if (!context.params.user) throw new Forbidden('You must be signed in');`)),
      async (url) => assert.deepEqual(await call(url, {}), { status: 403, name: 'Forbidden', challenged: false }),
    );
  });
});
