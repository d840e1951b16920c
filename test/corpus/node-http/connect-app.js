var connect = require('connect');
var cookie = require('cookie');
var sessions = require('./sessions');

var app = connect();

function requireSession(req, res, next) {
  var cookies = cookie.parse(req.headers.cookie || '');
  var sid = cookies.sid;
  if (!sid) {
    res.statusCode = 400; // expect: require-401-for-credential-failure
    res.setHeader('Content-Type', 'text/plain');
    return res.end('session cookie missing');
  }
  sessions.get(sid, function (err, session) {
    if (err) return next(err);
    if (!session) {
      res.statusCode = 403; // expect: require-401-for-credential-failure
      return res.end('unknown session');
    }
    if (session.expires < Date.now()) {
      res.statusCode = 440; // expect: require-401-for-credential-failure
      return res.end('session timed out');
    }
    req.session = session;
    next();
  });
}

function requireModerator(req, res, next) {
  if (req.session.role !== 'moderator' && req.session.role !== 'admin') {
    res.statusCode = 403;
    return res.end('moderators only');
  }
  next();
}

function csrfCheck(req, res, next) {
  if (req.method === 'POST' && req.headers['x-csrf-token'] !== req.session.csrf) {
    res.statusCode = 403;
    return res.end('bad csrf token');
  }
  next();
}

app.use('/mod', requireSession);
app.use('/mod', csrfCheck);
app.use('/mod', requireModerator);
app.use('/mod', function (req, res) {
  res.end('moderation tools');
});

app.use('/me', requireSession);
app.use('/me', function (req, res) {
  if (req.method !== 'GET') {
    res.statusCode = 405;
    return res.end();
  }
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ user: req.session.user }));
});

module.exports = app;
