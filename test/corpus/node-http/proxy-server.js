const http = require('http');
const net = require('net');
const { URL } = require('url');

function proxyCredentialsValid(header) {
  if (!header || !header.startsWith('Basic ')) return false;
  const [user, pass] = Buffer.from(header.slice(6), 'base64').toString().split(':');
  return user === process.env.PROXY_USER && pass === process.env.PROXY_PASS;
}

const proxy = http.createServer((req, res) => {
  if (!proxyCredentialsValid(req.headers['proxy-authorization'])) {
    res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' });
    return res.end('Proxy authentication required');
  }
  const target = new URL(req.url);
  if (target.hostname.endsWith('.internal')) {
    res.writeHead(403);
    return res.end('Destination not allowed by proxy policy');
  }
  const upstream = http.request(target, { method: req.method, headers: req.headers }, (upRes) => {
    res.writeHead(upRes.statusCode, upRes.headers);
    upRes.pipe(res);
  });
  req.pipe(upstream);
});

proxy.on('connect', (req, clientSocket) => {
  if (!proxyCredentialsValid(req.headers['proxy-authorization'])) {
    clientSocket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n');
    return;
  }
  const { port, hostname } = new URL(`http://${req.url}`);
  const serverSocket = net.connect(port || 443, hostname, () => {
    clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    serverSocket.pipe(clientSocket);
    clientSocket.pipe(serverSocket);
  });
});

const legacyProxy = http.createServer((req, res) => {
  if (!req.headers['proxy-authorization']) {
    res.writeHead(407); // expect: require-www-authenticate
    return res.end('Proxy authentication required');
  }
  if (!proxyCredentialsValid(req.headers['proxy-authorization'])) {
    res.statusCode = 407; // expect: require-www-authenticate
    return res.end('Bad proxy credentials');
  }
  res.writeHead(502);
  res.end();
});

proxy.listen(3128);
legacyProxy.listen(3129);
