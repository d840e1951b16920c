import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { makeFolder, REPO_ROOT } from './helpers';

/** Every string in the rule and adapter tests long enough to be code: hundreds of valid and invalid cases. */
export function testSnippets(): string[] {
  const snippets: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.length >= 30 && node.text.includes('(')) {
      snippets.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of filesUnder(path.join(REPO_ROOT, 'test/eslint-plugin'))) {
    if (!file.endsWith('.ts')) continue;
    visit(ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
  }
  return snippets;
}

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Snippets as files named by what they parse as (TypeScript, else TSX); those that parse as neither are left out. */
export function writeSnippets(snippets: readonly string[]): string {
  const folder = makeFolder();
  snippets.forEach((code, index) => {
    const extension = ['.ts', '.tsx'].find((candidate) => {
      const file = ts.createSourceFile(`x${candidate}`, code, ts.ScriptTarget.Latest, false, candidate === '.tsx' ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      return (file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0;
    });
    if (extension) fs.writeFileSync(path.join(folder, `snippet-${index}${extension}`), code);
  });
  return folder;
}
