import { Application, Router, Status } from 'jsr:@oak/oak';
import { verify } from 'jsr:@zaubrik/djwt';

const key = await crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
const router = new Router();

router.use(async (ctx, next) => {
  const header = ctx.request.headers.get('authorization');
  if (!header) {
    ctx.throw(Status.Forbidden, 'bearer token required'); // expect: require-401-for-credential-failure
  }
  try {
    ctx.state.claims = await verify(header.replace('Bearer ', ''), key);
  } catch {
    ctx.response.status = Status.Unauthorized; // expect: require-www-authenticate
    ctx.response.body = { error: 'token rejected' };
    return;
  }
  await next();
});

router.delete('/notes/:id', (ctx) => {
  if (ctx.state.claims.role !== 'editor') {
    ctx.response.status = 401; // expect: require-403-for-permission-denial
    ctx.response.body = { error: 'editors only' };
    return;
  }
  if (!ctx.params.id) {
    ctx.throw(Status.BadRequest, 'note id missing');
  }
  ctx.response.status = Status.NoContent;
});

router.get('/notes', (ctx) => {
  if (!ctx.state.claims.scopes?.includes('notes:read')) {
    ctx.response.status = Status.Forbidden;
    return;
  }
  ctx.response.body = [];
});

const app = new Application();
app.use(router.routes());
await app.listen({ port: 8000 });
