import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { graphql, type GraphQLSchema } from 'graphql';
import plugin from 'eslint-plugin-auth-status';
import { appDirectory } from './serve';

/** A project's own GraphQL errors, one class per failure, the code set by a shared base (as many servers do). */
const ERRORS = `import { GraphQLError } from 'graphql';

class AppError extends GraphQLError {
  constructor(message, code) {
    super(message, { extensions: { code } });
  }
}

export class Unauthorized extends AppError {
  constructor(message) {
    super(message || 'Sign in to continue', 'Unauthorized');
  }
}

export class Forbidden extends AppError {
  constructor(message) {
    super(message || 'You may not do this', 'Forbidden');
  }
}

export class NotFound extends AppError {
  constructor(message) {
    super(message || 'No such thing', 'NotFound');
  }
}
`;

/** Plain errors that happen to share a name: not GraphQL errors, so not judged as one. */
/** Plain errors whose names say no status: what the project's error handler makes of them is not known here. */
const PLAIN_ERRORS = `export class ReportFailure extends Error {}
export class Refused extends Error {}
`;

function schema(imports: string, guard: string): string {
  return `import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
${imports}

export const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      report: {
        type: GraphQLString,
        resolve: (_source, _args, context) => {
${guard}
          return 'quarterly figures';
        },
      },
    },
  }),
});
`;
}

const GUARD = `          if (!context.viewer) throw new Unauthorized('Sign in to read reports');
          if (!context.viewer.isAdmin) throw new Unauthorized('Only admins can read reports');`;
const ROLE_LINE = 12;

interface Report {
  file: string;
  line: number;
  rule: string;
  message: string;
  suggestions: { range: [number, number]; text: string }[];
}

/** Writes the project where `graphql` resolves, lints every file with the recommended rules, and keeps the folder. */
async function lintProject(files: Record<string, string>): Promise<{ root: string; reports: Report[] }> {
  const root = appDirectory('graphql-classes-');
  for (const [name, text] of Object.entries({ 'package.json': JSON.stringify({ type: 'module' }), ...files })) {
    fs.writeFileSync(path.join(root, name), text);
  }
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.js'], plugins: { 'auth-status': plugin }, rules: plugin.configs.recommended.rules }],
  });
  const results = await eslint.lintFiles(Object.keys(files));
  const reports = results.flatMap((result) =>
    result.messages.map((message) => ({
      file: path.relative(root, result.filePath),
      line: message.line,
      rule: (message.ruleId ?? String(message.message)).replace('auth-status/', ''),
      message: message.message,
      suggestions: (message.suggestions ?? []).map((suggestion) => suggestion.fix),
    })),
  );
  return { root, reports };
}

async function firstErrorCode(root: string, viewer: unknown): Promise<string | undefined> {
  const { schema: built } = (await import(`${pathToFileURL(path.join(root, 'schema.js')).href}?${Date.now()}`)) as { schema: GraphQLSchema };
  const result = await graphql({ schema: built, source: '{ report }', contextValue: { viewer } });
  return result.errors?.[0]?.extensions.code as string | undefined;
}

describe("GraphQL: a project's error classes named for the failure, followed through the project index", () => {
  const roots: string[] = [];
  after(() => roots.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

  it('Unauthorized thrown for a missing role is reported at the throw; the missing viewer beside it and the classes stay silent', async () => {
    const { root, reports } = await lintProject({ 'errors.js': ERRORS, 'schema.js': schema("import { Unauthorized } from './errors.js';", GUARD) });
    roots.push(root);
    assert.deepEqual(
      reports.map(({ file, line, rule }) => `${file}:${line} ${rule}`),
      [`schema.js:${ROLE_LINE} require-403-for-permission-denial`],
    );
    assert.match(reports[0]!.message, /^401 answers a permission denial \(!context\.viewer\.isAdmin, 'Only admins can read reports'\)/);
  });

  it('the suggestion throws the sibling Forbidden class, imported beside Unauthorized, and the resolver then answers its code', async () => {
    const { root, reports } = await lintProject({ 'errors.js': ERRORS, 'schema.js': schema("import { Unauthorized } from './errors.js';", GUARD) });
    roots.push(root);
    const file = path.join(root, 'schema.js');
    const before = fs.readFileSync(file, 'utf8');
    assert.equal(await firstErrorCode(root, { isAdmin: false }), 'Unauthorized');
    const [fix] = reports[0]!.suggestions;
    assert.ok(fix, 'a suggestion');
    const after = before.slice(0, fix.range[0]) + fix.text + before.slice(fix.range[1]);
    assert.equal(
      after,
      schema(
        "import { Unauthorized, Forbidden } from './errors.js';",
        GUARD.replace("throw new Unauthorized('Only admins", "throw new Forbidden('Only admins"),
      ),
    );
    fs.writeFileSync(file, after);
    assert.equal(await firstErrorCode(root, { isAdmin: false }), 'Forbidden');
    assert.equal(await firstErrorCode(root, null), 'Unauthorized');
    assert.equal(await firstErrorCode(root, { isAdmin: true }), undefined);
  });

  it('near-misses: plain errors named for no status, and a GraphQL class named for another status, stay silent', async () => {
    const plain = await lintProject({
      'errors.js': PLAIN_ERRORS,
      'schema.js': schema("import { Refused } from './errors.js';", "          if (!context.viewer.isAdmin) throw new Refused('Only admins can read reports');"),
    });
    roots.push(plain.root);
    assert.deepEqual(plain.reports, []);
    const other = await lintProject({
      'errors.js': ERRORS,
      'schema.js': schema("import { NotFound } from './errors.js';", "          if (!context.viewer.isAdmin) throw new NotFound('Only admins can read reports');"),
    });
    roots.push(other.root);
    assert.deepEqual(other.reports, []);
  });
});
