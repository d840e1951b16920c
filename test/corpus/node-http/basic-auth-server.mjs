import { createServer } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

const USER = process.env.BASIC_USER ?? 'admin';
const PASS = process.env.BASIC_PASS ?? 'secret';

function safeEqual(a, b) {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function parseBasic(header) {
  if (!header || !header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return null;
  return { user: decoded.slice(0, separator), pass: decoded.slice(separator + 1) };
}

// Correct: status and challenge together
createServer((req, res) => {
  const credentials = parseBasic(req.headers.authorization);
  if (!credentials || !safeEqual(credentials.user, USER) || !safeEqual(credentials.pass, PASS)) {
    res.statusCode = 401;
    res.setHeader('WWW-Authenticate', 'Basic realm="files", charset="UTF-8"');
    res.end('Access denied');
    return;
  }
  res.end(`Hello ${credentials.user}`);
}).listen(3001);

// Wrong: missing credentials answered without a challenge, wrong ones with 403
createServer((req, res) => {
  const credentials = parseBasic(req.headers.authorization);
  if (!credentials) {
    res.statusCode = 401; // expect: require-www-authenticate
    res.end('Authentication required');
    return;
  }
  if (!safeEqual(credentials.user, USER) || !safeEqual(credentials.pass, PASS)) {
    res.statusCode = 403; // expect: require-401-for-credential-failure
    res.end('Invalid credentials');
    return;
  }
  if (req.url.startsWith('/private') && credentials.user !== 'root') {
    res.statusCode = 403;
    res.end('Only root may browse /private');
    return;
  }
  res.end('ok');
}).listen(3002);

// Correct: the challenge goes in writeHead's headers
createServer((req, res) => {
  if (!parseBasic(req.headers.authorization)) {
    res.writeHead(401, { 'www-authenticate': 'Basic realm="admin"' });
    res.end();
    return;
  }
  res.end('admin');
}).listen(3003);
