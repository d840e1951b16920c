import { NextResponse } from 'next/server';
import { headers } from 'next/headers';
import { verifyToken } from '@/lib/jwt';

export const dynamic = 'force-dynamic';

export async function GET() {
  const authorization = (await headers()).get('authorization');
  if (!authorization) {
    return Response.json({ error: 'Missing bearer token' }, { status: 400 }); // expect: require-401-for-credential-failure
  }
  const claims = await verifyToken(authorization.replace('Bearer ', ''));
  if (!claims) {
    return Response.json({ error: 'Token invalid or expired' }, { status: 403 }); // expect: require-401-for-credential-failure
  }
  if (!claims.roles.includes('admin')) {
    return Response.json({ error: 'Admin access required' }, { status: 401 }); // expect: require-403-for-permission-denial
  }
  if (claims.suspended) {
    return Response.json({ error: 'Account suspended' }, { status: 403 });
  }
  return Response.json({ stats: {} });
}
