'use strict';

var jwt = require('jsonwebtoken');
var secret = require('../config').secret;

function getTokenFromHeader(req) {
  if (req.headers.authorization && req.headers.authorization.split(' ')[0] === 'Token') {
    return req.headers.authorization.split(' ')[1];
  }
  return null;
}

module.exports.required = function (req, res, next) {
  var token = getTokenFromHeader(req);
  if (!token) {
    var err = new Error('No authorization token was found');
    err.status = 400; // expect: require-401-for-credential-failure
    return next(err);
  }
  jwt.verify(token, secret, function (verifyErr, payload) {
    if (verifyErr) {
      return next(Object.assign(new Error('jwt malformed'), { status: 403 })); // expect: require-401-for-credential-failure
    }
    req.payload = payload;
    next();
  });
};

module.exports.optional = function (req, res, next) {
  var token = getTokenFromHeader(req);
  if (!token) return next();
  jwt.verify(token, secret, function (verifyErr, payload) {
    if (!verifyErr) req.payload = payload;
    next();
  });
};

module.exports.errorHandler = function (err, req, res, next) {
  if (err.name === 'ValidationError') {
    return res.status(422).json({
      errors: Object.keys(err.errors).reduce(function (errors, key) {
        errors[key] = err.errors[key].message;
        return errors;
      }, {})
    });
  }
  res.status(err.status || 500);
  res.json({ errors: { message: err.message } });
};
