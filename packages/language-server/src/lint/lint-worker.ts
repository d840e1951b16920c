/**
 * Runs in a worker thread (see `threads.ts`): lints very large documents, and confirms incremental answers with
 * a full lint, so the thread that answers the editor stays free while ESLint works. Requests and answers are
 * plain data (structured clones).
 */
import { setModuleOverlay } from 'eslint-plugin-auth-status/tooling';
import { serve } from '../threads';
import { LintEngine } from './engine';
import type { ParseTarget } from './languages';
import type { Outline } from './outline';
import type { LintOutcome } from './problem';
import type { RulesConfig } from './rules';
import { LINT_WORKER_NICE, lowerThisThreadsPriority } from './thread-priority';

/** What each of the engine's lints answers (the worker calls the engine method of the same name). */
export interface LintAnswers {
  lint: LintOutcome;
  lintUnfiltered: LintOutcome;
  lintWithOutline: { outcome: LintOutcome; outline?: Outline };
}

export type LintMode = keyof LintAnswers;

export interface LintRequest<M extends LintMode = LintMode> {
  mode: M;
  text: string;
  target: ParseTarget;
  rules: RulesConfig;
}

/** Open buffers that changed since the worker's last request (see `BufferMirror`); `null`: closed. */
export interface BufferChanges {
  buffers?: Record<string, string | null>;
}

export function start(): void {
  lowerThisThreadsPriority(LINT_WORKER_NICE);
  const engine = new LintEngine();
  serve((message) => {
    const { mode, text, target, rules, buffers } = message as unknown as LintRequest & BufferChanges;
    for (const [file, buffer] of Object.entries(buffers ?? {})) setModuleOverlay(file, buffer ?? undefined);
    return engine[mode](text, target, rules);
  });
}
