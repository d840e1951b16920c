import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getSession } from '~/sessions.server';
import { getNote, deleteNote } from '~/models/note.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request.headers.get('Cookie'));
  const userId = session.get('userId');
  if (!userId) {
    throw json({ message: 'Not logged in' }, { status: 403 }); // expect: require-401-for-credential-failure
  }
  const note = await getNote({ id: params.id!, userId });
  if (!note) {
    throw new Response('Not Found', { status: 404 });
  }
  return json({ note });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const session = await getSession(request.headers.get('Cookie'));
  const userId = session.get('userId');
  if (!userId) {
    throw new Response('Unauthorized', { status: 401 }); // expect: require-www-authenticate
  }
  const note = await getNote({ id: params.id!, userId });
  if (note?.userId !== userId) {
    throw new Response('You cannot delete this note', { status: 403 });
  }
  await deleteNote({ id: params.id!, userId });
  return redirect('/notes');
}

export default function NoteDetailsPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div>
      <h3 className="text-2xl font-bold">{data.note.title}</h3>
      <p className="py-6">{data.note.body}</p>
    </div>
  );
}
