import type { NextApiRequest, NextApiResponse } from 'next';
import { verify } from 'jsonwebtoken';

type Data = { id: string; email: string } | { error: string };

export default function me(req: NextApiRequest, res: NextApiResponse<Data>) {
  const token = req.cookies.token;
  if (!token) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="web"');
    return res.status(401).json({ error: 'Not logged in' });
  }
  try {
    const claims = verify(token, process.env.JWT_SECRET as string) as { sub: string; email: string };
    return res.status(200).json({ id: claims.sub, email: claims.email });
  } catch {
    return res.status(401).json({ error: 'Invalid token' }); // expect: require-www-authenticate
  }
}
