import { NextResponse, type NextRequest } from 'next/server';
import { auth } from '@/auth';
import { prisma } from '@/lib/prisma';

export async function GET() {
  const session = await auth();
  if (!session?.user) {
    return NextResponse.json({ error: 'Not authenticated' }, { status: 403 }); // expect: require-401-for-credential-failure
  }
  const posts = await prisma.post.findMany({ where: { authorId: session.user.id } });
  return NextResponse.json(posts);
}

export async function POST(request: NextRequest) {
  const session = await auth();
  if (!session) {
    return NextResponse.json({ message: 'You must be logged in.' }, { status: 401 }); // expect: require-www-authenticate
  }
  const body = await request.json().catch(() => null);
  if (!body?.title) {
    return NextResponse.json({ message: 'Title is required' }, { status: 400 });
  }
  const post = await prisma.post.create({ data: { title: body.title, authorId: session.user.id } });
  return NextResponse.json(post, { status: 201 });
}

export async function DELETE(request: NextRequest) {
  const session = await auth();
  if (!session) {
    return new NextResponse('Unauthorized', {
      status: 401,
      headers: { 'WWW-Authenticate': 'Bearer realm="posts"' },
    });
  }
  const id = request.nextUrl.searchParams.get('id');
  const post = id ? await prisma.post.findUnique({ where: { id } }) : null;
  if (!post) return NextResponse.json({ message: 'Not found' }, { status: 404 });
  if (post.authorId !== session.user.id) {
    return NextResponse.json({ message: 'You can only delete your own posts' }, { status: 403 });
  }
  await prisma.post.delete({ where: { id: post.id } });
  return new NextResponse(null, { status: 204 });
}
