import path from 'node:path';
import type { Formatter } from './format';

const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands: each problem becomes an annotation on the pull request's diff. GitHub places
 * an annotation by its path from the repository root, whatever `working-directory:` the step ran in.
 */
export const formatGithub: Formatter = (results, { cwd, annotationRoot }) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = path.relative(annotationRoot ?? cwd, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      const command = message.severity === 2 ? 'error' : 'warning';
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        ...(message.endLine ? [`endLine=${message.endLine}`] : []),
        ...(message.endColumn ? [`endColumn=${message.endColumn}`] : []),
        `title=${escapeProperty(message.ruleId ?? 'parse error')}`,
      ];
      lines.push(`::${command} ${properties.join(',')}::${escapeData(message.message)}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
};
