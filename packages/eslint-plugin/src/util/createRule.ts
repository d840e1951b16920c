// A subpath: the package's index loads all of ESLint, which hosts such as oxlint would pay for at every start.
import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

export const DOCS_BASE_URL = 'https://github.com/auth-status/auth-status/blob/main/packages/eslint-plugin/docs/rules/';

export interface AuthStatusRuleDocs {
  /** Turned on (as `error`) by `configs.recommended`; `'warn'` turns it on as a warning. */
  recommended?: 'error' | 'warn';
}

export const createRule = RuleCreator<AuthStatusRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
