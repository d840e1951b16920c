import type { NextRequest } from 'next/server';
import { sendDigests } from '@/lib/digests';

// Called by the scheduler with the shared secret as a bearer token.
export async function GET(request: NextRequest) {
  const expected = `Bearer ${process.env.SCHEDULER_SECRET}`;
  if (request.headers.get('authorization') !== expected) {
    return new Response('scheduler secret missing or wrong', { status: 401 }); // expect: require-www-authenticate
  }
  const sent = await sendDigests(new Date());
  return Response.json({ sent });
}

// Manual re-runs from the ops console, which authenticates with an API key.
export async function POST(request: NextRequest) {
  if (!request.headers.get('x-api-key')) {
    return Response.json({ ok: false, error: 'API key required' }, { status: 403 }); // expect: require-401-for-credential-failure
  }
  const options = await request.json().catch(() => null);
  if (options === null || typeof options.date !== 'string') {
    return Response.json({ ok: false, error: 'Body must be JSON with a date' }, { status: 400 });
  }
  return Response.json({ ok: true, sent: await sendDigests(new Date(options.date)) });
}
