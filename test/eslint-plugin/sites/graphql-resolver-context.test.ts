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

/** A graphql-resolvers guard that skips to the next resolver, or returns the error, by what the context holds. */
function guard(parameters: string, test: string, error: string): string {
  return `const { ForbiddenError } = require('apollo-server');
const { skip } = require('graphql-resolvers');
module.exports = (${parameters}) => (${test} ? skip : new ${error});`;
}

jsRuleTester.run('graphql resolvers: `me` in the context is the signed-in user', credential, {
  valid: [
    // The signed-in user's role: a permission check, where ForbiddenError is right.
    guard('parent, args, { me }', "me && me.role === 'ADMIN'", "ForbiddenError('Not authorized as admin.')"),
    // Near-miss: `me` taken from the arguments is input, not the caller.
    guard('parent, { me }', 'me', "ForbiddenError('Pick yourself')"),
  ],
  invalid: [
    {
      code: guard('parent, args, { me }', 'me', "ForbiddenError('Not authenticated as user.')"),
      errors: [{ messageId: 'wrongCode', data: { written: 'ForbiddenError', problem: 'a missing credential', evidence: "me, 'Not authenticated as user.'", credential: 'AuthenticationError' } }],
    },
  ],
});
