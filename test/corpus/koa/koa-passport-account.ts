import Koa from 'koa';
import Router from '@koa/router';
import passport from 'koa-passport';
import { Strategy as LocalStrategy } from 'passport-local';
import { accounts, type Account } from './accounts';

passport.use(
  new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
    try {
      const account = await accounts.byEmail(email);
      const ok = account !== undefined && (await accounts.passwordMatches(account, password));
      done(null, ok ? account : false);
    } catch (failure) {
      done(failure);
    }
  }),
);

const router = new Router({ prefix: '/account' });

router.post('/sign-in', async (ctx, next) => {
  const attempt = passport.authenticate('local', async (failure: unknown, account: Account | false) => {
    if (failure) throw failure;
    if (!account) {
      ctx.status = 400; // expect: require-401-for-credential-failure
      ctx.body = { problem: 'Wrong email or password' };
      return;
    }
    if (account.closedAt) {
      ctx.status = 403;
      ctx.body = { problem: 'This account is closed' };
      return;
    }
    await ctx.login(account);
    ctx.body = { signedIn: account.id };
  });
  return attempt(ctx, next);
});

router.get('/', async (ctx) => {
  if (!ctx.isAuthenticated()) {
    ctx.status = 403; // expect: require-401-for-credential-failure
    ctx.body = { problem: 'Please log in first' };
    return;
  }
  ctx.body = ctx.state.user;
});

router.get('/invoices', async (ctx) => {
  if (!ctx.isAuthenticated()) {
    ctx.set('WWW-Authenticate', 'Session realm="account"');
    ctx.status = 401;
    return;
  }
  if (!ctx.state.user.canSeeInvoices) {
    ctx.status = 401; // expect: require-403-for-permission-denial
    ctx.body = { problem: 'Invoices are for billing admins only' };
    return;
  }
  ctx.body = await accounts.invoices(ctx.state.user.id);
});

router.put('/email', async (ctx) => {
  if (ctx.isUnauthenticated()) ctx.throw(401, 'Sign-in required'); // expect: require-www-authenticate
  const { email } = ctx.request.body as { email?: string };
  ctx.assert(typeof email === 'string' && email.includes('@'), 400, 'A valid email is required');
  if (await accounts.emailInUse(email)) ctx.throw(409, 'That email belongs to another account');
  ctx.body = await accounts.changeEmail(ctx.state.user.id, email);
});

const app = new Koa();
app.use(passport.initialize());
app.use(passport.session());
app.use(router.routes()).use(router.allowedMethods());

export default app;
