import Koa from 'koa';
import Router from '@koa/router';
import passport from 'koa-passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { users } from './users';

passport.use(
  new LocalStrategy(async (username, password, done) => {
    const user = await users.byName(username);
    if (!user || !(await users.check(user, password))) return done(null, false);
    return done(null, user);
  }),
);

const app = new Koa();
const router = new Router();

router.post('/login', (ctx, next) =>
  passport.authenticate('local', async (err: unknown, user: { id: string; disabled: boolean } | false) => {
    if (err) throw err;
    if (!user) {
      ctx.status = 400; // expect: require-401-for-credential-failure
      ctx.body = { message: 'Wrong username or password' };
      return;
    }
    if (user.disabled) {
      ctx.status = 403;
      ctx.body = { message: 'Account disabled' };
      return;
    }
    await ctx.login(user);
    ctx.body = { ok: true };
  })(ctx, next),
);

router.get('/account', async (ctx) => {
  if (ctx.isUnauthenticated()) {
    ctx.status = 403; // expect: require-401-for-credential-failure
    ctx.body = { message: 'Please log in' };
    return;
  }
  ctx.body = ctx.state.user;
});

router.get('/account/billing', async (ctx) => {
  if (ctx.isUnauthenticated()) {
    ctx.set('WWW-Authenticate', 'Session realm="koa-app"');
    ctx.status = 401;
    return;
  }
  if (!ctx.state.user.billingAdmin) {
    ctx.status = 401; // expect: require-403-for-permission-denial
    ctx.body = { message: 'Billing admins only' };
    return;
  }
  ctx.body = { invoices: [] };
});

router.post('/account/email', async (ctx) => {
  if (ctx.isUnauthenticated()) ctx.throw(401, 'Login required'); // expect: require-www-authenticate
  const { email } = ctx.request.body as { email?: string };
  ctx.assert(email, 400, 'email required');
  if (await users.emailTaken(email)) ctx.throw(409, 'E-mail already in use');
  ctx.body = { ok: true };
});

app.use(passport.initialize());
app.use(passport.session());
app.use(router.routes());

export default app;
