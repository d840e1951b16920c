// Older service on express-jwt 6: every route except sign-up and sign-in needs a token.
const express = require('express');
const expressJwt = require('express-jwt');
const settings = require('./settings.json');

const service = express();
service.use(express.json());

const OPEN_PATHS = ['/accounts/sign-in', '/accounts/sign-up', /^\/public\//];

service.use(expressJwt({ secret: settings.tokenKey, algorithms: ['HS256'] }).unless({ path: OPEN_PATHS }));
service.use('/accounts', require('./accounts/routes'));
service.use('/orders', require('./orders/routes'));

// Last middleware: turns thrown strings and express-jwt failures into JSON.
service.use((err, req, res, next) => {
  if (err.name === 'UnauthorizedError') {
    // express-jwt: no token, bad signature or expired
    return res.status(403).json({ error: 'Token missing or rejected' }); // expect: require-401-for-credential-failure
  }
  if (typeof err === 'string') {
    return res.status(400).json({ error: err });
  }
  console.error(err);
  return res.status(500).json({ error: 'Something went wrong' });
});

service.listen(settings.port, () => console.log(`orders service on ${settings.port}`));
