const express = require('express');
const { expressjwt: jwt } = require('express-jwt');
const jwks = require('jwks-rsa');
const guard = require('express-jwt-permissions')();

const app = express();

const jwtCheck = jwt({
  secret: jwks.expressJwtSecret({
    cache: true,
    rateLimit: true,
    jwksRequestsPerMinute: 5,
    jwksUri: 'https://dev-example.us.auth0.com/.well-known/jwks.json',
  }),
  audience: 'https://api.example.com',
  issuer: 'https://dev-example.us.auth0.com/',
  algorithms: ['RS256'],
});

app.get('/api/public', (req, res) => {
  res.json({ message: 'Hello from a public endpoint! You don\'t need to be authenticated to see this.' });
});

app.get('/api/private', jwtCheck, (req, res) => {
  res.json({ message: 'Hello from a private endpoint! You need to be authenticated to see this.' });
});

app.get('/api/private-scoped', jwtCheck, guard.check(['read:messages']), (req, res) => {
  res.json({ message: 'Hello from a private endpoint! You need to be authenticated and have a scope of read:messages to see this.' });
});

app.use(function (err, req, res, next) {
  if (err.name === 'UnauthorizedError') {
    res.status(401).send('invalid token...'); // expect: require-www-authenticate
  } else if (err.code === 'permission_denied') {
    res.status(403).send('Forbidden');
  } else {
    next(err);
  }
});

module.exports = app;
