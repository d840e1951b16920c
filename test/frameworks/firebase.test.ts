import type { RequestListener } from 'node:http';
import { listen, loadModule } from './serve';
import { itFixesCode, observeServer } from './verify-code-fix';

/**
 * firebase-functions verifies a caller's ID token with the Admin SDK, which needs a Firebase project. Its own test
 * switch decodes the token without verifying it instead (`common/debug.ts`, read once when the module loads), so a
 * signed-in caller can be played here with an unsigned token.
 */
function skipTokenVerification(): void {
  process.env.FIREBASE_DEBUG_MODE = 'true';
  process.env.FIREBASE_DEBUG_FEATURES = JSON.stringify({ skipTokenVerification: true });
}

function unsignedIdToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** A v2 callable function whose handler runs `guard` first. */
function app(guard: string): string {
  return `import { onCall, HttpsError } from 'firebase-functions/v2/https';
export const profile = onCall((request) => {
${guard}
  return { uid: request.auth.uid };
});
`;
}

/** Serves the callable as Cloud Functions would (a JSON body already parsed) on 127.0.0.1. */
async function start(source: string) {
  const { profile } = await loadModule<{ profile: (req: unknown, res: unknown) => Promise<void> }>(source);
  const { default: express } = await import('express');
  const server = express();
  server.use(express.json());
  server.post('/', (req, res) => void profile(req, res));
  return listen(server as unknown as RequestListener);
}

/** What the callable client sees: the HTTP status and the error status of the callable protocol's body. */
interface Seen {
  status: number;
  code: string;
}

async function call(url: string, idToken?: string): Promise<Seen> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (idToken) headers.authorization = `Bearer ${idToken}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ data: {} }), signal: AbortSignal.timeout(5000) });
  const body = (await response.json()) as { error?: { status?: string } };
  return { status: response.status, code: body.error?.status ?? 'OK' };
}

/** The callable client's view, with `idToken` and with an administrator's token. */
function observe(idToken?: string) {
  return observeServer(start, (url) => call(url, idToken), (url) => call(url, unsignedIdToken({ sub: 'u1', role: 'admin' })));
}

const PASSING: Seen = { status: 200, code: 'OK' };

describe('Firebase: fixes run on firebase-functions callables', () => {
  before(skipTokenVerification);

  itFixesCode(
    {
      title: "'permission-denied' for a caller who is not signed in becomes 'unauthenticated' (HTTP 401)",
      source: app(`  if (!request.auth) throw new HttpsError('permission-denied', 'You must be signed in');`),
      rule: 'require-401-for-credential-failure',
      before: { status: 403, code: 'PERMISSION_DENIED' },
      after: { status: 401, code: 'UNAUTHENTICATED' },
      uses: /new HttpsError\('unauthenticated', 'You must be signed in'\)/,
    },
    observe(),
    PASSING,
  );

  itFixesCode(
    {
      title: "'unauthenticated' for a role check becomes 'permission-denied' (HTTP 403)",
      source: app(`  const role = request.auth.token.role;
  if (role !== 'admin') throw new HttpsError('unauthenticated', 'Admins only');`),
      rule: 'require-403-for-permission-denial',
      before: { status: 401, code: 'UNAUTHENTICATED' },
      after: { status: 403, code: 'PERMISSION_DENIED' },
      uses: /new HttpsError\('permission-denied', 'Admins only'\)/,
    },
    observe(unsignedIdToken({ sub: 'u2', role: 'member' })),
    PASSING,
  );
});
