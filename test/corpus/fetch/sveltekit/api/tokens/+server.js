import { json, error } from '@sveltejs/kit';
import { verifyPersonalAccessToken } from '$lib/server/pat';

/** @type {import('./$types').RequestHandler} */
export async function GET({ request }) {
  const authorization = request.headers.get('authorization');
  if (!authorization?.startsWith('token ')) {
    error(400, 'Authorization header must be "token <PAT>"'); // expect: require-401-for-credential-failure
  }
  const pat = await verifyPersonalAccessToken(authorization.slice(6));
  if (!pat) {
    return json(
      { message: 'Bad credentials' },
      { status: 401, headers: { 'www-authenticate': 'token realm="pat"' } },
    );
  }
  if (pat.expired) {
    return json({ message: 'Token expired' }, { status: 403 }); // expect: require-401-for-credential-failure
  }
  if (!pat.scopes.includes('repo')) {
    return json({ message: 'Resource not accessible by personal access token' }, { status: 403 });
  }
  return json({ scopes: pat.scopes });
}
