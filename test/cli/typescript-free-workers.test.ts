import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { CODE, lintJson, makeFolder, REPO_ROOT } from './helpers';

/** Preloaded into every thread of the CLI: notes each thread that starts and each `require('typescript')`. */
const PROBE = path.join(REPO_ROOT, 'test/cli/probes/typescript-loads.cjs');

/** A refresh interceptor keyed on 403 or 401: its fix drops the 403 alternative, found beside the operator. */
const INTERCEPTOR = `import axios from 'axios';
const api = axios.create({ baseURL: '/api' });
api.interceptors.response.use(
  (response) => response,
  async (error) => {
    const originalRequest = error.config;
    if ((error.response?.status === 403 /* or 401 */ || error.response?.status === 401) && !originalRequest._retry) {
      originalRequest._retry = true;
      const { data } = await axios.post('/auth/refresh', {}, { withCredentials: true });
      originalRequest.headers.Authorization = \`Bearer \${data.accessToken}\`;
      return api(originalRequest);
    }
    return Promise.reject(error);
  },
);
`;

/** A 403 for a missing token in a TSX file whose JSX holds named, decimal and hexadecimal entities. */
const ENTITY_PAGE = `import type { Request, Response } from 'express';
export function guard(req: Request, res: Response) {
  if (!req.headers.authorization) return res.status(403).json({ error: 'No token provided' });
  return null;
}
export const Notice = () => <p title="Tom&apos;s">Sign in &amp; retry &#8212; &#x2713;</p>;
`;

function lintWithProbe(folder: string): { threads: string[]; typescriptLoads: string[]; fixable: number } {
  const log = path.join(folder, 'probe.log');
  const { results } = lintJson(['--no-project-config', '--concurrency', '2', '.'], folder, {
    NODE_OPTIONS: `--require ${PROBE}`,
    AUTH_STATUS_PROBE_LOG: log,
  });
  const lines = fs.readFileSync(log, 'utf8').trim().split('\n');
  const fixable = results.flatMap((result) => result.messages).filter((message) => 'fix' in message || 'suggestions' in message).length;
  return {
    threads: lines.filter((line) => line.startsWith('thread ')),
    typescriptLoads: lines.filter((line) => line.startsWith('typescript ')),
    fixable,
  };
}

describe('lint workers on native-parsed files load no TypeScript', () => {
  it('fixes and suggestions that look beside a node, and TSX with HTML entities, lint in two workers without TypeScript', function () {
    this.timeout(60_000);
    const folder = makeFolder({
      'client/api.ts': INTERCEPTOR,
      'server/verify.ts': CODE.missingChallenge.replace("const jwt = require('jsonwebtoken');", "import jwt from 'jsonwebtoken';"),
      'server/require-auth.js': CODE.wrongStatus,
      'web/notice.tsx': ENTITY_PAGE,
    });
    const { threads, typescriptLoads, fixable } = lintWithProbe(folder);
    assert.ok(threads.filter((line) => line.includes('worker')).length === 2, threads.join('\n'));
    assert.ok(fixable >= 4, `${fixable} messages with a fix or suggestion`);
    assert.deepEqual(typescriptLoads, []);
  });

  it('the probe sees TypeScript load where a worker needs it (a file only typescript-eslint parses)', function () {
    this.timeout(60_000);
    const folder = makeFolder({
      'server/verify.ts': CODE.missingChallenge.replace("const jwt = require('jsonwebtoken');", "import jwt from 'jsonwebtoken';"),
      // oxc rejects this file; ESLint's TypeScript parser decides, loading TypeScript.
      'server/broken.ts': 'export const = (res: Response) => res.status(403);\n',
    });
    const { typescriptLoads } = lintWithProbe(folder);
    assert.ok(typescriptLoads.some((line) => line.includes('worker')), typescriptLoads.join('\n') || 'no TypeScript load seen');
  });
});
