import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../../packages/language-server/src/lint/outline';

export interface Edit {
  label: string;
  text: string;
}

const KEYWORDS = new Set(['return', 'const', 'await', 'async', 'function', 'this', 'new', 'throw', 'export', 'import', 'typeof', 'instanceof', 'void', 'delete']);

/**
 * Edits a developer makes inside one top-level statement: toggle a status (401 ↔ 403), break a line, rename
 * a name used more than once in it, add a space after it. Statements marked `fixed` (imports) are left alone.
 */
export function singleStatementEdits(text: string, statements: readonly (Span & { fixed: boolean })[]): Edit[] {
  const edits: Edit[] = [];
  const replace = (label: string, start: number, end: number, replacement: string) =>
    edits.push({ label: `${label} at ${start}`, text: text.slice(0, start) + replacement + text.slice(end) });
  for (const { start, end, fixed } of statements) {
    if (fixed) continue;
    const statement = text.slice(start, end);
    const status = /\b(?:40[0-3]|419|440|498)\b/.exec(statement);
    if (status) replace(`toggle ${status[0]}`, start + status.index, start + status.index + 3, status[0] === '401' ? '403' : '401');
    const lineBreak = statement.indexOf('\n');
    if (lineBreak !== -1) replace('line break', start + lineBreak + 1, start + lineBreak + 1, '\n');
    const counts = new Map<string, number>();
    for (const match of statement.matchAll(/\b[a-z][A-Za-z0-9]{2,}\b/g)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    const local = [...counts].find(([name, count]) => count >= 2 && !KEYWORDS.has(name));
    if (local) replace(`rename ${local[0]}`, start, end, statement.replace(new RegExp(`\\b${local[0]}\\b`, 'g'), `${local[0]}2`));
    replace('space after', end, end, ' ');
  }
  return edits;
}

export interface SourceFile {
  path: string;
  text: string;
  languageId: string;
}

const LANGUAGE_IDS: Record<string, string> = {
  '.js': 'javascript',
  '.cjs': 'javascript',
  '.mjs': 'javascript',
  '.jsx': 'javascriptreact',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'typescriptreact',
};

/** Every JavaScript and TypeScript file of the labelled corpus (`test/corpus/**`). */
export function corpusFiles(root = path.resolve(__dirname, '../corpus')): SourceFile[] {
  return fs.readdirSync(root, { withFileTypes: true }).flatMap((entry): SourceFile[] => {
    const file = path.join(root, entry.name);
    if (entry.isDirectory()) return corpusFiles(file);
    const languageId = LANGUAGE_IDS[path.extname(entry.name)];
    return languageId ? [{ path: file, text: fs.readFileSync(file, 'utf8'), languageId }] : [];
  });
}
