import assert from 'node:assert/strict';
import type { Node, SourceCode as AnalysisSource } from '../../../packages/eslint-plugin/src/analysis/ast';
import { forEachNode } from '../../../packages/eslint-plugin/src/analysis/traversal';
import { sourceCodeOf } from './analyze-code';

/** The nodes `forEachNode` visits in a file as ESLint hands it to a rule: from ESLint's steps, and by our own walk. */
function visitsOf(code: string, filename: string): { fromHost: Node[]; walked: Node[] } {
  const sourceCode = sourceCodeOf(code, filename) as unknown as AnalysisSource;
  const result = { fromHost: [] as Node[], walked: [] as Node[] };
  forEachNode(sourceCode, true, (node) => result.fromHost.push(node));
  forEachNode(sourceCode, false, (node) => result.walked.push(node));
  return result;
}

const SAMPLES: [string, string][] = [
  [
    'server.js',
    `import express from 'express';
const app = express();
app.get('/me', async (req, res, next) => {
  try {
    const user = await find(req.headers?.authorization ?? '');
    if (!user) return res.status(401).set('WWW-Authenticate', \`Bearer realm="\${realm}"\`).end();
    for (const [key, value] of Object.entries(user)) res.locals[key] = value;
    switch (user.role) { case 'admin': break; default: res.sendStatus(403); }
  } catch ({ message }) { next(new Error(message)); }
});
class Guard { #seen = new Set(); static of() { return new Guard(); } check(a, ...rest) { return a ? rest : [a, , 2]; } }
export default function* steps() { yield* [1, 2]; label: while (true) break label; }`,
  ],
  [
    'page.jsx',
    `export const Page = ({ user }) => <main className="x">{user ? <p>{user.name}</p> : <>none</>}</main>;`,
  ],
  [
    'guard.ts',
    `import type { Request } from 'express';
enum Code { Unauthorized = 401, Forbidden = 403 }
namespace Auth { export const realm = 'api'; }
@Injectable()
export class TokenGuard<T extends { id: string }> implements CanActivate {
  constructor(private readonly tokens: Map<string, T>, public realm?: string) {}
  canActivate(request: Request): boolean | Promise<boolean> {
    const token = request.headers['authorization'] as string | undefined;
    if (!token!) throw new UnauthorizedException({ code: Code.Unauthorized } satisfies object);
    return this.tokens.has(<string>token);
  }
}
type Verdict = 'allow' | 'deny';
export abstract class Base { abstract verdict(): Verdict; declare readonly kind: keyof typeof Code; }`,
  ],
];

describe('forEachNode (every node once, parents first, in source order)', () => {
  for (const [filename, code] of SAMPLES) {
    it(`reads ESLint's own traversal in the same order as a walk of the tree: ${filename}`, () => {
      const { fromHost, walked } = visitsOf(code, filename);
      assert.ok(walked.length > 20, `only ${walked.length} nodes walked`);
      assert.equal(walked[0]!.type, 'Program');
      assert.equal(new Set(walked).size, walked.length, 'a node walked twice');
      assert.equal(fromHost.length, walked.length);
      const firstDifference = fromHost.findIndex((node, index) => node !== walked[index]);
      assert.equal(firstDifference, -1, `node ${firstDifference} differs: ${fromHost[firstDifference]?.type} against ${walked[firstDifference]?.type}`);
    });
  }

  it("takes the host's steps when it has them: entering visits only, not leaving ones nor code path events", () => {
    const [program, statement, expression] = [{ type: 'Program' }, { type: 'ExpressionStatement' }, { type: 'Identifier' }];
    const steps = [
      { type: 'visit', phase: 1, target: program },
      { type: 'call', target: 'onCodePathStart', args: [] },
      { type: 'visit', phase: 1, target: statement },
      { type: 'visit', phase: 1, target: expression },
      { type: 'visit', phase: 2, target: expression },
      { type: 'visit', phase: 2, target: statement },
      { type: 'visit', phase: 2, target: program },
    ];
    const host = { ast: program, visitorKeys: {}, traverse: () => steps } as unknown as AnalysisSource;
    const visited: unknown[] = [];
    forEachNode(host, true, (node) => visited.push(node));
    assert.deepEqual(visited, [program, statement, expression]);
  });

  it('walks the tree itself when the host has not traversed the file, or has no traverse() (oxlint)', () => {
    const expression = { type: 'Identifier', name: 'x' };
    const program = { type: 'Program', body: [{ type: 'ExpressionStatement', expression }] };
    const visitorKeys = { Program: ['body'], ExpressionStatement: ['expression'], Identifier: [] };
    let traversed = 0;
    const linted = { ast: program, visitorKeys, traverse: () => ((traversed += 1), []) } as unknown as AnalysisSource;
    const withoutTraverse = { ast: program, visitorKeys } as unknown as AnalysisSource;
    for (const [sourceCode, hostTraversed] of [[linted, false], [withoutTraverse, true]] as const) {
      const types: string[] = [];
      forEachNode(sourceCode, hostTraversed, (node) => types.push(node.type));
      assert.deepEqual(types, ['Program', 'ExpressionStatement', 'Identifier']);
    }
    assert.equal(traversed, 0, 'traverse() would run ESLint code path analysis on a parse of our own');
  });
});
