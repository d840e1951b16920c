import plugin from 'eslint-plugin-auth-status';
import { ruleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const credential = plugin.rules['require-401-for-credential-failure'];
const challenge = plugin.rules['require-www-authenticate'];
const permission = plugin.rules['require-403-for-permission-denial'];
const GQL = `import { GraphQLError } from 'graphql';
`;
const APOLLO = `import { ForbiddenError } from 'apollo-server-express';
`;

ruleTester.run('graphql: require-401-for-credential-failure', credential, {
  valid: [
    // The right code for a missing user.
    `${GQL}const me = (_, __, context) => { if (!context.user) throw new GraphQLError('Not logged in', { extensions: { code: 'UNAUTHENTICATED' } }); };`,
    // FORBIDDEN for a role check is right.
    `${GQL}const users = (_, __, { user }) => { if (!user.roles.includes('admin')) throw new GraphQLError('Admins only', { extensions: { code: 'FORBIDDEN' } }); };`,
    `${APOLLO}const users = (_, __, { user }) => { if (user.role !== 'admin') throw new ForbiddenError('Admins only'); };`,
    // Near-miss: a GraphQLError class of the project's own.
    `import { GraphQLError } from './errors';
const me = (_, __, context) => { if (!context.user) throw new GraphQLError('Not logged in', { extensions: { code: 'FORBIDDEN' } }); };`,
    // Near-miss: a ForbiddenError that is not Apollo's.
    `import { ForbiddenError } from '@casl/ability';
const me = (_, __, context) => { if (!context.user) throw new ForbiddenError('Not logged in'); };`,
    // Near-miss: FORBIDDEN with no reason in sight.
    `${GQL}const post = (_, { id }) => { if (isDraft(id)) throw new GraphQLError('Draft', { extensions: { code: 'FORBIDDEN' } }); };`,
    // Near-miss: another code.
    `${GQL}const me = (_, { id }) => { if (!id) throw new GraphQLError('id required', { extensions: { code: 'BAD_USER_INPUT' } }); };`,
  ],
  invalid: [
    {
      code: `${GQL}export const resolvers = {
  Query: {
    me: (_, __, context) => {
      if (!context.user) {
        throw new GraphQLError('You must be logged in', { extensions: { code: 'FORBIDDEN' } });
      }
      return context.user;
    },
  },
};`,
      errors: [
        {
          messageId: 'wrongCode',
          line: 6,
          data: { written: "'FORBIDDEN'", problem: 'a missing credential', evidence: "!context.user, 'You must be logged in'", credential: "'UNAUTHENTICATED'" },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `${GQL}export const resolvers = {
  Query: {
    me: (_, __, context) => {
      if (!context.user) {
        throw new GraphQLError('You must be logged in', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      return context.user;
    },
  },
};`,
            },
          ],
        },
      ],
    },
    {
      // Apollo Server 4's context function: the `http` extension is the HTTP status and headers. The fix makes
      // it a 401 with its challenge, in the `Map` Apollo reads, and the code UNAUTHENTICATED.
      code: `${GQL}const context = async ({ req }) => {
  const token = req.headers.authorization;
  if (!token) {
    throw new GraphQLError('Missing token', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
  }
};`,
      options: [{ autofix: true }],
      output: `${GQL}const context = async ({ req }) => {
  const token = req.headers.authorization;
  if (!token) {
    throw new GraphQLError('Missing token', { extensions: { code: 'UNAUTHENTICATED', http: { headers: new Map([['WWW-Authenticate', 'Bearer realm="api"']]), status: 401 } } });
  }
};`,
      errors: [{ messageId: 'wrongCode', line: 5, data: { written: "'FORBIDDEN'", problem: 'a missing credential', evidence: "!token, 'Missing token'", credential: "'UNAUTHENTICATED'" }, suggestions: 1 }],
    },
    {
      // graphql-js' positional constructor: extensions are the seventh argument.
      code: `${GQL}const me = (_, __, ctx) => { if (!ctx.user) throw new GraphQLError('Not authenticated', null, null, null, null, null, { code: 'FORBIDDEN' }); };`,
      errors: [
        {
          messageId: 'wrongCode',
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `${GQL}const me = (_, __, ctx) => { if (!ctx.user) throw new GraphQLError('Not authenticated', null, null, null, null, null, { code: 'UNAUTHENTICATED' }); };`,
            },
          ],
        },
      ],
    },
    {
      // Apollo Server 3's classes: the fix swaps the class and imports it next to the other.
      code: `${APOLLO}const me = (_, __, context) => {
  if (!context.user) throw new ForbiddenError('Not logged in');
};`,
      errors: [
        {
          messageId: 'wrongCode',
          data: { written: 'ForbiddenError', problem: 'a missing credential', evidence: "!context.user, 'Not logged in'", credential: 'AuthenticationError' },
          suggestions: [
            {
              messageId: 'answerCredentialCode',
              output: `import { ForbiddenError, AuthenticationError } from 'apollo-server-express';
const me = (_, __, context) => {
  if (!context.user) throw new AuthenticationError('Not logged in');
};`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('graphql: require-403-for-permission-denial', permission, {
  valid: [
    `${GQL}const users = (_, __, { user }) => { if (!user.roles.includes('admin')) throw new GraphQLError('Admins only', { extensions: { code: 'FORBIDDEN' } }); };`,
    // Near-miss: UNAUTHENTICATED for a missing user is right.
    `${GQL}const me = (_, __, { user }) => { if (!user) throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED' } }); };`,
  ],
  invalid: [
    {
      code: `${GQL}const deletePost = async (_, { id }, { user }) => {
  const post = await Post.findById(id);
  if (post.authorId !== user.id) throw new GraphQLError('Not the owner', { extensions: { code: 'UNAUTHENTICATED' } });
};`,
      errors: [
        {
          messageId: 'permissionDenialCode',
          data: { written: "'UNAUTHENTICATED'", evidence: "post.authorId !== user.id, 'Not the owner'", permission: "'FORBIDDEN'" },
          suggestions: [
            {
              messageId: 'answerPermissionCode',
              output: `${GQL}const deletePost = async (_, { id }, { user }) => {
  const post = await Post.findById(id);
  if (post.authorId !== user.id) throw new GraphQLError('Not the owner', { extensions: { code: 'FORBIDDEN' } });
};`,
            },
          ],
        },
      ],
    },
    {
      code: `import { AuthenticationError } from 'apollo-server';
const users = (_, __, { user }) => { if (user.role !== 'admin') throw new AuthenticationError('Admins only'); };`,
      errors: [
        {
          messageId: 'permissionDenialCode',
          suggestions: [
            {
              messageId: 'answerPermissionCode',
              output: `import { AuthenticationError, ForbiddenError } from 'apollo-server';
const users = (_, __, { user }) => { if (user.role !== 'admin') throw new ForbiddenError('Admins only'); };`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('graphql: require-www-authenticate', challenge, {
  valid: [
    // Without an `http` extension the error travels in a 200 response: no challenge to add.
    `${GQL}const me = (_, __, { user }) => { if (!user) throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED' } }); };`,
    // The challenge is in the `http` headers.
    `${GQL}const context = async ({ req }) => { if (!req.headers.authorization) throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: new Map([['www-authenticate', 'Bearer']]) } } }); };`,
    // Headers built elsewhere may hold it.
    `${GQL}const context = async ({ req }) => { if (!req.headers.authorization) throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers } } }); };`,
  ],
  invalid: withSuggestedFix([
    {
      code: `${GQL}const context = async ({ req }) => {
  if (!req.headers.authorization) throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
};`,
      output: `${GQL}const context = async ({ req }) => {
  if (!req.headers.authorization) throw new GraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { headers: new Map([['WWW-Authenticate', 'Bearer realm="api"']]), status: 401 } } });
};`,
      errors: [{ messageId: 'missingChallenge', line: 3 }],
    },
    {
      // An existing `Map` of headers gains the entry.
      code: `${GQL}const context = async ({ req }) => {
  if (!req.headers.authorization) throw new GraphQLError('Sign in', { extensions: { http: { status: 401, headers: new Map([['cache-control', 'no-store']]) } } });
};`,
      output: `${GQL}const context = async ({ req }) => {
  if (!req.headers.authorization) throw new GraphQLError('Sign in', { extensions: { http: { status: 401, headers: new Map([['cache-control', 'no-store'], ['WWW-Authenticate', 'Bearer realm="api"']]) } } });
};`,
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

const TOOLS = `import { createGraphQLError } from '@graphql-tools/utils';\n`;

ruleTester.run('graphql: createGraphQLError of graphql-tools', challenge, {
  valid: [
    // Near-miss: a createGraphQLError of the project's own, not the one that builds a GraphQLError.
    `import { createGraphQLError } from './errors';
const guard = (user) => { if (!user) return createGraphQLError('Sign in', { extensions: { http: { status: 401 } } }); };`,
    // Near-miss: the default status is not a 401.
    `${TOOLS}const guard = (user, options) => { if (!user) return createGraphQLError('Sign in', { extensions: { http: { status: options?.statusCode ?? 400 } } }); };`,
  ],
  invalid: withSuggestedFix([
    {
      // The status a caller may override defaults to 401: that default needs its challenge.
      code: `${TOOLS}export const unauthenticated = (options) =>
  createGraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { status: options?.statusCode ?? 401 } } });`,
      output: `${TOOLS}export const unauthenticated = (options) =>
  createGraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED', http: { headers: new Map([['WWW-Authenticate', 'Bearer realm="api"']]), status: options?.statusCode ?? 401 } } });`,
      errors: [{ messageId: 'missingChallenge', line: 3, column: 113 }],
    },
  ]),
});

ruleTester.run('graphql: createGraphQLError for the wrong failure', permission, {
  valid: [`${TOOLS}const guard = (user) => { if (!user) throw createGraphQLError('Sign in', { extensions: { code: 'UNAUTHENTICATED' } }); };`],
  invalid: [
    {
      code: `${TOOLS}const guard = (user) => { if (!user.roles.includes('admin')) throw createGraphQLError('Admins only', { extensions: { code: 'UNAUTHENTICATED' } }); };`,
      errors: [
        {
          messageId: 'permissionDenialCode',
          suggestions: [
            {
              messageId: 'answerPermissionCode',
              output: `${TOOLS}const guard = (user) => { if (!user.roles.includes('admin')) throw createGraphQLError('Admins only', { extensions: { code: 'FORBIDDEN' } }); };`,
            },
          ],
        },
      ],
    },
  ],
});

