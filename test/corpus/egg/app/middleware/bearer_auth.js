'use strict';

const { ForbiddenError, UnauthorizedError } = require('egg-errors');

module.exports = (options) => async function bearerAuth(ctx, next) {
  if (options.ignore && options.ignore.test(ctx.path)) {
    return next();
  }
  const header = ctx.get('authorization');
  if (!header) {
    throw new ForbiddenError('authorization header required'); // expect: require-401-for-credential-failure
  }
  let claims;
  try {
    claims = ctx.app.jwt.verify(header.slice('Bearer '.length), options.secret);
  } catch (err) {
    throw new UnauthorizedError('token rejected: ' + err.message); // expect: require-www-authenticate
  }
  if (claims.aud !== 'api') {
    const error = new UnauthorizedError('token was not issued for the API');
    error.headers = { 'WWW-Authenticate': 'Bearer realm="egg", error="invalid_token"' };
    throw error;
  }
  ctx.state.claims = claims;
  await next();
};
