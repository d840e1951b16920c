import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import jwt, { TokenExpiredError } from 'jsonwebtoken';

interface Claims {
  sub: string;
  roles: string[];
}

const UNAUTHORIZED = 401;
const FORBIDDEN = 403;

export class AuthServer {
  private readonly server = http.createServer((req, res) => this.handle(req, res));

  constructor(private readonly secret: string) {}

  listen(port: number): void {
    this.server.listen(port);
  }

  private challenge(res: ServerResponse, error?: 'invalid_token'): void {
    res.setHeader('WWW-Authenticate', error ? `Bearer realm="reports", error="${error}"` : 'Bearer realm="reports"');
  }

  private verify(req: IncomingMessage, res: ServerResponse): Claims | undefined {
    const token = req.headers.authorization?.replace(/^Bearer\s+/i, '');
    if (!token) {
      this.challenge(res);
      res.writeHead(UNAUTHORIZED).end(STATUS_CODES[UNAUTHORIZED]);
      return undefined;
    }
    try {
      return jwt.verify(token, this.secret) as Claims;
    } catch (error) {
      if (error instanceof TokenExpiredError) {
        res.writeHead(FORBIDDEN, { 'Content-Type': 'text/plain' }).end('token expired'); // expect: require-401-for-credential-failure
        return undefined;
      }
      res.writeHead(UNAUTHORIZED).end('invalid token'); // expect: require-www-authenticate
      return undefined;
    }
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const claims = this.verify(req, res);
    if (!claims) return;
    if (req.url?.startsWith('/reports/finance') && !claims.roles.includes('finance')) {
      res.writeHead(FORBIDDEN).end('finance role required');
      return;
    }
    if (req.url?.startsWith('/reports/hr') && !claims.roles.includes('hr')) {
      res.writeHead(UNAUTHORIZED).end('hr role required'); // expect: require-403-for-permission-denial
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true }));
  }
}
