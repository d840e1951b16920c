const Koa = require('koa');
const Router = require('@koa/router');
const jwt = require('koa-jwt');
const bodyParser = require('koa-bodyparser');

const app = new Koa();
const router = new Router();

// Custom 401 handling if you don't want to expose koa-jwt errors to users
app.use(function (ctx, next) {
  return next().catch((err) => {
    if (401 == err.status) {
      ctx.status = 401; // expect: require-www-authenticate
      ctx.body = 'Protected resource, use Authorization header to get access\n';
    } else {
      throw err;
    }
  });
});

app.use(bodyParser());

// Unprotected middleware
app.use(function (ctx, next) {
  if (ctx.url.match(/^\/public/)) {
    ctx.body = 'unprotected\n';
  } else {
    return next();
  }
});

// Middleware below this line is only reached if JWT token is valid
app.use(jwt({ secret: 'shared-secret' }));

router.get('/protected', (ctx) => {
  ctx.body = 'protected\n';
});

router.get('/admin', (ctx) => {
  if (!ctx.state.user.admin) {
    ctx.status = 403;
    ctx.body = { message: 'Admin privileges required' };
    return;
  }
  ctx.body = 'admin\n';
});

router.delete('/comments/:id', async (ctx) => {
  const comment = await ctx.db.comments.find(ctx.params.id);
  ctx.assert(comment, 404, 'Comment not found');
  ctx.assert(comment.authorId === ctx.state.user.sub, 401, 'You can only delete your own comments'); // expect: require-403-for-permission-denial
  await ctx.db.comments.remove(comment.id);
  ctx.status = 204;
});

app.use(router.routes()).use(router.allowedMethods());

app.listen(3000);
