import { NextResponse, type NextRequest } from 'next/server';
import { jwtVerify, errors } from 'jose';

const secret = new TextEncoder().encode(process.env.JWT_SECRET);

export async function middleware(request: NextRequest) {
  const { pathname } = request.nextUrl;

  if (pathname.startsWith('/api/')) {
    const token = request.headers.get('authorization')?.split(' ')[1];
    if (!token) {
      return new NextResponse(JSON.stringify({ message: 'Authentication required' }), {
        status: 401, // expect: require-www-authenticate
        headers: { 'content-type': 'application/json' },
      });
    }
    try {
      await jwtVerify(token, secret);
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        return NextResponse.json({ message: 'Token expired' }, { status: 440 }); // expect: require-401-for-credential-failure
      }
      return NextResponse.json(
        { message: 'Invalid token' },
        { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } },
      );
    }
    return NextResponse.next();
  }

  const session = request.cookies.get('session')?.value;
  if (!session && pathname.startsWith('/dashboard')) {
    return NextResponse.redirect(new URL('/login', request.url));
  }
  if (pathname.startsWith('/admin') && request.cookies.get('role')?.value !== 'admin') {
    return NextResponse.rewrite(new URL('/403', request.url), { status: 403 });
  }
  return NextResponse.next();
}

export const config = { matcher: ['/api/:path*', '/dashboard/:path*', '/admin/:path*'] };
