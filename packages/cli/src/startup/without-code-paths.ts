import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';

/**
 * ESLint analyses the code paths of every file (segments, forks, loops) for rules that listen for them. The CLI runs
 * only our rules and none of them listens (a test checks), yet the analysis took some 13% of the CLI's CPU and made
 * much of its garbage. Each thread of the CLI therefore registers, before ESLint is first loaded, a stand-in for
 * ESLint's analyzer that hands the traversal's recorder back unwrapped: ESLint records the same node steps in the same
 * order, and no code path events. Where ESLint keeps its analyzer elsewhere (another version) or is loaded already,
 * nothing is registered and the analysis runs as before; `AUTH_STATUS_CODE_PATHS=on` keeps it too.
 */
export const CODE_PATH_ANALYZER = 'lib/linter/code-path-analysis/code-path-analyzer.js';

/** Whether the stand-in is registered for this thread. */
export function skipCodePathAnalysis(environment: NodeJS.ProcessEnv = process.env): boolean {
  if (environment.AUTH_STATUS_CODE_PATHS === 'on') return false;
  let file: string;
  try {
    file = path.join(path.dirname(require.resolve('eslint/package.json')), CODE_PATH_ANALYZER);
  } catch {
    return false;
  }
  if (require.cache[file] !== undefined || !fs.existsSync(file)) return false;
  const standIn = new Module(file);
  standIn.filename = file;
  standIn.loaded = true;
  // `new CodePathAnalyzer(recorder)` then gives the recorder itself, which has the same three methods.
  standIn.exports = function RecorderAsItIs(recorder: object) {
    return recorder;
  };
  require.cache[file] = standIn;
  return true;
}

skipCodePathAnalysis();
