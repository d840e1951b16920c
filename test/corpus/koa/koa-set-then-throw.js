const Router = require('@koa/router');
const { verifyApiKey } = require('./keys');

const router = new Router({ prefix: '/v1' });

async function apiKey(ctx, next) {
  const key = ctx.get('x-api-key') || ctx.query.api_key;
  if (!key) {
    ctx.set('WWW-Authenticate', 'ApiKey realm="v1"');
    ctx.status = 401;
    ctx.body = { error: 'api key required' };
    return;
  }
  const client = await verifyApiKey(key);
  if (!client) {
    // Koa's onerror drops headers set before a throw: this 401 leaves without its challenge
    ctx.set('WWW-Authenticate', 'ApiKey realm="v1", error="invalid_key"');
    ctx.throw(401, 'invalid api key'); // expect: require-www-authenticate
  }
  if (client.disabled) {
    ctx.throw(403, 'This API client has been disabled');
  }
  ctx.state.client = client;
  await next();
}

router.use(apiKey);

router.get('/reports', async (ctx) => {
  if (!ctx.state.client.scopes.includes('reports:read')) {
    ctx.status = 403;
    ctx.body = { error: 'insufficient_scope' };
    return;
  }
  ctx.body = await ctx.state.client.reports();
});

router.post('/reports', async (ctx) => {
  if (!ctx.request.body || !ctx.request.body.name) {
    ctx.status = 400;
    ctx.body = { error: 'name required' };
    return;
  }
  if (await ctx.db.reports.exists(ctx.request.body.name)) {
    ctx.throw(409, 'Report name already taken');
  }
  ctx.status = 201;
});

router.get('/me', async (ctx) => {
  const token = ctx.cookies.get('access_token');
  if (!token) {
    ctx.status = 403; // expect: require-401-for-credential-failure
    ctx.body = { error: 'not logged in' };
    return;
  }
  ctx.body = await ctx.users.byToken(token);
});

module.exports = router;
