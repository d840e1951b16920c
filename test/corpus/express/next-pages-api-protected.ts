import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../auth/[...nextauth]';
import prisma from '../../../lib/prisma';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);

  if (!session) {
    res.status(403).json({ message: 'You must be signed in to view the protected content on this page.' }); // expect: require-401-for-credential-failure
    return;
  }

  if (req.method === 'DELETE') {
    const post = await prisma.post.findUnique({ where: { id: String(req.query.id) } });
    if (!post) return res.status(404).json({ message: 'Not found' });
    if (post.authorEmail !== session.user?.email) {
      return res.status(403).json({ message: 'You can only delete your own posts' });
    }
    await prisma.post.delete({ where: { id: post.id } });
    return res.status(204).end();
  }

  if (req.method !== 'GET') {
    res.setHeader('Allow', ['GET', 'DELETE']);
    return res.status(405).end(`Method ${req.method} Not Allowed`);
  }

  res.json({ content: 'This is protected content. You can access this content because you are signed in.' });
}
