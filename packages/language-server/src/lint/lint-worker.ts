/**
 * Runs in a worker thread (see `threads.ts`): lints very large documents, so the thread that answers the editor
 * stays free while ESLint spends seconds on one. Requests and answers are plain data (structured clones).
 */
import { serve } from '../threads';
import { LintEngine } from './engine';
import type { ParseTarget } from './languages';
import type { RulesConfig } from './rules';

export type LintMode = 'lint' | 'lintUnfiltered';

export interface LintRequest {
  mode: LintMode;
  text: string;
  target: ParseTarget;
  rules: RulesConfig;
}

export function start(): void {
  const engine = new LintEngine();
  serve((message) => {
    const { mode, text, target, rules } = message as unknown as LintRequest;
    return mode === 'lint' ? engine.lint(text, target, rules) : engine.lintUnfiltered(text, target, rules);
  });
}
