import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Node, SourceCode as AnalysisSource } from '../../../packages/eslint-plugin/src/analysis/ast';
import { HeaderRegistry } from '../../../packages/eslint-plugin/src/analysis/handles';
import { ADAPTERS } from '../../../packages/eslint-plugin/src/analysis/sites';
import { forEachNode } from '../../../packages/eslint-plugin/src/analysis/traversal';
import type { AdapterContext, SiteAdapter } from '../../../packages/eslint-plugin/src/analysis/types';
import { sourceCodeOf } from './analyze-code';

const CORPUS = path.join(__dirname, '../../corpus');

function corpusFiles(directory = CORPUS): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) return corpusFiles(file);
    return /\.(?:[cm]?js|tsx?)$/.test(entry.name) ? [file] : [];
  });
}

/** Packages the corpus has no file of. */
const EXTRA_SOURCES: Record<string, string> = {
  'routing-controllers.ts': [
    "import { Get, JsonController, UnauthorizedError, CurrentUser } from 'routing-controllers';",
    '',
    "@JsonController('/grades')",
    'export class GradesController {',
    "  @Get('/')",
    '  list(@CurrentUser() student?: { id: string }) {',
    "    if (!student) throw new UnauthorizedError('Sign in to see your grades.');",
    '    return [];',
    '  }',
    '}',
  ].join('\n'),
};

const sourceOf = (file: string, text: string) => sourceCodeOf(text, file) as unknown as AnalysisSource;

/** How many sites `adapter` finds in the file when it visits every node of its types, whatever the file mentions. */
function sitesFoundUngated(adapter: SiteAdapter, sourceCode: AnalysisSource, filename: string): number {
  let found = 0;
  const context: AdapterContext = { sourceCode, filename, headers: new HeaderRegistry(), addSite: () => found++ };
  forEachNode(sourceCode, true, (node: Node) => {
    if (adapter.nodeTypes.includes(node.type)) adapter.visit(node, context);
  });
  return found;
}

describe('adapters that visit only files mentioning their package', () => {
  const gated = ADAPTERS.filter((adapter) => adapter.mentions);

  it('are the package-bound adapters', () => {
    assert.deepEqual(
      gated.map((adapter) => adapter.framework).sort(),
      ['egg', 'fastify', 'feathers', 'firebase', 'graphql', 'grpc', 'http-errors', 'micro', 'restify', 'routing-controllers', 'strapi', 'trpc'],
    );
  });

  it('find no site, when made to visit every file of the corpus, in a file their mention is missing from', () => {
    const sitesBy = new Map<SiteAdapter, number>();
    const sources = [
      ...corpusFiles().map((file) => ({ file, sourceCode: sourceOf(file, fs.readFileSync(file, 'utf8')) })),
      ...Object.entries(EXTRA_SOURCES).map(([file, text]) => ({ file: path.join(CORPUS, file), sourceCode: sourceOf(file, text) })),
    ];
    for (const { file, sourceCode } of sources) {
      for (const adapter of gated) {
        const found = sitesFoundUngated(adapter, sourceCode, file);
        sitesBy.set(adapter, (sitesBy.get(adapter) ?? 0) + found);
        if (found > 0) assert.match(sourceCode.text, adapter.mentions!, `${adapter.framework} finds ${found} site(s) in ${path.relative(CORPUS, file)}`);
      }
    }
    // The check holds only where the corpus exercises an adapter at all.
    const unexercised = gated.filter((adapter) => !sitesBy.get(adapter)).map((adapter) => adapter.framework);
    assert.deepEqual(unexercised, []);
  });
});
