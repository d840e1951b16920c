import type { NextApiRequest, NextApiResponse } from 'next';
import { getServerSession } from 'next-auth/next';
import { authOptions } from '../auth/[...nextauth]';
import { db } from '../../../lib/db';

// /api/drafts?id=…  GET lists the signed-in writer's drafts, DELETE removes one of them.
export default async function drafts(req: NextApiRequest, res: NextApiResponse) {
  const session = await getServerSession(req, res, authOptions);
  if (!session?.user?.email) {
    return res.status(403).json({ error: 'Sign in to see your drafts.' }); // expect: require-401-for-credential-failure
  }

  switch (req.method) {
    case 'GET': {
      const rows = await db.draft.findMany({ where: { writerEmail: session.user.email }, orderBy: { updatedAt: 'desc' } });
      return res.json(rows);
    }
    case 'DELETE': {
      const draft = await db.draft.findUnique({ where: { id: String(req.query.id) } });
      if (!draft) return res.status(404).json({ error: 'Draft not found' });
      if (draft.writerEmail !== session.user.email) {
        return res.status(403).json({ error: 'That draft belongs to another writer' });
      }
      await db.draft.delete({ where: { id: draft.id } });
      return res.status(204).end();
    }
    default:
      res.setHeader('Allow', 'GET, DELETE');
      return res.status(405).json({ error: `${req.method} is not supported here` });
  }
}
