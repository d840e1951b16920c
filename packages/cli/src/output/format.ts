import type { ESLint } from 'eslint';
import type { LintResult } from '../lint/result';
import type { Palette } from './color';

export interface FormatContext {
  cwd: string;
  rulesMeta: ESLint.LintResultData['rulesMeta'];
  palette: Palette;
}

export type Formatter = (results: readonly LintResult[], context: FormatContext) => string;
