import type { ESLint } from 'eslint';
import type { LintResult } from '../lint/result';
import type { Palette } from './color';

/** Files and folders left out of the run (each named in a note on stderr, or quietly: generated or minified). */
export interface Skipped {
  files: number;
  folders: number;
}

export interface FormatContext {
  cwd: string;
  rulesMeta: ESLint.LintResultData['rulesMeta'];
  palette: Palette;
  skipped?: Skipped;
  /** What `github` annotation paths are relative to: the repository root (or GITHUB_WORKSPACE); `cwd` when unset. */
  annotationRoot?: string;
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
