const express = require('express');
const passport = require('passport');
const { Strategy: BearerStrategy } = require('passport-http-bearer');
const { Strategy: LocalStrategy } = require('passport-local');
const Token = require('../models/Token');
const User = require('../models/User');

passport.use(new BearerStrategy(async (token, done) => {
  const record = await Token.findOne({ value: token }).populate('user');
  if (!record) return done(null, false);
  return done(null, record.user, { scope: record.scope });
}));

passport.use(new LocalStrategy({ usernameField: 'email' }, async (email, password, done) => {
  const user = await User.findOne({ email });
  if (!user || !(await user.verifyPassword(password))) {
    return done(null, false, { message: 'Incorrect email or password.' });
  }
  return done(null, user);
}));

const router = express.Router();

// passport-http-bearer sends 401 + WWW-Authenticate itself
router.get('/api/me', passport.authenticate('bearer', { session: false }), (req, res) => {
  res.json(req.user);
});

router.post('/api/login', (req, res, next) => {
  passport.authenticate('local', { session: false }, (err, user, info) => {
    if (err) return next(err);
    if (!user) {
      return res.status(400).json({ message: info ? info.message : 'Login failed' }); // expect: require-401-for-credential-failure
    }
    req.login(user, { session: false }, (loginErr) => {
      if (loginErr) return next(loginErr);
      return res.json({ user: user.toJSON(), token: user.issueToken() });
    });
  })(req, res, next);
});

router.get('/api/profile', (req, res, next) => {
  passport.authenticate('bearer', { session: false }, (err, user) => {
    if (err) return next(err);
    if (!user) {
      return res.status(401).json({ message: 'Invalid or missing access token' }); // expect: require-www-authenticate
    }
    res.json(user.profile);
  })(req, res, next);
});

router.delete('/api/users/:id', passport.authenticate('bearer', { session: false }), async (req, res) => {
  if (!req.authInfo.scope.includes('users:delete')) {
    return res.status(403).json({ message: 'Missing scope users:delete' });
  }
  await User.deleteOne({ _id: req.params.id });
  res.sendStatus(204);
});

router.get('/auth/google/callback', passport.authenticate('google', { failureRedirect: '/login' }), (req, res) => {
  res.redirect('/');
});

module.exports = router;
