import type { SourceCode } from '../ast';
import { replaceStatus } from '../edits';
import type { StatusValue } from '../status';
import type { ResponseEdit, RuleFix, RuleFixer } from '../types';

/** The part of an edit that changes a status expression: nothing when the status stays, null when it cannot. */
export function statusPart(fixer: RuleFixer, sourceCode: SourceCode, status: StatusValue, edit: ResponseEdit): RuleFix[] | null {
  if (edit.status === undefined || edit.status === status.code) return [];
  const fix = replaceStatus(fixer, sourceCode, status, edit.status);
  return fix && [fix];
}

/** All parts of an edit, or null when any part has no safe form. */
export function combineParts(...parts: (RuleFix[] | null)[]): RuleFix[] | null {
  return parts.some((part) => part === null) ? null : (parts.flat() as RuleFix[]);
}
