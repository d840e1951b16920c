import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { enclosingFunction, memberPath, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { headerArguments, insertBeforeStatement, insertStatementBefore, statusEdit } from '../edits';
import { handleKey, headerNamesOfArguments } from '../handles';
import { followingStatements } from '../response-object';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { factorySite } from './http-errors';
import { isDestructuredOakResponse, isOakFile, isOakResponseHeaders, oakHeaderStatement, oakThrowSite } from './oak';
import { errorStatusOfMethod, methodForStatus, namedHelperSite } from './status-methods';

/** Names people give Koa's (and Egg's) context: `ctx`, `this.ctx`, `context`. */
const CONTEXT_NAMES = /^(ctx|context)$/;

/**
 * Koa (and Koa 1's generator middleware, where the context is `this`): `ctx.status = n` (headers from `ctx.set/append`, `ctx.response.set`, `ctx.res.setHeader`), `ctx.throw(n, msg,
 * props)` and `ctx.assert(cond, n, msg, props)`. A throw goes through `ctx.onerror`, which removes every header set
 * before it and sends only the error's `headers` (koa `lib/context.js` onerror): for thrown errors, only the
 * error's own `headers` count, and the fix puts the challenge there.
 */
export const koaAdapter: SiteAdapter = {
  framework: 'koa',
  nodeTypes: [T.CallExpression, T.AssignmentExpression],
  visit(node, context) {
    if (node.type === T.AssignmentExpression && node.operator === '=' && node.left.type === T.MemberExpression) {
      if (propertyName(node.left) !== 'status') return;
      const ctx = responseOwnerOf(node.left.object, context.sourceCode);
      const site = ctx && statusSite(node, node.left, ctx, context);
      if (site) context.addSite(site);
      return;
    }
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return;
    const method = propertyName(node.callee);
    const receiver = node.callee.object;
    if (method === 'throw' && isKoaContext(receiver)) {
      const site = factorySite(node, context);
      if (site) context.addSite(isOakFile(context.sourceCode) ? oakThrowSite(site, node, context.sourceCode) : { ...site, framework: 'koa' });
    } else if ((method === 'assert' && isKoaContext(receiver)) || (method === 'ok' && isContextAssert(receiver))) {
      const site = assertSite(node, context);
      if (site) context.addSite(site);
    } else if (method !== null && isKoaContext(receiver) && errorStatusOfMethod(method) !== undefined && method === methodForStatus(errorStatusOfMethod(method)!)) {
      context.addSite(helperSite(node, node.callee, errorStatusOfMethod(method)!, context));
    } else {
      recordContextHeader(node, node.callee, context);
    }
  },
};

function isKoaContext(node: Node): boolean {
  const value = skipWrappers(node);
  if (value.type === T.ThisExpression) return isKoa1Middleware(value);
  const path = memberPath(node);
  return path !== null && CONTEXT_NAMES.test(path[path.length - 1]!);
}

/**
 * Koa 1 middleware is a generator, `function* (next) { … }`, whose `this` is the context (`this.status = 401`,
 * `this.throw(403)`, `this.set(…)`). A generator method of a class has its instance as `this`, not a context.
 */
function isKoa1Middleware(self: TSESTree.ThisExpression): boolean {
  let fn = enclosingFunction(self);
  while (fn?.type === T.ArrowFunctionExpression) fn = enclosingFunction(fn);
  if (!fn || !fn.generator || fn.params.length > 1) return false;
  return fn.parent?.type !== T.MethodDefinition;
}

/** `ctx.assert` (for `ctx.assert.ok(…)`). */
function isContextAssert(node: Node): boolean {
  const value = skipWrappers(node);
  return value.type === T.MemberExpression && propertyName(value) === 'assert' && isKoaContext(value.object);
}

/** The context for `ctx` or `ctx.response` (both set the response's status and headers). */
function koaContextOf(node: Node): Node | null {
  const value = skipWrappers(node);
  if (isKoaContext(value)) return value;
  if (value.type === T.MemberExpression && propertyName(value) === 'response' && isKoaContext(value.object)) {
    return skipWrappers(value.object);
  }
  return null;
}

/** What a `.status =` or `.body =` assignment answers on: Koa's context, or oak's `response` destructured from it. */
function responseOwnerOf(node: Node, sourceCode: SourceCode): Node | null {
  return koaContextOf(node) ?? (isDestructuredOakResponse(sourceCode, node) ? skipWrappers(node) : null);
}

/**
 * Headers set through `ctx.response.set/append` and `ctx.res.setHeader` land on the same response as `ctx.set`:
 * record them on the context's handle too (the response-headers adapter records `ctx.set` there already), and
 * oak's `ctx.response.headers.set`.
 */
function recordContextHeader(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, context: AdapterContext): void {
  const method = propertyName(callee);
  const target = skipWrappers(callee.object);
  const oakOwner = method === 'set' ? oakHeadersOwner(target, context.sourceCode) : null;
  if (oakOwner) {
    // oak: ctx.response.headers.set(name, value), or response.headers.set(…) with the response destructured
    const handle = handleKey(context.sourceCode, oakOwner);
    if (handle) context.headers.record(handle, headerNamesOfArguments(call.arguments), call);
    return;
  }
  if (target.type !== T.MemberExpression || !isKoaContext(target.object)) return;
  const part = propertyName(target);
  const setsHeader =
    (part === 'response' && (method === 'set' || method === 'append')) ||
    (part === 'res' && (method === 'setHeader' || method === 'appendHeader'));
  if (!setsHeader) return;
  const handle = handleKey(context.sourceCode, target.object);
  if (handle) context.headers.record(handle, headerNamesOfArguments(call.arguments), call);
}

/** The handle oak headers set on `target` (`ctx.response.headers`, a destructured `response.headers`) belong to. */
function oakHeadersOwner(target: Node, sourceCode: SourceCode): Node | null {
  const response = isOakResponseHeaders(target);
  if (response) return isKoaContext(response.object) ? response.object : null;
  const headers = skipWrappers(target);
  if (headers.type !== T.MemberExpression || propertyName(headers) !== 'headers') return null;
  return isDestructuredOakResponse(sourceCode, headers.object) ? skipWrappers(headers.object) : null;
}

function statusSite(
  assignment: TSESTree.AssignmentExpression,
  target: TSESTree.MemberExpression,
  ctx: Node,
  context: AdapterContext,
): ResponseSite | null {
  const { sourceCode } = context;
  const status = resolveStatus(sourceCode, assignment.right);
  if (!status) return null;
  const handle = handleKey(sourceCode, ctx);
  const setter = sourceCode.getText(target.object);
  return {
    framework: isOakFile(sourceCode) ? 'oak' : 'koa',
    node: assignment.right,
    status,
    messages: bodiesAround(assignment, ctx, context),
    carriers: [],
    hasHeader(name) {
      return handle !== null && context.headers.has(handle, name, assignment);
    },
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, status, edit);
      if (!fixes) return null;
      if (edit.addHeader) {
        const statement = isOakFile(sourceCode) ? oakHeaderStatement(ctx, sourceCode, edit.addHeader) : `${setter}.set(${headerArguments(edit.addHeader)});`;
        const fix = insertStatementBefore(fixer, sourceCode, assignment, statement);
        if (!fix) return null;
        fixes.push(fix);
      }
      return fixes;
    },
  };
}

/** `ctx.body = { message }` (or `ctx.message = …`) next to the status assignment: the response's text. */
function bodiesAround(assignment: TSESTree.AssignmentExpression, ctx: Node, context: AdapterContext): Node[] {
  const handle = handleKey(context.sourceCode, ctx);
  const bodies: Node[] = [];
  for (const statement of [...precedingStatements(assignment, 2), ...followingStatements(assignment, 2)]) {
    if (statement.type !== T.ExpressionStatement) continue;
    const expression = skipWrappers(statement.expression);
    if (expression.type !== T.AssignmentExpression || expression.left.type !== T.MemberExpression) continue;
    const field = propertyName(expression.left);
    if (field !== 'body' && field !== 'message') continue;
    const owner = responseOwnerOf(expression.left.object, context.sourceCode);
    if (owner && handleKey(context.sourceCode, owner) === handle) bodies.push(expression.right);
  }
  return bodies;
}

/** `ctx.assert(cond, n, msg, props)` (http-assert): responds with an http-errors error when `cond` is falsy. */
function assertSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const [test, ...rest] = call.arguments;
  if (!test || test.type === T.SpreadElement) return null;
  const site = factorySite(call, context, rest);
  return site && { ...site, framework: 'koa', guard: { test, holds: false } };
}

/** Up to `count` statements right before the one holding `node` in the same block. */
function precedingStatements(node: Node, count: number): TSESTree.Statement[] {
  let statement: Node = node;
  while (statement.parent && statement.parent.type !== T.BlockStatement && statement.parent.type !== T.Program) {
    statement = statement.parent;
  }
  const container = statement.parent;
  if (!container) return [];
  const body = container.body as TSESTree.Statement[];
  const index = body.indexOf(statement as TSESTree.Statement);
  return index < 0 ? [] : body.slice(Math.max(0, index - count), index);
}

/**
 * Strapi's context error helpers (`ctx.unauthorized(msg, details)` = 401, `ctx.forbidden(…)` = 403,
 * `ctx.badRequest(…)` = 400: http-errors' names in lower camel case, per Strapi's error-handling docs) and
 * koa-respond's of the same names. Strapi's errors middleware sets `ctx.status` and `ctx.body` from the error
 * itself, without Koa's `onerror`, so a header set with `ctx.set` before the call stays; the fix puts it there.
 */
function helperSite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, code: number, context: AdapterContext): ResponseSite {
  const { sourceCode } = context;
  const handle = handleKey(sourceCode, callee.object);
  const setter = sourceCode.getText(callee.object);
  return namedHelperSite(
    'koa',
    call,
    callee,
    code,
    (name) => handle !== null && context.headers.has(handle, name, call),
    (fixer, header) => insertBeforeStatement(fixer, sourceCode, call, `${setter}.set(${headerArguments(header)});`),
  );
}
