import { T } from '../node-types';
import { bindingOf, memberPath, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';

/** Properties that hold a received response's status: axios/fetch/ky `status`, RTK Query `originalStatus`. */
const STATUS_PROPERTIES = /^(status|statusCode|status_code|originalStatus|httpStatus)$/;
/** `err.response.data.code`: a status echoed in the body counts only when read from the response or its data. */
const BODY_CODE_PROPERTIES = /^(code|statusCode|status)$/;
const BODY_HOLDERS = new Set(['response', 'data', 'body']);

const MAX_DEPTH = 3;

/**
 * Is the expression the HTTP status of a received response: `error.response.status`, `error?.response?.status`,
 * `res.status`, `result.error.status`, `err.response.data.code`, or a variable holding one
 * (`const { status } = error.response`, `const code = err.response.data.code`)?
 */
export function isResponseStatus(sourceCode: SourceCode, expression: Node, depth = 0): boolean {
  const value = skipWrappers(expression);
  if (value.type === T.MemberExpression) {
    const name = propertyName(value);
    if (name === null) return false;
    if (STATUS_PROPERTIES.test(name)) return true;
    const path = memberPath(value);
    return BODY_CODE_PROPERTIES.test(name) && !!path && path.slice(0, -1).some((part) => BODY_HOLDERS.has(part));
  }
  if (value.type !== T.Identifier) return false;
  if (/status/i.test(value.name)) return true;
  if (depth >= MAX_DEPTH) return false;
  const binding = bindingOf(sourceCode, value);
  if (!binding || binding.kind === 'import' || binding.kind === 'param') return false;
  if (binding.key !== undefined) {
    // const { status } = error.response; const { code } = err.response.data
    const holder = memberPath(binding.init);
    return STATUS_PROPERTIES.test(binding.key) || (binding.key === 'code' && !!holder && holder.some((part) => BODY_HOLDERS.has(part)));
  }
  return isResponseStatus(sourceCode, binding.init, depth + 1);
}

/**
 * A key naming which status a subject reads, so two checks can be compared: `error?.response?.status` and
 * `status` from `const { status } = error.response` both give `error.response.status`.
 */
export function subjectKey(sourceCode: SourceCode, expression: Node, depth = 0): string {
  const value = skipWrappers(expression);
  if (value.type === T.Identifier && depth < MAX_DEPTH) {
    const binding = bindingOf(sourceCode, value);
    if (binding && binding.kind !== 'import' && binding.kind !== 'param') {
      const base = subjectKey(sourceCode, binding.init, depth + 1);
      return binding.key === undefined ? base : `${base}.${binding.key}`;
    }
  }
  return sourceCode.getText(value).replace(/\?\./g, '.').replace(/\s+/g, '');
}
