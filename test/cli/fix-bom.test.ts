import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CODE, makeFolder, runCli } from './helpers';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const withBom = (text: string) => Buffer.concat([BOM, Buffer.from(text, 'utf8')]);

/**
 * Audit F1: with a BOM, every status-changing suggestion used to land one character early (`4013`,
 * `ForbiddenExceptio`, `re.set(…)`). Each shape: the file before, and exactly what `--fix --fix-status` must write.
 */
const SHAPES: Record<string, { before: string; after: string }> = {
  'express.js': {
    before: `app.get("/x", (req, res) => {
  if (!req.headers.authorization) return res.status(403).json({ error: "missing token" });
});
`,
    after: `app.get("/x", (req, res) => {
  if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: "missing token" });
});
`,
  },
  'express-send-status.js': {
    before: `app.get("/x", (req, res) => {
  if (!req.headers.authorization) return res.sendStatus(403);
});
`,
    after: `app.get("/x", (req, res) => {
  if (!req.headers.authorization) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);
});
`,
  },
  'koa.js': {
    before: `router.get("/x", async (ctx) => {
  if (!ctx.get("Authorization")) {
    ctx.status = 403;
    ctx.body = { error: "No token provided" };
    return;
  }
});
`,
    after: `router.get("/x", async (ctx) => {
  if (!ctx.get("Authorization")) {
    ctx.set('WWW-Authenticate', 'Bearer realm="api"');
    ctx.status = 401;
    ctx.body = { error: "No token provided" };
    return;
  }
});
`,
  },
  'http.js': {
    before: `const http = require("node:http");
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    res.statusCode = 403;
    res.end("No token provided");
    return;
  }
  res.end("ok");
});
`,
    after: `const http = require("node:http");
http.createServer((req, res) => {
  if (!req.headers.authorization) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
    res.statusCode = 401;
    res.end("No token provided");
    return;
  }
  res.end("ok");
});
`,
  },
  'axios.js': {
    before: `api.interceptors.response.use((r) => r, async (error) => {
  if (error.response.status === 403) {
    await refreshToken();
    return api(error.config);
  }
  return Promise.reject(error);
});
`,
    after: `api.interceptors.response.use((r) => r, async (error) => {
  if (error.response.status === 401) {
    await refreshToken();
    return api(error.config);
  }
  return Promise.reject(error);
});
`,
  },
  'fetch.ts': {
    before: `export async function GET(request: Request): Promise<Response> {
  if (!request.headers.get("authorization")) return new Response("No token provided", { status: 403 });
  return new Response("ok");
}
`,
    after: `export async function GET(request: Request): Promise<Response> {
  if (!request.headers.get("authorization")) return new Response("No token provided", { headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, status: 401 });
  return new Response("ok");
}
`,
  },
  'nest.ts': {
    before: `import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';

@Injectable()
export class TokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    if (!request.headers.authorization) {
      throw new ForbiddenException('No token provided');
    }
    return true;
  }
}
`,
    after: `import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';

@Injectable()
export class TokenGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    if (!request.headers.authorization) {
      context.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api"');
      throw new UnauthorizedException('No token provided');
    }
    return true;
  }
}
`,
  },
  'fastify.js': {
    before: `fastify.get("/x", async (request, reply) => {
  if (!request.headers.authorization) return reply.code(403).send({ error: "No token provided" });
  return { ok: true };
});
`,
    after: `fastify.get("/x", async (request, reply) => {
  if (!request.headers.authorization) return reply.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send({ error: "No token provided" });
  return { ok: true };
});
`,
  },
  'create-error.js': {
    before: `const createError = require("http-errors");
app.use((req, res, next) => {
  if (!req.headers.authorization) return next(createError(403, "No token provided"));
  next();
});
`,
    after: `const createError = require("http-errors");
app.use((req, res, next) => {
  if (!req.headers.authorization) return next(createError(401, "No token provided", { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }));
  next();
});
`,
  },
  'ctx-throw.js': {
    before: `router.get("/x", async (ctx) => {
  if (!ctx.get("Authorization")) ctx.throw(403, "No token provided");
  ctx.body = "ok";
});
`,
    after: `router.get("/x", async (ctx) => {
  if (!ctx.get("Authorization")) ctx.throw(401, "No token provided", { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
  ctx.body = "ok";
});
`,
  },
  'hono.js': {
    before: `app.get("/x", (c) => {
  if (!c.req.header("Authorization")) return c.json({ error: "No token provided" }, 403);
  return c.text("ok");
});
`,
    after: `app.get("/x", (c) => {
  if (!c.req.header("Authorization")) return c.json({ error: "No token provided" }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });
  return c.text("ok");
});
`,
  },
  'boom.js': {
    before: `const Boom = require("@hapi/boom");
server.route({ method: "GET", path: "/x", handler: (request, h) => {
  if (!request.headers.authorization) throw Boom.forbidden("No token provided");
  return "ok";
} });
`,
    after: `const Boom = require("@hapi/boom");
server.route({ method: "GET", path: "/x", handler: (request, h) => {
  if (!request.headers.authorization) throw Boom.unauthorized("No token provided", ['Bearer realm="api"']);
  return "ok";
} });
`,
  },
  'permission.js': {
    before: `app.delete("/posts/:id", (req, res) => {
  if (req.user.role !== "admin") return res.status(401).json({ error: "Admins only" });
  res.sendStatus(204);
});
`,
    after: `app.delete("/posts/:id", (req, res) => {
  if (req.user.role !== "admin") return res.status(403).json({ error: "Admins only" });
  res.sendStatus(204);
});
`,
  },
};

describe('auth-status-lint --fix on files with a BOM', () => {
  it('--fix --fix-status writes every shape exactly as without a BOM, and keeps the BOM', () => {
    const folder = makeFolder(Object.fromEntries(Object.entries(SHAPES).map(([name, { before }]) => [name, withBom(before)])));
    const run = runCli(['--fix', '--fix-status', '--no-project-config', '.'], folder);
    // The only note is the summary of what was fixed.
    assert.match(run.stderr, /^auth-status-lint: fixed \d+ problems? in \d+ files? \(auth-status\/[^)]+\)\.\n$/);
    assert.equal(run.code, 0, run.stdout);
    for (const [name, { after }] of Object.entries(SHAPES)) {
      assert.deepEqual(fs.readFileSync(path.join(folder, name)).toString('latin1'), withBom(after).toString('latin1'), name);
    }
  });

  it('the same shapes without a BOM give the same text (the table is what the fixes do, not what the BOM does)', () => {
    const folder = makeFolder(Object.fromEntries(Object.entries(SHAPES).map(([name, { before }]) => [name, before])));
    const run = runCli(['--fix', '--fix-status', '--no-project-config', '.'], folder);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    for (const [name, { after }] of Object.entries(SHAPES)) assert.equal(fs.readFileSync(path.join(folder, name), 'utf8'), after, name);
  });

  it('--fix alone adds the challenge at the right place and keeps the BOM', () => {
    const folder = makeFolder({ 'token.js': withBom(CODE.missingChallenge) });
    const run = runCli(['--fix', '--no-project-config', 'token.js'], folder);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const expected = CODE.missingChallenge.replace(
      'res.status(401).json',
      `res.status(401).set('WWW-Authenticate', 'Bearer realm="api", error="invalid_token"').json`,
    );
    assert.deepEqual(fs.readFileSync(path.join(folder, 'token.js')), withBom(expected));
  });

  it('reports a BOM file it did not fix at the same line and column as without a BOM', () => {
    const folder = makeFolder({ 'a.js': withBom(CODE.wrongStatus), 'b.js': CODE.wrongStatus });
    const run = runCli(['-f', 'json', '--no-project-config', '.'], folder);
    const [a, b] = JSON.parse(run.stdout) as { messages: { line: number; column: number; endColumn: number }[] }[];
    assert.equal(a.messages.length, 1);
    assert.deepEqual(
      a.messages.map(({ line, column, endColumn }) => [line, column, endColumn]),
      b.messages.map(({ line, column, endColumn }) => [line, column, endColumn]),
    );
  });
});
