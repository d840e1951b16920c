'use strict';

const restify = require('restify');
const errors = require('restify-errors');
const jwt = require('jsonwebtoken');

const server = restify.createServer({ name: 'inventory' });
server.use(restify.plugins.bodyParser());

function authenticate(req, res, next) {
  const header = req.header('Authorization');
  if (!header) {
    return next(new errors.NotAuthorizedError('No token supplied')); // expect: require-401-for-credential-failure
  }
  try {
    req.user = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET);
  } catch (err) {
    return next(new errors.InvalidCredentialsError('Token is invalid or expired')); // expect: require-www-authenticate
  }
  return next();
}

function requireRole(role) {
  return (req, res, next) => {
    if (!req.user.roles.includes(role)) {
      return next(new errors.NotAuthorizedError(`Role ${role} required`));
    }
    return next();
  };
}

server.get('/items', authenticate, (req, res, next) => {
  res.send(200, []);
  return next();
});

server.del('/items/:id', authenticate, requireRole('admin'), (req, res, next) => {
  if (!req.params.id) {
    return next(new errors.MissingParameterError('id is required'));
  }
  res.send(204);
  return next();
});

server.post('/items', authenticate, (req, res, next) => {
  if (req.user.plan !== 'pro') {
    return next(new errors.UnauthorizedError('Upgrade to pro to add items')); // expect: require-403-for-permission-denial
  }
  res.send(201, req.body);
  return next();
});

module.exports = server;
