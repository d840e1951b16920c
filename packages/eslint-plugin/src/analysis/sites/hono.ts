import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, enclosingFunction, memberPath, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import {
  addHeaderToOptions,
  addToObjectLiteral,
  findProperty,
  headerArguments,
  headerProperty,
  insertStatementAfter,
  removableHeaderProperty,
  removeHeaderFromOptions,
  removeListElement,
  statusEdit,
} from '../edits';
import { handleKey, headerNamesOfObject, headerNamesOfOptions, type HandleKey } from '../handles';
import { chainedCalls, followingStatements, isDiscarded } from '../response-object';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { isElysiaFile } from './elysia';
import { carriersOf } from './error-objects';

/** Names people give Hono's context. */
const CONTEXT_NAMES = /^(c|ctx|context)$/;
/** Context methods that build the response: `(body, status | init, headers?)` (hono `src/context.ts`). */
const RESPONDERS = new Set(['json', 'text', 'body', 'html', 'newResponse']);
const HONO_MODULES = new Set(['hono', 'hono/http-exception']);

/**
 * Hono: `c.json/text/body/html(x, n | { status, headers }, headers?)`, `c.status(n)`, headers from `c.header(…)`,
 * and `new HTTPException(n, { message, res })`. Hono's `jwt()`, `bearerAuth()` and `basicAuth()` middleware send
 * their own challenges and create no site here.
 */
export const honoAdapter: SiteAdapter = {
  framework: 'hono',
  nodeTypes: [T.CallExpression, T.NewExpression],
  visit(node, context) {
    if (node.type === T.NewExpression) {
      const site = isHttpException(context.sourceCode, node.callee) ? exceptionSite(node, context) : null;
      if (site) context.addSite(site);
      return;
    }
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression || !isContext(node.callee.object)) return;
    // Elysia's context also has `status(…)` and is often called `ctx`: the Elysia adapter answers for it.
    if (isElysiaFile(context.sourceCode)) return;
    const method = propertyName(node.callee);
    const site =
      method !== null && RESPONDERS.has(method) ? (isDiscarded(node) ? null : responderSite(node, context))
      : method === 'status' && node.arguments.length === 1 && chainedCalls(node).length === 0 ? statusCallSite(node, context)
      : null;
    if (site) context.addSite(site);
  },
};

function isContext(node: Node): boolean {
  const path = memberPath(node);
  return path !== null && path.length === 1 && CONTEXT_NAMES.test(path[0]!);
}

function isHttpException(sourceCode: SourceCode, callee: Node): boolean {
  const value = skipWrappers(callee);
  if (value.type !== T.Identifier || value.name !== 'HTTPException') return false;
  const binding = bindingOf(sourceCode, value);
  if (binding === null) return true;
  return binding.kind === 'import' && binding.module !== undefined && HONO_MODULES.has(binding.module) && binding.imported === 'HTTPException';
}

function contextHasHeader(context: AdapterContext, handle: HandleKey | null, name: string, site: Node): boolean {
  return handle !== null && context.headers.has(handle, name, site);
}

/** `c.json(body, 401, headers?)` or `c.json(body, { status: 401, headers })`. */
function responderSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const [body, second, third] = call.arguments;
  if (!second || second.type === T.SpreadElement || third?.type === T.SpreadElement) return null;
  const init = skipWrappers(second);
  const statusNode = init.type === T.ObjectExpression ? findProperty(init, 'status')?.value : second;
  const status = statusNode ? resolveStatus(sourceCode, statusNode) : null;
  if (!status) return null;
  const initHeaders = init.type === T.ObjectExpression ? headerNamesOfOptions(init) : [];
  const thirdHeaders = third ? headerNamesOfObject(third, context.sourceCode) : [];
  const handle = handleKey(sourceCode, (call.callee as TSESTree.MemberExpression).object);
  return {
    framework: 'hono',
    node: statusNode!,
    status,
    messages: body && body.type !== T.SpreadElement ? [body] : [],
    carriers: [],
    hasHeader(name) {
      const own = [...initHeaders, ...thirdHeaders];
      return own.includes(name) || own.includes('*') || contextHasHeader(context, handle, name, call);
    },
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, status, edit);
      if (!fixes) return null;
      const headers = third ? skipWrappers(third) : null;
      if (edit.addHeader) {
        const property = headerProperty(edit.addHeader);
        if (headers?.type === T.ObjectExpression) fixes.push(addToObjectLiteral(fixer, sourceCode, headers, property));
        else if (third) return null;
        else if (init.type === T.ObjectExpression) {
          const fix = addHeaderToOptions(fixer, sourceCode, init, edit.addHeader);
          if (!fix) return null;
          fixes.push(fix);
        } else fixes.push(fixer.insertTextAfter(second, `, { ${property} }`));
      }
      if (edit.removeHeader) {
        const header = third ? removableHeaderProperty(sourceCode, third, edit.removeHeader) : null;
        if (header && headers?.type === T.ObjectExpression) {
          fixes.push(
            headers.properties.length === 1
              ? removeListElement(fixer, sourceCode, call.arguments, third!)
              : removeListElement(fixer, sourceCode, headers.properties, header),
          );
        } else if (init.type === T.ObjectExpression) {
          const removal = removeHeaderFromOptions(fixer, sourceCode, init, edit.removeHeader);
          if (removal) fixes.push(removal.fix);
        }
      }
      return fixes;
    },
  };
}

/** `c.status(401)` before `return c.json(…)`. */
function statusCallSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const argument = call.arguments[0]!;
  if (argument.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, argument);
  if (!status) return null;
  const receiver = (call.callee as TSESTree.MemberExpression).object;
  const handle = handleKey(sourceCode, receiver);
  const contextText = sourceCode.getText(receiver);
  return {
    framework: 'hono',
    node: argument,
    status,
    messages: laterBodies(call, handle, sourceCode),
    carriers: [],
    hasHeader(name) {
      return contextHasHeader(context, handle, name, call);
    },
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, status, edit);
      if (!fixes) return null;
      if (edit.addHeader) {
        const fix = insertStatementAfter(fixer, sourceCode, call, `${contextText}.header(${headerArguments(edit.addHeader)});`);
        if (!fix) return null;
        fixes.push(fix);
      }
      return fixes;
    },
  };
}

/** The bodies of `return c.json(…)` right after `c.status(n)`. */
function laterBodies(call: TSESTree.CallExpression, handle: HandleKey | null, sourceCode: SourceCode): Node[] {
  const bodies: Node[] = [];
  for (const statement of followingStatements(call, 2)) {
    const expression =
      statement.type === T.ExpressionStatement ? statement.expression : statement.type === T.ReturnStatement ? statement.argument : null;
    const sent = expression ? skipWrappers(expression) : null;
    if (sent?.type !== T.CallExpression || sent.callee.type !== T.MemberExpression) continue;
    if (!RESPONDERS.has(calleeName(sent) ?? '') || handleKey(sourceCode, sent.callee.object) !== handle) continue;
    const body = sent.arguments[0];
    if (body && body.type !== T.SpreadElement) bodies.push(body);
  }
  return bodies;
}

/**
 * `new HTTPException(401, { message })`: without `res` Hono answers `new Response(message, { status })`, no header
 * (hono `src/http-exception.ts` getResponse). Headers set with `c.header()` before the throw survive Hono's default
 * error handler, so they count. The fix passes `res: new Response(message, { status, headers })`.
 */
function exceptionSite(call: TSESTree.NewExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const [statusArgument, optionsArgument] = call.arguments;
  if (!statusArgument || statusArgument.type === T.SpreadElement || optionsArgument?.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, statusArgument);
  if (!status) return null;
  const options = optionsArgument ? skipWrappers(optionsArgument) : null;
  if (options && options.type !== T.ObjectExpression) return null;
  const message = options ? findProperty(options, 'message')?.value : undefined;
  const res = options ? findProperty(options, 'res') : null;
  const resInit = res ? responseInit(res.value) : null;
  const resHeaders = res ? (resInit ? headerNamesOfOptions(resInit) : ['*']) : [];
  if (options?.properties.some((property) => property.type === T.SpreadElement)) resHeaders.push('*');
  const handle = enclosingContextHandle(sourceCode, call);
  return {
    framework: 'hono',
    node: statusArgument,
    status,
    messages: message ? [message] : [],
    carriers: carriersOf(call),
    hasHeader(name) {
      return resHeaders.includes(name) || resHeaders.includes('*') || contextHasHeader(context, handle, name, call);
    },
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, status, edit);
      if (!fixes) return null;
      if (edit.addHeader) {
        const fix = addResponseWithHeader(fixer, sourceCode, statusArgument, options, edit.status ?? status.code, edit.addHeader);
        if (!fix) return null;
        fixes.push(fix);
      }
      if (edit.removeHeader && resInit) {
        const removal = removeHeaderFromOptions(fixer, sourceCode, resInit, edit.removeHeader);
        if (removal) fixes.push(removal.fix);
      }
      return fixes;
    },
  };
}

/** The init object literal of `new Response(body, init)`, or null when `res` is anything else. */
function responseInit(res: Node): TSESTree.ObjectExpression | null {
  const value = skipWrappers(res);
  if (value.type !== T.NewExpression || calleeName(value) !== 'Response') return null;
  const init = value.arguments[1];
  const object = init && skipWrappers(init);
  return object?.type === T.ObjectExpression ? object : null;
}

/** Expressions that can be written twice without running anything twice: the message reused as the body. */
function isPlainValue(node: Node): boolean {
  const value = skipWrappers(node);
  if (value.type === T.Literal || value.type === T.Identifier) return true;
  if (value.type === T.TemplateLiteral) return value.expressions.every((expression) => isPlainValue(expression));
  return value.type === T.MemberExpression && !value.computed && isPlainValue(value.object);
}

function addResponseWithHeader(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  statusArgument: Node,
  options: TSESTree.ObjectExpression | null,
  code: number,
  header: { name: string; value: string },
): RuleFix | null {
  const res = options ? findProperty(options, 'res') : null;
  if (res) {
    const init = responseInit(res.value);
    return init ? addHeaderToOptions(fixer, sourceCode, init, header) : null;
  }
  const message = options ? findProperty(options, 'message')?.value : undefined;
  if (message && !isPlainValue(message)) return null;
  // Without `message` Hono's body is the empty message.
  const body = message ? sourceCode.getText(message) : "''";
  const property = `res: new Response(${body}, { status: ${code}, headers: { ${headerProperty(header)} } })`;
  if (!options) return fixer.insertTextAfter(statusArgument, `, { ${property} }`);
  const last = options.properties[options.properties.length - 1];
  return last ? fixer.insertTextAfter(last, `, ${property}`) : fixer.replaceText(options, `{ ${property} }`);
}

/** The Hono context parameter of the handler around `node` (`(c) => …`, `async (c, next) => …`). */
function enclosingContextHandle(sourceCode: SourceCode, node: Node): HandleKey | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const first = fn.params[0];
    if (first?.type === T.Identifier && CONTEXT_NAMES.test(first.name)) return handleKey(sourceCode, first);
  }
  return null;
}
