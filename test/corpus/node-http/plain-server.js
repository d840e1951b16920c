'use strict';

const http = require('http');
const url = require('url');
const jwt = require('jsonwebtoken');

const SECRET = process.env.JWT_SECRET;
const users = new Map([['1', { id: '1', name: 'ada', role: 'admin' }], ['2', { id: '2', name: 'bob', role: 'user' }]]);

function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function authenticate(req) {
  const header = req.headers['authorization'];
  if (!header) return { error: 'missing' };
  const [scheme, token] = header.split(' ');
  if (scheme !== 'Bearer') return { error: 'scheme' };
  try {
    return { claims: jwt.verify(token, SECRET) };
  } catch (err) {
    return { error: err.name === 'TokenExpiredError' ? 'expired' : 'invalid' };
  }
}

const server = http.createServer((req, res) => {
  const { pathname } = url.parse(req.url);

  if (pathname === '/health') {
    res.writeHead(200);
    return res.end('ok');
  }

  const auth = authenticate(req);
  if (auth.error === 'missing') {
    res.writeHead(403, { 'Content-Type': 'text/plain' }); // expect: require-401-for-credential-failure
    return res.end('No authorization header');
  }
  if (auth.error === 'expired') {
    res.writeHead(401, { 'Content-Type': 'application/json' }); // expect: require-www-authenticate
    return res.end(JSON.stringify({ error: 'token expired' }));
  }
  if (auth.error) {
    res.writeHead(401, {
      'Content-Type': 'application/json',
      'WWW-Authenticate': 'Bearer realm="users", error="invalid_token"',
    });
    return res.end(JSON.stringify({ error: 'invalid token' }));
  }

  if (pathname.startsWith('/users/')) {
    const user = users.get(pathname.slice('/users/'.length));
    if (!user) {
      res.statusCode = 404;
      return res.end('not found');
    }
    if (auth.claims.sub !== user.id && auth.claims.role !== 'admin') {
      res.statusCode = 403;
      return res.end('You may only read your own profile');
    }
    return sendJson(res, 200, user);
  }

  if (pathname === '/admin/stats') {
    if (auth.claims.role !== 'admin') {
      res.statusCode = 401; // expect: require-403-for-permission-denial
      return res.end('admin role required');
    }
    return sendJson(res, 200, { users: users.size });
  }

  if (req.method !== 'GET') {
    res.writeHead(405, { Allow: 'GET' });
    return res.end();
  }

  res.writeHead(404);
  res.end();
});

server.listen(8080);
