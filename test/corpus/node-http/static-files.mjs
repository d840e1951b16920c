import { createServer } from 'node:http';
import { createReadStream, existsSync } from 'node:fs';
import { join, normalize } from 'node:path';

const ROOT = new URL('./public', import.meta.url).pathname;
const PRIVATE_PREFIX = '/private/';

function signedUrlValid(url) {
  const expires = Number(url.searchParams.get('expires'));
  const signature = url.searchParams.get('sig');
  return Boolean(signature) && expires > Date.now() / 1000;
}

createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const filePath = normalize(join(ROOT, url.pathname));
  if (!filePath.startsWith(ROOT)) {
    res.writeHead(400);
    return res.end('bad path');
  }
  if (url.pathname.startsWith(PRIVATE_PREFIX) && !signedUrlValid(url)) {
    res.writeHead(403, { 'Content-Type': 'text/plain' });
    return res.end('This download link has expired');
  }
  if (!existsSync(filePath)) {
    res.writeHead(404);
    return res.end('not found');
  }
  if (req.headers.range && !/^bytes=\d*-\d*$/.test(req.headers.range)) {
    res.writeHead(416);
    return res.end();
  }
  createReadStream(filePath).pipe(res);
}).listen(8081);
