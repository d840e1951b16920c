const express = require('express');
const crypto = require('crypto');
const { MagicLink, User, LoginAttempt } = require('../models');
const oauth = require('../services/oauth-client');

const router = express.Router();

// One-time login links: the token comes from the URL and is consumed once
router.get('/auth/magic/:token', async (req, res) => {
  const link = await MagicLink.consume(req.params.token);
  if (!link) {
    return res.status(400).render('magic-link', { error: 'This sign-in link is invalid' });
  }
  if (link.expiresAt < new Date()) {
    return res.status(410).render('magic-link', { error: 'This sign-in link has expired' });
  }
  req.session.userId = link.userId;
  res.redirect('/');
});

router.get('/unsubscribe', async (req, res) => {
  const user = await User.findOne({ unsubscribeToken: req.query.token });
  if (!user) return res.status(404).send('Unknown unsubscribe token');
  user.newsletter = false;
  await user.save();
  res.send('You have been unsubscribed');
});

// OAuth client callback: state mismatch is CSRF protection, not a credential failure
router.get('/auth/github/callback', async (req, res) => {
  if (!req.query.state || req.query.state !== req.session.oauthState) {
    return res.status(403).send('Invalid OAuth state');
  }
  if (req.query.error === 'access_denied') {
    return res.status(403).render('login', { error: 'You declined the GitHub authorization' });
  }
  const tokens = await oauth.exchange(req.query.code);
  if (!tokens) {
    return res.status(400).send('Could not exchange the authorization code');
  }
  req.session.userId = tokens.userId;
  res.redirect('/');
});

router.post('/login', async (req, res) => {
  const attempts = await LoginAttempt.recent(req.ip);
  if (attempts > 10) {
    res.set('Retry-After', '900');
    return res.status(429).json({ message: 'Too many login attempts, try again later' });
  }
  const user = await User.findOne({ email: req.body.email });
  if (!user || !(await user.checkPassword(req.body.password))) {
    await LoginAttempt.record(req.ip);
    res.set('WWW-Authenticate', 'FormBased realm="app"');
    return res.status(401).json({ message: 'Invalid email or password' });
  }
  if (!user.confirmedAt) {
    return res.status(403).json({ message: 'Please confirm your e-mail address' });
  }
  const stateToken = crypto.randomBytes(16).toString('hex');
  req.session.userId = user.id;
  req.session.csrf = stateToken;
  res.json({ csrf: stateToken });
});

router.get('/internal/metrics', (req, res) => {
  // Hide the endpoint from anyone without the ops token
  if (req.get('authorization') !== `Bearer ${process.env.OPS_TOKEN}`) {
    return res.sendStatus(404);
  }
  res.json({ uptime: process.uptime() });
});

router.post('/api/v1/things', (req, res) => {
  if (req.get('accept-version') === '0') {
    return res.status(410).json({ message: 'API v0 has been removed' });
  }
  if (!req.is('json')) return res.status(415).end();
  res.status(201).json({ ok: true });
});

module.exports = router;
