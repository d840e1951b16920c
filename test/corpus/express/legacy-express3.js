// An Express 3/4 API that still uses the deprecated status-first signatures.
var express = require('express');
var jwt = require('jsonwebtoken');
var app = express();

function requireToken(req, res, next) {
  var token = req.headers['x-access-token'];
  if (!token) return res.send(403, { success: false, message: 'No token provided.' }); // expect: require-401-for-credential-failure
  jwt.verify(token, app.get('secret'), function (err, decoded) {
    if (err) return res.json(401, { success: false, message: 'Failed to authenticate token.' }); // expect: require-www-authenticate
    req.decoded = decoded;
    next();
  });
}

function requireAdmin(req, res, next) {
  if (!req.decoded.admin) return res.send(401); // expect: require-403-for-permission-denial
  next();
}

app.get('/api/users', requireToken, requireAdmin, function (req, res) {
  res.json(200, []);
});

app.post('/api/users', requireToken, function (req, res) {
  if (!req.body.name) return res.send(400, 'Name required');
  if (!req.decoded.permissions.includes('users:write')) return res.json(403, { message: 'Not allowed' });
  res.send(201);
});

app.get('/api/session', function (req, res) {
  if (!req.session.user) {
    res.set('WWW-Authenticate', 'Bearer realm="api"');
    return res.send(401, 'Not logged in');
  }
  res.json(req.session.user);
});

app.get('/api/count', function (req, res) {
  res.json(401);
});

module.exports = app;
