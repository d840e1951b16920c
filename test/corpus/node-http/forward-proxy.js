// Small forward proxy for the CI runners: Basic credentials in Proxy-Authorization, HTTP and CONNECT tunnels.
const http = require('node:http');
const net = require('node:net');

const PROXY_CHALLENGE = 'Basic realm="ci-proxy"';
const BLOCKED_SUFFIXES = ['.corp.internal', '.metadata.google.internal'];

function proxyUser(header) {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/.exec(header || '');
  if (!match) return null;
  const [name, secret] = Buffer.from(match[1], 'base64').toString('utf8').split(':');
  return name === process.env.CI_PROXY_USER && secret === process.env.CI_PROXY_SECRET ? name : null;
}

function blocked(hostname) {
  return BLOCKED_SUFFIXES.some((suffix) => hostname.endsWith(suffix));
}

const proxy = http.createServer((req, res) => {
  if (!proxyUser(req.headers['proxy-authorization'])) {
    res.writeHead(407, { 'Proxy-Authenticate': PROXY_CHALLENGE, 'Content-Type': 'text/plain' });
    return res.end('proxy credentials needed');
  }
  const target = new URL(req.url);
  if (blocked(target.hostname)) {
    res.writeHead(403, { 'Content-Type': 'text/plain' });
    return res.end(`${target.hostname} is not reachable through this proxy`);
  }
  const forwarded = http.request(target, { method: req.method, headers: { ...req.headers, 'proxy-authorization': undefined } }, (upstream) => {
    res.writeHead(upstream.statusCode || 502, upstream.headers);
    upstream.pipe(res);
  });
  forwarded.on('error', () => {
    res.writeHead(502);
    res.end();
  });
  req.pipe(forwarded);
});

// HTTPS goes through CONNECT: answer on the raw socket, then splice the two sockets together.
proxy.on('connect', (req, socket) => {
  if (!proxyUser(req.headers['proxy-authorization'])) {
    socket.end(`HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: ${PROXY_CHALLENGE}\r\n\r\n`);
    return;
  }
  const [host, port] = req.url.split(':');
  if (blocked(host)) {
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    return;
  }
  const tunnel = net.createConnection({ host, port: Number(port) || 443 });
  tunnel.once('connect', () => {
    socket.write('HTTP/1.1 200 Tunnel open\r\n\r\n');
    tunnel.pipe(socket).pipe(tunnel);
  });
  tunnel.on('error', () => socket.destroy());
});

// The old proxy, kept for the legacy runners, never sends the Proxy-Authenticate challenge.
const oldProxy = http.createServer((req, res) => {
  const header = req.headers['proxy-authorization'];
  if (header === undefined) {
    res.writeHead(407, { 'Content-Type': 'text/plain' }); // expect: require-www-authenticate
    return res.end('proxy credentials needed');
  }
  if (!proxyUser(header)) {
    res.statusCode = 407; // expect: require-www-authenticate
    return res.end('proxy credentials rejected');
  }
  res.writeHead(502);
  res.end();
});

proxy.listen(3128);
oldProxy.listen(3129);
