const express = require('express');
const session = require('express-session');
const csrf = require('csurf');
const bcrypt = require('bcryptjs');
const db = require('./db');

const app = express();
const SESSION_TTL_MS = 30 * 60 * 1000;

app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(csrf());

function requireLogin(req, res, next) {
  if (!req.session.userId) {
    return res.status(403).send('You must be logged in to view this page'); // expect: require-401-for-credential-failure
  }
  if (Date.now() - req.session.lastSeen > SESSION_TTL_MS) {
    req.session.destroy(() => {});
    return res.status(419).json({ message: 'Session expired, please log in again' }); // expect: require-401-for-credential-failure
  }
  req.session.lastSeen = Date.now();
  next();
}

function requirePageLogin(req, res, next) {
  if (!req.session.userId) {
    return res.redirect('/login?next=' + encodeURIComponent(req.originalUrl));
  }
  next();
}

app.post('/login', async (req, res) => {
  const user = await db.users.findByEmail(req.body.email);
  const ok = user && (await bcrypt.compare(req.body.password, user.passwordHash));
  if (!ok) {
    return res.status(422).render('login', { error: 'Wrong email or password' }); // expect-ignore: HTML form re-render (Turbo/Rails 422 convention), no challenge scheme fits
  }
  if (user.suspended) {
    return res.status(403).render('login', { error: 'Your account is suspended' });
  }
  req.session.regenerate(() => {
    req.session.userId = user.id;
    req.session.lastSeen = Date.now();
    res.redirect('/dashboard');
  });
});

app.post('/settings', requireLogin, (req, res) => {
  if (req.body._csrf !== req.session.csrfSecret) {
    return res.status(403).send('Invalid CSRF token');
  }
  res.send('saved');
});

app.get('/dashboard', requirePageLogin, (req, res) => res.render('dashboard'));

app.get('/admin', requireLogin, async (req, res) => {
  const user = await db.users.findById(req.session.userId);
  if (!user.isAdmin) return res.status(403).render('403');
  res.render('admin');
});

app.use(function (err, req, res, next) {
  if (err.code !== 'EBADCSRFTOKEN') return next(err);
  res.status(403);
  res.send('form tampered with');
});

module.exports = app;
