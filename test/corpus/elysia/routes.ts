import { Elysia, t } from 'elysia';
import { authPlugin } from './auth-plugin';

const posts = new Map<string, { id: string; authorId: string; body: string }>();

export const postRoutes = new Elysia({ prefix: '/posts' })
  .use(authPlugin)
  .get('/:id', ({ params, status }) => {
    const post = posts.get(params.id);
    if (!post) return status(404, 'Not found');
    return post;
  })
  .patch(
    '/:id',
    ({ params, body, userId, status }) => {
      const post = posts.get(params.id);
      if (!post) return status(404, 'Not found');
      if (post.authorId !== userId) {
        return status(401, 'You can only edit your own posts'); // expect: require-403-for-permission-denial
      }
      post.body = body.body;
      return post;
    },
    { body: t.Object({ body: t.String() }) },
  )
  .delete('/:id', ({ params, roles, set }) => {
    if (!roles.includes('moderator')) {
      set.status = 'Forbidden';
      return { error: 'Moderators only' };
    }
    posts.delete(params.id);
    set.status = 204;
  });

export const accountRoutes = new Elysia({ prefix: '/account' })
  .get('/me', ({ cookie: { session }, set }) => {
    if (!session.value) {
      set.status = 'Unauthorized'; // expect: require-www-authenticate
      return { error: 'Not logged in' };
    }
    return { session: session.value };
  })
  .post('/login', async ({ body, set, status }) => {
    const user = await findUserByEmail(body.email);
    if (!user || !(await Bun.password.verify(body.password, user.passwordHash))) {
      set.headers['www-authenticate'] = 'Basic realm="account", charset="UTF-8"';
      return status(401, { error: 'Invalid email or password' });
    }
    return { id: user.id };
  })
  .post('/password-reset/:token', async ({ params, status }) => {
    const reset = await findResetToken(params.token);
    if (!reset) return status(400, 'Reset link expired');
    return 'ok';
  })
  .post('/signup', ({ body, error }) => {
    if (!body.email.includes('@')) return error(400, 'A valid email is required');
    if (body.email.endsWith('@banned.example')) return error(403, 'This account is suspended');
    return 'created';
  });

declare function findUserByEmail(email: string): Promise<{ id: string; passwordHash: string } | null>;
declare function findResetToken(token: string): Promise<{ userId: string } | null>;
declare const Bun: { password: { verify(password: string, hash: string): Promise<boolean> } };
