import { ESLintUtils } from '@typescript-eslint/utils';

export const DOCS_BASE_URL = 'https://github.com/auth-status/auth-status/blob/main/packages/eslint-plugin/docs/rules/';

export interface AuthStatusRuleDocs {
  /** Turned on (as `error`) by `configs.recommended`; `'warn'` turns it on as a warning. */
  recommended?: 'error' | 'warn';
}

export const createRule = ESLintUtils.RuleCreator<AuthStatusRuleDocs>((name) => `${DOCS_BASE_URL}${name}.md`);
