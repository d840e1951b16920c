const express = require('express');
const passport = require('passport');
const { Strategy: HttpBearer } = require('passport-http-bearer');
const { Strategy: LocalLogin } = require('passport-local');
const { AccessGrant, Person } = require('../models');

// Opaque access tokens stored in the database, each with its own scope list.
passport.use(
  'opaque-bearer',
  new HttpBearer(async (presented, done) => {
    try {
      const grant = await AccessGrant.findOne({ token: presented, revokedAt: null }).populate('person');
      return grant ? done(null, grant.person, { scope: grant.scope }) : done(null, false);
    } catch (lookupError) {
      return done(lookupError);
    }
  }),
);

passport.use(
  'email-password',
  new LocalLogin({ usernameField: 'email', session: false }, async (email, password, done) => {
    const person = await Person.findOne({ email: email.toLowerCase() });
    const ok = person ? await person.passwordMatches(password) : false;
    return ok ? done(null, person) : done(null, false, { message: 'Invalid email or password' });
  }),
);

const routes = express.Router();

// The strategy itself answers 401 with `WWW-Authenticate: Bearer realm="Users"` when the token is bad.
routes.get('/me', passport.authenticate('opaque-bearer', { session: false }), (req, res) => {
  res.json({ id: req.user.id, email: req.user.email });
});

routes.post('/login', (req, res, next) => {
  const onVerdict = (error, person, info) => {
    if (error) return next(error);
    if (!person) {
      return res.status(400).json({ error: (info && info.message) || 'Login failed' }); // expect: require-401-for-credential-failure
    }
    return res.json({ token: person.issueAccessToken() });
  };
  passport.authenticate('email-password', { session: false }, onVerdict)(req, res, next);
});

// Custom callback: the app answers by itself, and forgets the challenge.
routes.get('/me/devices', (req, res, next) => {
  passport.authenticate('opaque-bearer', { session: false }, (error, person) => {
    if (error) return next(error);
    if (!person) {
      return res.status(401).json({ error: 'Access token missing or unknown' }); // expect: require-www-authenticate
    }
    return res.json(person.devices);
  })(req, res, next);
});

routes.delete('/people/:id', passport.authenticate('opaque-bearer', { session: false }), async (req, res) => {
  const scopes = (req.authInfo && req.authInfo.scope) || [];
  if (!scopes.includes('people:delete')) {
    return res.status(403).json({ error: 'This token may not delete people' });
  }
  await Person.deleteOne({ _id: req.params.id });
  return res.status(204).end();
});

routes.get('/auth/oidc/return', passport.authenticate('oidc', { failureRedirect: '/sign-in?failed=1' }), (req, res) => res.redirect('/'));

module.exports = routes;
