import type { TextChange } from '../lint/problem';

const DIRECTIVE = /^([ \t]*\/\/[ \t]*eslint-disable-next-line)(?=\s|$)(.*)$/;

/**
 * The change that silences `ruleId` on the line holding `offset`: the rule is added to an
 * `// eslint-disable-next-line` comment right above (keeping its `-- reason`), or a new comment is inserted
 * with the line's indentation. Undefined when the comment above already silences it.
 */
export function disableNextLineChange(text: string, offset: number, ruleId: string): TextChange | undefined {
  const lineStart = startOfLine(text, offset);
  if (lineStart > 0) {
    let previousEnd = lineStart - 1;
    if (text[previousEnd] === '\n' && text[previousEnd - 1] === '\r') previousEnd--;
    const previousStart = startOfLine(text, previousEnd);
    const previousLine = text.slice(previousStart, previousEnd);
    const directive = DIRECTIVE.exec(previousLine);
    if (directive) {
      const [, keyword, rest] = directive as unknown as [string, string, string];
      const descriptionAt = rest.search(/\s--\s|\s--$/);
      const list = (descriptionAt === -1 ? rest : rest.slice(0, descriptionAt)).trimEnd();
      const names = list.split(',').map((name) => name.trim()).filter(Boolean);
      // A bare directive already silences every rule.
      if (names.length === 0 || names.includes(ruleId)) return undefined;
      const insertAt = previousStart + keyword.length + list.length;
      return { start: insertAt, end: insertAt, text: `, ${ruleId}` };
    }
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const lineBreak = /\r\n/.test(text) ? '\r\n' : '\n';
  return { start: lineStart, end: lineStart, text: `${indent}// eslint-disable-next-line ${ruleId}${lineBreak}` };
}

function startOfLine(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text[index - 1] !== '\n' && text[index - 1] !== '\r') index--;
  return index;
}
