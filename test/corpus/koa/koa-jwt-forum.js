// Forum API: koa-jwt guards everything below it; the first middleware rewrites its errors.
const Koa = require('koa');
const Router = require('@koa/router');
const koaJwt = require('koa-jwt');
const { koaBody } = require('koa-body');
const threads = require('./threads');

const forum = new Koa();
const routes = new Router({ prefix: '/forum' });

// Hides koa-jwt's own messages behind a generic body (and, by mistake, drops its challenge).
forum.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err.status !== 401) throw err;
    ctx.status = 401; // expect: require-www-authenticate
    ctx.body = { error: 'sign-in needed', hint: 'send a bearer token' };
  }
});

forum.use(koaBody());
forum.use(koaJwt({ secret: process.env.FORUM_JWT_KEY, key: 'member' }).unless({ path: [/^\/forum\/public/] }));

routes.get('/public/threads', async (ctx) => {
  ctx.body = await threads.latest(20);
});

routes.post('/threads/:id/pin', async (ctx) => {
  if (ctx.state.member.moderator !== true) {
    ctx.status = 403;
    ctx.body = { error: 'Pinning is for moderators' };
    return;
  }
  ctx.body = await threads.pin(ctx.params.id);
});

routes.delete('/replies/:id', async (ctx) => {
  const reply = await threads.reply(ctx.params.id);
  ctx.assert(reply, 404, 'No such reply');
  ctx.assert(reply.author === ctx.state.member.sub, 401, 'Only the author can delete this reply'); // expect: require-403-for-permission-denial
  await threads.removeReply(reply.id);
  ctx.status = 204;
});

forum.use(routes.routes());
forum.use(routes.allowedMethods());

module.exports = forum;
