import type { NextRequest } from 'next/server';

export function GET(request: NextRequest) {
  const authHeader = request.headers.get('authorization');
  if (authHeader !== `Bearer ${process.env.CRON_SECRET}`) {
    return new Response('Unauthorized', { status: 401 }); // expect: require-www-authenticate
  }
  return Response.json({ success: true });
}

export async function POST(request: NextRequest) {
  const apiKey = request.headers.get('x-api-key');
  if (!apiKey) {
    return Response.json({ success: false, message: 'API key missing' }, { status: 403 }); // expect: require-401-for-credential-failure
  }
  const payload = await request.json().catch(() => undefined);
  if (!payload) {
    return Response.json({ success: false, message: 'Invalid JSON' }, { status: 400 });
  }
  return Response.json({ success: true });
}
