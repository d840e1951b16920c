import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, isFunction, keyName, propertyName, skipWrappers, staticString, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { combineParts, headerAddition, insertBeforeStatement, insertStatementBefore, statusEdit } from '../edits';
import { handleKey, headerNamesOfObject, type HandleKey } from '../handles';
import { followingStatements } from '../response-object';
import { resolveStatus, type StatusValue } from '../status';
import { statusFromName, statusName } from '../status-names';
import type { AdapterContext, ResponseEdit, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { importedModules } from './file-imports';

/** Is this an Elysia file (imports `elysia` or one of its `@elysiajs/…` plugins)? */
export function isElysiaFile(sourceCode: SourceCode): boolean {
  return importedModules(sourceCode).some((module) => module === 'elysia' || module.startsWith('elysia/') || module.startsWith('@elysiajs/'));
}

/** The context functions that answer with a status: `status(code, body)` (Elysia 1.3+) and `error(code, body)` (before). */
const STATUS_FUNCTIONS = new Set(['status', 'error']);

/**
 * Elysia (verified against elysia 1.4 on Node): a handler or hook (`beforeHandle`, `onBeforeHandle`, `derive`,
 * `resolve`) receives a context with `set` (`set.status = n | 'Unauthorized'`, `set.headers[name] = value`) and
 * `status(code, body)` (`error(…)` before 1.3), returned or thrown; `code` may also be a reason phrase
 * (`'Unauthorized'`). Headers in `set.headers` go out with either form, also when `status(…)` is thrown. The fix
 * writes `set.headers['WWW-Authenticate'] = …` before the statement, adding `set` to the destructured context
 * when the handler does not take it yet.
 */
export const elysiaAdapter: SiteAdapter = {
  framework: 'elysia',
  nodeTypes: [T.CallExpression, T.AssignmentExpression],
  visit(node, context) {
    if (!isElysiaFile(context.sourceCode)) return;
    if (node.type === T.AssignmentExpression) {
      visitAssignment(node, context);
      return;
    }
    if (node.type !== T.CallExpression) return;
    if (isStatusFunction(context.sourceCode, node.callee)) {
      const site = statusCallSite(node, context);
      if (site) context.addSite(site);
      return;
    }
    // `Object.assign(set.headers, { … })`
    const callee = skipWrappers(node.callee);
    const [target, source] = node.arguments;
    if (callee.type === T.MemberExpression && propertyName(callee) === 'assign' && target && source && source.type !== T.SpreadElement) {
      const set = headersOwner(context.sourceCode, target);
      const handle = set && handleKey(context.sourceCode, set);
      if (handle) context.headers.record(handle, headerNamesOfObject(source, context.sourceCode), node);
    }
  },
};

function visitAssignment(node: TSESTree.AssignmentExpression, context: AdapterContext): void {
  const { sourceCode } = context;
  if (node.operator !== '=' || node.left.type !== T.MemberExpression) return;
  const field = propertyName(node.left);
  const owner = skipWrappers(node.left.object);
  if (field === 'status' && contextPart(sourceCode, owner) === 'set') {
    const site = setStatusSite(node, node.left, context);
    if (site) context.addSite(site);
    return;
  }
  const handle = (set: Node | null) => (set ? handleKey(sourceCode, set) : null);
  // `set.headers['WWW-Authenticate'] = v`
  const headerOwner = handle(headersOwner(sourceCode, owner));
  if (headerOwner) {
    context.headers.record(headerOwner, [field === null ? '*' : field.toLowerCase()], node);
    return;
  }
  // `set.headers = { … }`
  const setOwner = field === 'headers' && contextPart(sourceCode, owner) === 'set' ? handle(owner) : null;
  if (setOwner) context.headers.record(setOwner, headerNamesOfObject(node.right), node);
}

/** The `set` of `set.headers` (also `ctx.set.headers`), or null. */
function headersOwner(sourceCode: SourceCode, node: Node): Node | null {
  const value = skipWrappers(node);
  if (value.type !== T.MemberExpression || propertyName(value) !== 'headers') return null;
  const set = skipWrappers(value.object);
  return contextPart(sourceCode, set) === 'set' ? set : null;
}

/**
 * Which part of a handler's context an expression is: `set` for a `set` destructured from the first parameter
 * (`({ set }) => …`, `({ set: s }) => …`) or for `ctx.set` where `ctx` is the first parameter.
 */
function contextPart(sourceCode: SourceCode, node: Node): string | null {
  const value = skipWrappers(node);
  if (value.type === T.Identifier) {
    const binding = bindingOf(sourceCode, value);
    // `const { error } = context as AuthContext`: destructured from the context parameter in the body.
    if (binding?.kind === 'const' && binding.key !== undefined) {
      const source = skipWrappers(binding.init);
      if (source.type !== T.Identifier) return null;
      const owner = bindingOf(sourceCode, source);
      return owner?.kind === 'param' && isFirstParameter(owner.init) ? binding.key : null;
    }
    if (binding?.kind !== 'param') return null;
    const property = binding.init.parent;
    if (property?.type !== T.Property || property.value !== binding.init) return null;
    const pattern = property.parent;
    return pattern?.type === T.ObjectPattern && isFirstParameter(pattern) ? keyName(property) : null;
  }
  if (value.type === T.MemberExpression && !value.computed) {
    const object = skipWrappers(value.object);
    if (object.type !== T.Identifier) return null;
    const binding = bindingOf(sourceCode, object);
    return binding?.kind === 'param' && isFirstParameter(binding.init) ? propertyName(value) : null;
  }
  return null;
}

function isFirstParameter(node: Node): boolean {
  const fn = node.parent;
  return fn !== undefined && isFunction(fn) && fn.params[0] === node;
}

/** `status(…)`/`error(…)` from the context (destructured or `ctx.status`), or imported from `elysia`. */
function isStatusFunction(sourceCode: SourceCode, callee: Node): boolean {
  const value = skipWrappers(callee);
  if (value.type === T.Identifier) {
    const binding = bindingOf(sourceCode, value);
    if (binding?.kind === 'import') return binding.module === 'elysia' && STATUS_FUNCTIONS.has(binding.imported ?? '');
  }
  const part = contextPart(sourceCode, value);
  return part !== null && STATUS_FUNCTIONS.has(part);
}

/** Elysia's reason phrases (`'Unauthorized'`, `'Bad Request'`) as status codes. */
function resolveElysiaStatus(sourceCode: SourceCode, node: Node): StatusValue | null {
  const status = resolveStatus(sourceCode, node);
  if (status) return status;
  const text = staticString(skipWrappers(node));
  if (text === null || !/^[A-Z][A-Za-z' -]+$/.test(text)) return null;
  const code = statusFromName(text.replace(/[' -]+/g, '_').toUpperCase());
  return code === undefined ? null : { code, node, form: { kind: 'string' } };
}

/** The replacement for a status, in the form it was written in: a reason phrase stays a reason phrase. */
function statusFix(fixer: RuleFixer, sourceCode: SourceCode, status: StatusValue, edit: ResponseEdit): RuleFix[] | null {
  const text = status.node ? staticString(skipWrappers(status.node)) : null;
  if (edit.status === undefined || edit.status === status.code || text === null || /^\d+$/.test(text)) {
    return statusEdit(fixer, sourceCode, status, edit);
  }
  const phrase = statusName(edit.status, 'UPPER_SNAKE');
  if (!phrase) return null;
  const words = phrase.toLowerCase().split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  return [fixer.replaceText(status.node!, jsString(words.join(' ')))];
}

function headerStatement(set: string, header: { name: string; value: string }): string {
  return `${set}.headers[${jsString(header.name)}] = ${jsString(header.value)};`;
}

/** `set.status = 403`; the response's text is what the handler returns next. */
function setStatusSite(assignment: TSESTree.AssignmentExpression, target: TSESTree.MemberExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const status = resolveElysiaStatus(sourceCode, assignment.right);
  if (!status) return null;
  const handle = handleKey(sourceCode, target.object);
  const set = sourceCode.getText(target.object);
  const messages = followingStatements(assignment, 3).flatMap((statement) =>
    statement.type === T.ReturnStatement && statement.argument ? [statement.argument] : [],
  );
  return {
    framework: 'elysia',
    node: assignment.right,
    status,
    messages,
    carriers: [],
    hasHeader: (name) => handle !== null && context.headers.has(handle, name, assignment),
    edit: (fixer, edit) =>
      combineParts(
        statusFix(fixer, sourceCode, status, edit),
        headerAddition(edit, (header) => insertStatementBefore(fixer, sourceCode, assignment, headerStatement(set, header))),
      ),
  };
}

/** `return status(401, body)`, `throw status('Unauthorized')`, `return error(403)`. */
function statusCallSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const [code, body] = call.arguments;
  if (!code || code.type === T.SpreadElement) return null;
  const status = resolveElysiaStatus(sourceCode, code);
  if (!status) return null;
  const set = contextSet(sourceCode, call);
  return {
    framework: 'elysia',
    node: code,
    status,
    messages: body && body.type !== T.SpreadElement ? [body] : [],
    carriers: [],
    hasHeader: (name) => set?.handle != null && context.headers.has(set.handle, name, call),
    edit: (fixer, edit) =>
      combineParts(
        statusFix(fixer, sourceCode, status, edit),
        headerFixes(fixer, sourceCode, call, set, edit),
      ),
  };
}

/** The header statement before the response, and `set` added to the handler's parameter when it lacks it. */
function headerFixes(fixer: RuleFixer, sourceCode: SourceCode, call: Node, set: ContextSet | null, edit: ResponseEdit): RuleFix[] | null {
  if (!edit.addHeader) return [];
  const insert = set && insertBeforeStatement(fixer, sourceCode, call, headerStatement(set.text, edit.addHeader));
  if (!insert) return null;
  return [...(set.declare ? [set.declare(fixer)] : []), ...[insert].flat()];
}

interface ContextSet {
  /** Source text that reaches `set` in the handler (`set`, `s`, `ctx.set`). */
  text: string;
  handle: HandleKey | null;
  /** When the handler does not destructure `set` yet: the fix that adds it. */
  declare?: (fixer: RuleFixer) => RuleFix;
}

/** The `set` of the handler or hook the call is in: its first parameter, destructured or not. */
function contextSet(sourceCode: SourceCode, call: TSESTree.CallExpression): ContextSet | null {
  for (let node: Node | undefined = call.parent; node; node = node.parent) {
    if (!isFunction(node)) continue;
    const first = node.params[0];
    if (first?.type === T.Identifier) {
      return { text: `${first.name}.set`, handle: contextHandle(sourceCode, first) };
    }
    if (first?.type !== T.ObjectPattern) continue;
    for (const property of first.properties) {
      if (property.type !== T.Property || keyName(property) !== 'set') continue;
      return property.value.type === T.Identifier ? { text: property.value.name, handle: handleKey(sourceCode, property.value) } : null;
    }
    const last = first.properties[first.properties.length - 1];
    if (!last || last.type === T.RestElement) return null;
    return { text: 'set', handle: null, declare: (fixer) => fixer.insertTextAfter(last, ', set') };
  }
  return null;
}

/** The handle `ctx.set` gets when `ctx` is the context parameter. */
function contextHandle(sourceCode: SourceCode, parameter: TSESTree.Identifier): HandleKey | null {
  const base = handleKey(sourceCode, parameter);
  return base === null ? null : `${base}set`;
}
