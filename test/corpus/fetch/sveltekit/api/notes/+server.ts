import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';

export const GET: RequestHandler = async ({ locals, setHeaders }) => {
  if (!locals.user) {
    setHeaders({ 'www-authenticate': 'Bearer realm="notes"' });
    return json({ message: 'Sign in to read notes' }, { status: 401 });
  }
  return json(await db.notes.forUser(locals.user.id));
};

export const POST: RequestHandler = async ({ locals, request }) => {
  if (!locals.user) {
    error(401, 'Sign in to create notes'); // expect: require-www-authenticate
  }
  const body = await request.json();
  if (typeof body.text !== 'string' || body.text.length === 0) {
    error(400, 'text is required');
  }
  return json(await db.notes.create(locals.user.id, body.text), { status: 201 });
};

export const DELETE: RequestHandler = async ({ locals, url }) => {
  if (!locals.session) {
    return json({ message: 'Session expired' }, { status: 419 }); // expect: require-401-for-credential-failure
  }
  const note = await db.notes.find(url.searchParams.get('id') ?? '');
  if (!note) error(404, 'Note not found');
  if (note.ownerId !== locals.user?.id) {
    return json({ message: 'Not your note' }, { status: 401 }); // expect: require-403-for-permission-denial
  }
  await db.notes.remove(note.id);
  return new Response(null, { status: 204 });
};
