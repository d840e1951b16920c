import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseChallenges, type Challenge } from './challenge-parser';

const REQUEST_TIMEOUT_MS = 5000;
/** Inside the repository (git-ignored), so the app's `import 'koa'` resolves to the installed framework. */
const APPS_ROOT = path.resolve(__dirname, '../../.cache/framework-apps');

/** A fresh directory for an app's files, where the installed frameworks resolve; the caller removes it. */
export function appDirectory(prefix = 'app-'): string {
  mkdirSync(APPS_ROOT, { recursive: true });
  return mkdtempSync(path.join(APPS_ROOT, prefix));
}

/** Writes an app's source to a fresh module file and imports it. */
export async function loadModule<T = Record<string, unknown>>(source: string): Promise<T> {
  const directory = appDirectory();
  const file = path.join(directory, 'app.mjs');
  writeFileSync(file, source);
  try {
    return (await import(pathToFileURL(file).href)) as T;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Starts a node:http request listener on 127.0.0.1, on a free port. */
export async function listen(listener: http.RequestListener): Promise<Running> {
  const server = http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves a Fetch-API handler (Hono's `app.fetch`) from node:http, as @hono/node-server does. */
export function fetchListener(handle: (request: Request) => Response | Promise<Response>): http.RequestListener {
  return (incoming, outgoing) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    }
    const request = new Request(`http://127.0.0.1${incoming.url ?? '/'}`, { method: incoming.method, headers });
    Promise.resolve(handle(request))
      .then(async (response) => {
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        outgoing.writeHead(500);
        outgoing.end(String(error));
      });
  };
}

export async function get(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

/** The response is a 401 whose `WWW-Authenticate` parses as RFC 9110 challenges; returns them. */
export function assertChallenged(response: Response): Challenge[] {
  assert.equal(response.status, 401);
  const header = response.headers.get('www-authenticate');
  assert.ok(header, 'the 401 has no WWW-Authenticate header');
  const challenges = parseChallenges(header);
  assert.ok(challenges.length > 0);
  return challenges;
}

/** Runs `check` against a started app and always stops it. */
export async function withServer(start: () => Promise<Running>, check: (url: string) => Promise<void>): Promise<void> {
  const running = await start();
  try {
    await check(running.url);
  } finally {
    await running.close();
  }
}
