// Internal tools behind HTTP Basic, one realm per area. Credentials come from the environment.
const express = require('express');
const parseBasic = require('basic-auth');
const { timingSafeEqual } = require('node:crypto');

const tools = express();

function sameSecret(given, expected) {
  const a = Buffer.from(String(given));
  const b = Buffer.from(String(expected));
  return a.length === b.length && timingSafeEqual(a, b);
}

function operatorMatches(user) {
  return sameSecret(user.name, process.env.OPS_USER) && sameSecret(user.pass, process.env.OPS_PASSWORD);
}

// Right: the challenge header goes out before the 401.
tools.use('/queues', (req, res, next) => {
  const user = parseBasic(req);
  if (user && operatorMatches(user)) return next();
  res.setHeader('WWW-Authenticate', 'Basic realm="queues", charset="UTF-8"');
  res.status(401).json({ error: 'operator credentials required' });
});

// Right: status and challenge in one chain, spread over several lines.
tools.use('/feature-flags', (req, res, next) => {
  const encoded = (req.get('authorization') || '').replace(/^Basic\s+/i, '');
  const separator = Buffer.from(encoded, 'base64').toString('utf8').indexOf(':');
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  if (separator > 0 && operatorMatches({ name: decoded.slice(0, separator), pass: decoded.slice(separator + 1) })) {
    return next();
  }
  return res
    .status(401)
    .set('WWW-Authenticate', 'Basic realm="feature-flags"')
    .json({ error: 'operator credentials required' });
});

// Wrong twice: a bare 401, then 403 for credentials that do not match.
tools.use('/exports', (req, res, next) => {
  const credentials = parseBasic(req);
  if (!credentials) {
    return res.status(401).json({ error: 'credentials required' }); // expect: require-www-authenticate
  }
  if (!operatorMatches(credentials)) {
    return res.status(403).json({ error: 'invalid username or password' }); // expect: require-401-for-credential-failure
  }
  return next();
});

// Right first, then a 401 by assignment that forgets the challenge.
tools.use('/snapshots', (req, res, next) => {
  const authorization = req.headers.authorization;
  if (!authorization || !/^basic /i.test(authorization)) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="snapshots"', 'Content-Type': 'text/plain' });
    return res.end('credentials required');
  }
  const user = parseBasic.parse(authorization);
  if (!user || !operatorMatches(user)) {
    res.statusCode = 401; // expect: require-www-authenticate
    return res.end('credentials rejected');
  }
  return next();
});

tools.get('/queues', (req, res) => res.json({ depth: 0 }));

module.exports = tools;
