const express = require('express');
const auth = require('basic-auth');
const tsscmp = require('tsscmp');

const app = express();

function check(name, pass) {
  let valid = true;
  valid = tsscmp(name, process.env.ADMIN_USER) && valid;
  valid = tsscmp(pass, process.env.ADMIN_PASS) && valid;
  return valid;
}

// Correct: challenge set before the status
app.use('/metrics', (req, res, next) => {
  const credentials = auth(req);
  if (!credentials || !check(credentials.name, credentials.pass)) {
    res.set('WWW-Authenticate', 'Basic realm="metrics", charset="UTF-8"');
    return res.status(401).send('Access denied');
  }
  next();
});

// Correct: challenge chained after the status
app.use('/admin', (req, res, next) => {
  const b64auth = (req.headers.authorization || '').split(' ')[1] || '';
  const [login, password] = Buffer.from(b64auth, 'base64').toString().split(':');
  if (login && password && login === process.env.ADMIN_USER && password === process.env.ADMIN_PASS) {
    return next();
  }
  res
    .status(401)
    .header('WWW-Authenticate', 'Basic realm="admin"')
    .send('Authentication required.');
});

// Wrong: no challenge, the browser never shows the login prompt
app.use('/reports', (req, res, next) => {
  const credentials = auth(req);
  if (!credentials) {
    return res.status(401).end('Authentication required'); // expect: require-www-authenticate
  }
  if (!check(credentials.name, credentials.pass)) {
    return res.status(403).end('Wrong username or password'); // expect: require-401-for-credential-failure
  }
  next();
});

app.use('/backups', (req, res, next) => {
  const header = req.get('authorization');
  if (!header || !header.toLowerCase().startsWith('basic ')) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="backups"' });
    return res.end();
  }
  const [user, pass] = Buffer.from(header.slice(6), 'base64').toString().split(':');
  if (!check(user, pass)) {
    res.statusCode = 401; // expect: require-www-authenticate
    return res.end('Bad credentials');
  }
  next();
});

module.exports = app;
