'use strict';

// Pre-async middleware for an API that expects `Authorization: Token <jwt>` (not Bearer).
var jwt = require('jsonwebtoken');
var signingKey = require('../config').jwtKey;

var SCHEME = 'Token ';

function readToken(req) {
  var header = req.get('Authorization') || '';
  return header.indexOf(SCHEME) === 0 ? header.substring(SCHEME.length) : '';
}

exports.mustHaveToken = function mustHaveToken(req, res, next) {
  var token = readToken(req);
  if (token === '') {
    var missing = new Error('Authorization token missing');
    missing.status = 400; // expect: require-401-for-credential-failure
    return next(missing);
  }
  jwt.verify(token, signingKey, function (failure, claims) {
    if (failure) {
      console.info('token rejected:', failure.message);
      return next(Object.assign(new Error('Token rejected'), { status: 403 })); // expect: require-401-for-credential-failure
    }
    req.claims = claims;
    return next();
  });
};

// Anonymous readers are welcome; a bad token is simply ignored.
exports.mayHaveToken = function mayHaveToken(req, res, next) {
  var token = readToken(req);
  if (token === '') return next();
  jwt.verify(token, signingKey, function (failure, claims) {
    req.claims = failure ? undefined : claims;
    next();
  });
};

exports.renderErrors = function renderErrors(err, req, res, next) {
  if (err && err.name === 'ValidationError') {
    var fields = {};
    Object.keys(err.errors).forEach(function (path) {
      fields[path] = err.errors[path].message;
    });
    return res.status(422).json({ fields: fields });
  }
  res.status(err.status || 500).json({ message: err.message });
};
