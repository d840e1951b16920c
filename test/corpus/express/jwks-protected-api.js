// Resource server for tokens from an external identity provider: express-jwt checks RS256 signatures
// against the provider's key set; scopes are checked per route.
const express = require('express');
const { expressjwt } = require('express-jwt');
const { expressJwtSecret } = require('jwks-rsa');

const ISSUER = process.env.IDP_ISSUER;

const requireAccessToken = expressjwt({
  secret: expressJwtSecret({ jwksUri: `${ISSUER}.well-known/jwks.json`, cache: true, cacheMaxAge: 10 * 60 * 1000 }),
  issuer: ISSUER,
  audience: process.env.API_AUDIENCE,
  algorithms: ['RS256'],
});

function needScope(scope) {
  return (req, res, next) => {
    const granted = String(req.auth.scope || '').split(' ');
    if (!granted.includes(scope)) {
      const error = new Error(`token lacks scope ${scope}`);
      error.code = 'scope_missing';
      return next(error);
    }
    return next();
  };
}

const api = express.Router();

api.get('/status', (req, res) => res.json({ up: true }));
api.get('/timesheets', requireAccessToken, (req, res) => res.json({ owner: req.auth.sub, entries: [] }));
api.post('/timesheets/approve', requireAccessToken, needScope('timesheets:approve'), (req, res) => res.json({ approved: true }));

api.use((err, req, res, next) => {
  if (err.name === 'UnauthorizedError') {
    return res.status(401).json({ error: err.code, detail: 'access token missing or not accepted' }); // expect: require-www-authenticate
  }
  if (err.code === 'scope_missing') {
    return res.status(403).json({ error: 'insufficient_scope', detail: err.message });
  }
  return next(err);
});

module.exports = api;
