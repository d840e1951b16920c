const jwt = require('jsonwebtoken');
const settings = require('../settings');

// Clients send the token they got from POST /api/sign-in in the x-auth-token header.
module.exports = function authToken(req, res, next) {
  if (settings.get('auth.disabled')) return next();

  const raw = req.header('x-auth-token');
  if (!raw) {
    return res.status(401).json({ error: 'Sign in first: x-auth-token header missing' }); // expect: require-www-authenticate
  }

  let claims;
  try {
    claims = jwt.verify(raw, settings.get('auth.signingKey'));
  } catch (problem) {
    return res.status(400).json({ error: 'x-auth-token is not a valid token' }); // expect: require-401-for-credential-failure
  }
  req.patron = claims;
  return next();
};
