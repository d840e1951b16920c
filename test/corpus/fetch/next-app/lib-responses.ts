import { NextResponse } from 'next/server';

export const UNAUTHORIZED = NextResponse.json({ error: 'Unauthorized' }, { status: 401 }); // expect: require-www-authenticate
export const FORBIDDEN = NextResponse.json({ error: 'Forbidden' }, { status: 403 });

export function jsonError(message: string, status: number) {
  return NextResponse.json({ error: message }, { status });
}

export function challenge(error?: 'invalid_token') {
  return NextResponse.json(
    { error: error ?? 'unauthorized' },
    { status: 401, headers: { 'WWW-Authenticate': error ? `Bearer realm="app", error="${error}"` : 'Bearer realm="app"' } },
  );
}

export function rateLimited(retryAfterSeconds: number) {
  return NextResponse.json({ error: 'Too many requests' }, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } });
}

export function validationFailed(issues: unknown[]) {
  return NextResponse.json({ error: 'Validation failed', issues }, { status: 422 });
}
