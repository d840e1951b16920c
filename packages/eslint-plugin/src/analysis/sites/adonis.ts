import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, declaredName, isFunction, keyName, memberPath, propertyName, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { replaceStatus } from '../edits';
import { handleKey, headerNamesOfArguments } from '../handles';
import { baseReceiver } from '../response-object';
import { resolveStatus, type StatusValue } from '../status';
import type { AdapterContext, ResponseSite, RuleFix, SiteAdapter } from '../types';
import { importedModules } from './file-imports';
import { errorStatusOfMethod, methodForStatus, namedHelperSite } from './status-methods';

/** `response.abort(body, status = 400)` and its conditional forms; the condition's index, when there is one. */
const ABORTS: Readonly<Record<string, { condition: number | null; holds: boolean }>> = {
  abort: { condition: null, holds: true },
  abortIf: { condition: 0, holds: true },
  abortUnless: { condition: 0, holds: false },
};

/** Is this an AdonisJS file (imports from `@adonisjs/…`, or the v5 IoC aliases `@ioc:Adonis/…`)? */
export function isAdonisFile(sourceCode: SourceCode): boolean {
  return importedModules(sourceCode).some((module) => /^(@adonisjs\/|@ioc:Adonis\/)/.test(module));
}

/** Keys of AdonisJS' HttpContext besides `response` that a destructured handler parameter names. */
const CONTEXT_KEYS = new Set(['request', 'auth', 'params', 'session', 'view', 'antl', 'ally', 'bouncer', 'logger']);

/**
 * Is `receiver` the `response` an AdonisJS handler destructures from its context? v4 middleware
 * (`async handle({ request, response, auth }, next)`) and controllers (`async store({ response, auth })`) import
 * nothing from Adonis: the context's shape says it. A method named `handle` with two parameters (middleware's
 * `next`, or an exception's `handle(error, { response })`), or a pattern naming another context key, is Adonis'.
 */
export function isContextResponse(sourceCode: SourceCode, receiver: Node): boolean {
  if (receiver.type !== T.Identifier || receiver.name !== 'response') return false;
  const binding = bindingOf(sourceCode, receiver);
  const property = binding?.kind === 'param' ? binding.init.parent : null;
  const pattern = property?.type === T.Property ? property.parent : null;
  const fn = pattern?.type === T.ObjectPattern ? pattern.parent : null;
  // v4 handlers are methods of CommonJS classes; an ES module that imports nothing from Adonis is another framework's.
  if (!fn || !isFunction(fn) || fn.parent?.type !== T.MethodDefinition) return false;
  if (sourceCode.ast.body.some((statement) => statement.type === T.ImportDeclaration)) return false;
  const isHandle = declaredName(fn) === 'handle' && fn.params.length === 2;
  // An exception's `handle(error, { response })` receives the context second.
  if (fn.params[0] !== pattern) return isHandle && fn.params[1] === pattern;
  const keys = pattern.properties.map((p) => (p.type === T.Property ? keyName(p) : null));
  return isHandle || keys.some((key) => key !== null && CONTEXT_KEYS.has(key));
}

/** `response`, `ctx.response`, `this.ctx.response`: the HttpContext's response. */
function isAdonisResponse(receiver: Node): boolean {
  const path = memberPath(receiver);
  return path !== null && path[path.length - 1] === 'response';
}

/**
 * AdonisJS (adonisjs/http-server `src/response.ts`): `response.unauthorized(body)`, `response.forbidden(body)`,
 * `response.badRequest(body)` and the other status helpers, and `response.abort(body, status = 400)`,
 * `abortIf(cond, …)`, `abortUnless(cond, …)`. `response.header(k, v)` returns the response, so the fix chains it.
 * `response.status(n)` chains are Express-shaped and found by the Express adapter (which writes `.header(…)` here).
 */
export const adonisAdapter: SiteAdapter = {
  framework: 'adonis',
  nodeTypes: [T.CallExpression],
  visit(node, context) {
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return;
    const method = propertyName(node.callee);
    const receiver = baseReceiver(node.callee.object);
    if (method === null || !isAdonisResponse(receiver) || !(isAdonisFile(context.sourceCode) || isContextResponse(context.sourceCode, receiver))) return;
    if (method === 'safeHeader') {
      const handle = handleKey(context.sourceCode, baseReceiver(node.callee.object));
      if (handle) context.headers.record(handle, headerNamesOfArguments(node.arguments), node);
      return;
    }
    const site = method in ABORTS ? abortSite(node, node.callee, ABORTS[method]!, context) : namedSite(node, node.callee, method, context);
    if (site) context.addSite(site);
  },
};

function headerSetter(header: { name: string; value: string }): string {
  return `.header(${jsString(header.name)}, ${jsString(header.value)})`;
}

function namedSite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, method: string, context: AdapterContext): ResponseSite | null {
  const code = errorStatusOfMethod(method);
  if (code === undefined || method !== methodForStatus(code)) return null;
  const handle = handleKey(context.sourceCode, baseReceiver(callee.object));
  return namedHelperSite(
    'adonis',
    call,
    callee,
    code,
    (name) => handle !== null && context.headers.has(handle, name, call),
    (fixer, header) => fixer.insertTextAfter(callee.object, headerSetter(header)),
  );
}

/** `response.abort({ message }, 403)`; without a status Adonis answers 400. */
function abortSite(
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  form: { condition: number | null; holds: boolean },
  context: AdapterContext,
): ResponseSite | null {
  const { sourceCode } = context;
  const offset = form.condition === null ? 0 : 1;
  const body = call.arguments[offset];
  const statusArgument = call.arguments[offset + 1];
  if (!body || body.type === T.SpreadElement || statusArgument?.type === T.SpreadElement) return null;
  const status: StatusValue | null = statusArgument
    ? resolveStatus(sourceCode, statusArgument)
    : { code: 400, node: null, form: { kind: 'literal' } };
  if (!status) return null;
  const condition = form.condition === null ? null : call.arguments[form.condition];
  const handle = handleKey(sourceCode, baseReceiver(callee.object));
  return {
    framework: 'adonis',
    node: status.node ?? callee.property,
    status,
    messages: [body],
    carriers: [],
    ...(condition && condition.type !== T.SpreadElement ? { guard: { test: condition, holds: form.holds } } : {}),
    hasHeader: (name) => handle !== null && context.headers.has(handle, name, call),
    edit(fixer, edit) {
      const fixes: RuleFix[] = [];
      if (edit.status !== undefined && edit.status !== status.code) {
        const fix = status.node ? replaceStatus(fixer, sourceCode, status, edit.status) : fixer.insertTextAfter(body, `, ${edit.status}`);
        if (!fix) return null;
        fixes.push(fix);
      }
      if (edit.addHeader) {
        // A header set before `abortIf`/`abortUnless` would also go out when the request is not aborted.
        if (condition) return null;
        fixes.push(fixer.insertTextAfter(callee.object, headerSetter(edit.addHeader)));
      }
      return fixes;
    },
  };
}
