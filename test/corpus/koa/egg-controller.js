'use strict';

const Controller = require('egg').Controller;

class UserController extends Controller {
  async login() {
    const { ctx, app } = this;
    const { username, password } = ctx.request.body;
    const user = await ctx.service.user.findByUsername(username);
    if (!user || !(await ctx.service.user.checkPassword(user, password))) {
      ctx.status = 400; // expect: require-401-for-credential-failure
      ctx.body = { code: 'LOGIN_FAILED', message: 'wrong username or password' };
      return;
    }
    if (user.locked) {
      ctx.status = 403;
      ctx.body = { code: 'ACCOUNT_LOCKED', message: 'account locked' };
      return;
    }
    ctx.body = { token: app.jwt.sign({ id: user.id }, app.config.jwt.secret, { expiresIn: '2h' }) };
  }

  async profile() {
    const { ctx, app } = this;
    const token = ctx.request.header.authorization;
    if (!token) {
      ctx.status = 499; // expect: require-401-for-credential-failure
      ctx.body = { code: 'TOKEN_REQUIRED' };
      return;
    }
    try {
      ctx.state.user = app.jwt.verify(token.split(' ')[1], app.config.jwt.secret);
    } catch (e) {
      ctx.status = 498; // expect: require-401-for-credential-failure
      ctx.body = { code: 'TOKEN_INVALID', message: e.message };
      return;
    }
    ctx.body = await ctx.service.user.find(ctx.state.user.id);
  }

  async destroy() {
    const { ctx } = this;
    if (ctx.state.user.role !== 'admin') {
      ctx.status = 403;
      ctx.body = { code: 'FORBIDDEN' };
      return;
    }
    await ctx.service.user.destroy(ctx.params.id);
    ctx.status = 204;
  }
}

module.exports = UserController;
