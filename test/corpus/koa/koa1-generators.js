'use strict';
// Koa 1 app (generator middleware, `this` is the context), as older koa-router projects still ship it.
const koa = require('koa');
const router = require('koa-router')();
const jwt = require('jsonwebtoken');

const app = koa();

function* authenticate(next) {
  const header = this.get('Authorization');
  if (!header) {
    this.status = 403; // expect: require-401-for-credential-failure
    this.body = { message: 'No token provided' };
    return;
  }
  try {
    this.state.user = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET);
  } catch (err) {
    if (err.name === 'TokenExpiredError') this.throw(440, 'Session expired'); // expect: require-401-for-credential-failure
    this.throw(401, 'Invalid token'); // expect: require-www-authenticate
  }
  yield next;
}

function* requireAdmin(next) {
  if (!this.state.user.isAdmin) {
    this.throw(401, 'Admins only'); // expect: require-403-for-permission-denial
  }
  yield next;
}

function* requireOwner(next) {
  const doc = yield Doc.findById(this.params.id);
  if (doc.ownerId !== this.state.user.id) this.throw(403, 'Not the owner');
  yield next;
}

function* basicAuth(next) {
  const credentials = parseBasic(this.get('Authorization'));
  if (!credentials || !(yield checkPassword(credentials.name, credentials.pass))) {
    this.set('WWW-Authenticate', 'Basic realm="admin", charset="UTF-8"');
    this.status = 401;
    this.body = 'Unauthorized';
    return;
  }
  yield next;
}

router.get('/me', authenticate, function* () {
  this.body = this.state.user;
});
router.delete('/docs/:id', authenticate, requireOwner, function* () {
  yield Doc.remove(this.params.id);
  this.status = 204;
});
router.get('/admin', authenticate, requireAdmin, function* () {
  this.body = { ok: true };
});
router.post('/upload', authenticate, function* () {
  if (!this.request.body.file) this.throw(400, 'A file is required');
  this.status = 201;
});
router.get('/internal', basicAuth, function* () {
  this.body = 'internal';
});

app.use(router.routes());

// Koa 2 forms in the same code base after the partial migration.
const Koa2 = require('koa');
const api = new Koa2();
api.use(async (ctx, next) => {
  const token = ctx.headers.authorization;
  if (!token) ctx.throw(403, token === undefined ? 'No token provided' : 'Empty token'); // expect: require-401-for-credential-failure
  const err = new Error('Invalid token');
  if (!(await isValid(token))) ctx.throw(401, err); // expect: require-www-authenticate
  await next();
});

class Repository {
  *query(next) {
    if (!this.connection) this.throw(403, 'Not connected');
    yield next;
  }
}

module.exports = { app, api, Repository };
