import plugin from 'eslint-plugin-auth-status';
import { jsRuleTester } from '../rule-tester';
import { withSuggestedFix } from '../suggested-fix';

const challenge = plugin.rules['require-www-authenticate'];
const credential = plugin.rules['require-401-for-credential-failure'];

/** A Fastify app registering mercurius with `formatter` as its errorFormatter; `plugin` is what is registered. */
function registered(formatter: string, registeredPlugin = 'mercurius'): string {
  return `import Fastify from 'fastify';
import mercurius from 'mercurius';
import helmet from '@fastify/helmet';

const app = Fastify();
app.register(${registeredPlugin}, {
  schema,
  errorFormatter: (execution, context) => {
    const codes = execution.errors.map((error) => error.extensions?.code);
${formatter}
  },
});`;
}

const CHOSEN = `    let statusCode = 200;
    if (codes.includes('UNAUTHENTICATED')) {
      statusCode = 401;
    } else if (codes.includes('FORBIDDEN')) {
      statusCode = 403;
    }
    return { statusCode, response: execution };`;

jsRuleTester.run('mercurius: require-www-authenticate', challenge, {
  valid: [
    registered(CHOSEN.replace('      statusCode = 401;', `      context.reply.header('WWW-Authenticate', 'Bearer realm="api"');\n      statusCode = 401;`)),
    // Near-miss: the same option handed to another plugin.
    registered(CHOSEN, 'helmet'),
  ],
  invalid: withSuggestedFix([
    {
      // A comment naming the header sets nothing.
      code: registered(CHOSEN.replace('      statusCode = 401;', '      statusCode = 401; // no WWW-Authenticate yet')),
      output: registered(CHOSEN.replace('      statusCode = 401;', `      context.reply.header('WWW-Authenticate', 'Bearer realm="api"');\n      statusCode = 401; // no WWW-Authenticate yet`)),
      errors: [{ messageId: 'missingChallenge' }],
    },
    {
      code: registered(CHOSEN),
      output: registered(CHOSEN.replace('      statusCode = 401;', `      context.reply.header('WWW-Authenticate', 'Bearer realm="api"');\n      statusCode = 401;`)),
      errors: [{ messageId: 'missingChallenge', line: 12, column: 20 }],
    },
    {
      // The status returned directly.
      code: registered(`    if (codes.includes('UNAUTHENTICATED')) return { statusCode: 401, response: execution };
    return { statusCode: 200, response: execution };`),
      output: registered(`    if (codes.includes('UNAUTHENTICATED')) { context.reply.header('WWW-Authenticate', 'Bearer realm="api"'); return { statusCode: 401, response: execution }; }
    return { statusCode: 200, response: execution };`),
      errors: [{ messageId: 'missingChallenge' }],
    },
  ]),
});

jsRuleTester.run('mercurius: require-401-for-credential-failure', credential, {
  // Near-miss: FORBIDDEN codes answered 403 beside the 401 for UNAUTHENTICATED.
  valid: [registered(CHOSEN)],
  invalid: [
    {
      code: registered(`    const token = context.reply.request.headers.authorization;
    if (!token) return { statusCode: 403, response: execution };
    return { statusCode: 200, response: execution };`),
      errors: [
        {
          messageId: 'wrongStatus',
          suggestions: [
            {
              messageId: 'respond401',
              output: registered(`    const token = context.reply.request.headers.authorization;
    if (!token) { context.reply.header('WWW-Authenticate', 'Bearer realm="api"'); return { statusCode: 401, response: execution }; }
    return { statusCode: 200, response: execution };`),
            },
          ],
        },
      ],
    },
  ],
});
