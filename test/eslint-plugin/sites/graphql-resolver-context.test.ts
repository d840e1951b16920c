import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';

const credential = plugin.rules['require-401-for-credential-failure'];

/** An Apollo Server 3 resolver map whose `me` resolver destructures `user` from its context. */
function resolvers(body: string, parameters = '_parent, _args, { user }'): string {
  return `import { AuthenticationError, ForbiddenError } from 'apollo-server-errors';
export default {
  Query: {
    me: (${parameters}) => {
${body}
      return user;
    },
  },
};`;
}

jsRuleTester.run('graphql resolvers: the context destructured in the third parameter holds the signed-in user', credential, {
  valid: [
    resolvers(`      if (!user) throw new AuthenticationError('You must be logged in');`),
    resolvers(`      if (!user.roles.includes('admin')) throw new ForbiddenError('Admins only');`),
    // Near-miss: `user` destructured from the arguments is input, not the caller.
    resolvers(`      if (!user) throw new ForbiddenError('Pick a user');`, '_parent, { user }'),
  ],
  invalid: [
    {
      code: resolvers(`      if (!user) throw new ForbiddenError('You must be logged in');`),
      errors: [
        {
          messageId: 'wrongCode',
          data: { written: 'ForbiddenError', problem: 'a missing credential', evidence: "!user, 'You must be logged in'", credential: 'AuthenticationError' },
          suggestions: [{ messageId: 'answerCredentialCode', output: resolvers(`      if (!user) throw new AuthenticationError('You must be logged in');`) }],
        },
      ],
    },
  ],
});
