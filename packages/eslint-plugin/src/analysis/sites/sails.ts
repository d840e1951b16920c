import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, enclosingFunction, isFunction, keyName, memberPath, propertyName, pushChildren, skipWrappers, staticString, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { findProperty, headerArguments, insertBeforeStatement, replaceStatus } from '../edits';
import { handleKey } from '../handles';
import { resolveStatus } from '../status';
import { baseReceiver } from '../response-object';
import type { AdapterContext, ResponseEdit, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { isAdonisFile } from './adonis';
import { isResponseFactory } from './kibana';

/**
 * Sails responses (balderdashy/sails `lib/hooks/responses/defaults/`): `res.forbidden()` (403) and
 * `res.badRequest()` (400) are built in; `res.unauthorized()` (401) and `res.expired()` (498) are the custom
 * responses of the `sails new` web template (`api/responses/`). Sails' `res` is Express', so the fix uses
 * `res.set(…)` and, where the status changes, `res.status(n).send(…)` (the project may have no `res.unauthorized`).
 */
const SAILS_RESPONSES: Readonly<Record<string, number>> = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  expired: 498,
};

/** The responses every Sails app has. */
const SAILS_BUILT_IN: Readonly<Record<string, number>> = { badRequest: 400, forbidden: 403 };

/** `res`, `this.res` (actions2), `env.res`. */
function isSailsResponse(receiver: TSESTree.Node): boolean {
  const path = memberPath(receiver);
  return path !== null && path[path.length - 1] === 'res';
}

export const sailsAdapter: SiteAdapter = {
  framework: 'sails',
  nodeTypes: [T.CallExpression, T.ThrowStatement],
  visit(node, context) {
    if (node.type === T.ThrowStatement) {
      const site = exitTriggerSite(node, thrownExit(node.argument), context);
      if (site) context.addSite(site);
      return;
    }
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return;
    const exit = calledExit(context.sourceCode, node);
    if (exit) {
      const site = exitTriggerSite(node, exit, context);
      if (site) context.addSite(site);
      return;
    }
    const method = propertyName(node.callee);
    if (method === null || !(method in SAILS_RESPONSES)) return;
    const receiver = baseReceiver(node.callee.object);
    if (!isSailsResponse(receiver) || isAdonisFile(context.sourceCode) || isResponseFactory(context.sourceCode, receiver)) return;
    context.addSite(sailsSite(node, node.callee, SAILS_RESPONSES[method]!, context));
  },
};

function sailsSite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, code: number, context: AdapterContext): ResponseSite {
  const { sourceCode } = context;
  const handle = handleKey(sourceCode, baseReceiver(callee.object));
  return {
    framework: 'sails',
    node: callee.property,
    status: { code, node: null, form: { kind: 'literal' } },
    messages: call.arguments.filter((argument) => argument.type !== T.SpreadElement),
    carriers: [],
    hasHeader: (name) => handle !== null && context.headers.has(handle, name, call),
    edit: (fixer, edit) => sailsEdit(fixer, sourceCode, call, callee, code, edit),
  };
}

function sailsEdit(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  callee: TSESTree.MemberExpression,
  code: number,
  edit: ResponseEdit,
): RuleFix[] | null {
  const setter = edit.addHeader ? `.set(${jsString(edit.addHeader.name)}, ${jsString(edit.addHeader.value)})` : '';
  if (edit.status === undefined || edit.status === code) {
    return setter ? [fixer.insertTextAfter(callee.object, setter)] : [];
  }
  const builtIn = Object.entries(SAILS_BUILT_IN).find(([, status]) => status === edit.status)?.[0];
  if (builtIn) return [...(setter ? [fixer.insertTextAfter(callee.object, setter)] : []), fixer.replaceText(callee.property, builtIn)];
  const [data, ...rest] = call.arguments;
  if (rest.length > 0 || data?.type === T.SpreadElement) return null;
  // `res.forbidden(data)` → `res.set(…).status(401).send(data)`; without data Sails sends the bare status.
  const send = data ? `status(${edit.status}).send(${sourceCode.getText(data)})` : `sendStatus(${edit.status})`;
  return [fixer.replaceText(call, `${sourceCode.getText(callee.object)}${setter}.${send}`)];
}

/** An actions2 exit's answer: `statusCode: n`, or a response by name (`responseType: 'forbidden'`). */
interface ExitAnswer {
  code: number;
  /** The `statusCode` value, which the fix rewrites; null for a `responseType`. */
  statusNode: TSESTree.Expression | null;
  /** A custom response (`api/responses/*.js`) that may set its own headers. */
  custom: boolean;
}

/** `throw 'notLoggedIn'` or `throw { notLoggedIn: data }` (actions2's exit with output). */
function thrownExit(argument: TSESTree.Expression | null): { name: string; node: Node; data: Node | null } | null {
  if (!argument) return null;
  const value = skipWrappers(argument);
  const name = staticString(value);
  if (name !== null) return { name, node: value, data: null };
  if (value.type !== T.ObjectExpression || value.properties.length !== 1) return null;
  const property = value.properties[0]!;
  if (property.type !== T.Property) return null;
  const key = keyName(property);
  return key === null ? null : { name: key, node: property.key, data: property.value };
}

/** `exits.notLoggedIn(data)`, where `exits` is the second parameter of the action's `fn`. */
function calledExit(sourceCode: SourceCode, call: TSESTree.CallExpression): { name: string; node: Node; data: Node | null } | null {
  const callee = call.callee as TSESTree.MemberExpression;
  const object = skipWrappers(callee.object);
  const name = propertyName(callee);
  if (object.type !== T.Identifier || name === null) return null;
  const binding = bindingOf(sourceCode, object);
  const fn = binding?.kind === 'param' ? binding.declaration : null;
  if (!fn || !isFunction(fn) || fn.params[1] !== binding!.init || !actionOf(fn)) return null;
  const data = call.arguments[0];
  return { name, node: callee.property, data: data && data.type !== T.SpreadElement ? data : null };
}

/** The actions2 definition (`{ inputs, exits, fn }`) whose `fn` is `fn`. */
function actionOf(fn: Node): TSESTree.ObjectExpression | null {
  const property = fn.parent;
  if (property?.type !== T.Property || property.value !== fn || keyName(property) !== 'fn') return null;
  const action = property.parent;
  return action?.type === T.ObjectExpression && findProperty(action, 'exits') ? action : null;
}

/** The nearest enclosing actions2 `fn`. */
function enclosingAction(node: Node): { fn: TSESTree.FunctionLike; action: TSESTree.ObjectExpression } | null {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const action = actionOf(fn);
    if (action) return { fn, action };
  }
  return null;
}

function exitAnswer(sourceCode: SourceCode, exit: TSESTree.ObjectExpression): ExitAnswer | null {
  const statusCode = findProperty(exit, 'statusCode');
  if (statusCode) {
    const status = resolveStatus(sourceCode, statusCode.value);
    return status ? { code: status.code, statusNode: statusCode.value as TSESTree.Expression, custom: false } : null;
  }
  const responseType = findProperty(exit, 'responseType');
  const type = responseType ? staticString(responseType.value) : null;
  if (type === null || !(type in SAILS_RESPONSES)) return null;
  return { code: SAILS_RESPONSES[type]!, statusNode: null, custom: !(type in SAILS_BUILT_IN) };
}

/**
 * Sails actions2: an exit declared with a status (`exits: { notLoggedIn: { statusCode: 403 } }`) answers when the
 * action throws its name or calls `exits.notLoggedIn()`. The site is the trigger (the reason lives there); the
 * exit's name and description are its text. The fix rewrites `statusCode` when this is the exit's only trigger,
 * and sets the challenge with `this.res.set(…)` before it (a `function` fn's `this` holds `req` and `res`).
 */
function exitTriggerSite(
  trigger: Node,
  exit: { name: string; node: Node; data: Node | null } | null,
  context: AdapterContext,
): ResponseSite | null {
  if (!exit) return null;
  const { sourceCode } = context;
  const found = enclosingAction(trigger);
  const exits = found && findProperty(found.action, 'exits');
  const exitsObject = exits && skipWrappers(exits.value);
  if (!found || exitsObject?.type !== T.ObjectExpression) return null;
  const definition = findProperty(exitsObject, exit.name);
  const definitionObject = definition && skipWrappers(definition.value);
  if (!definition || definitionObject?.type !== T.ObjectExpression) return null;
  const answer = exitAnswer(sourceCode, definitionObject);
  if (!answer) return null;
  const { fn } = found;
  const usesThis = fn.type !== T.ArrowFunctionExpression;
  const handle = usesThis ? `this@${fn.range[0]}.res` : null;
  const description = findProperty(definitionObject, 'description');
  const only = triggersOf(sourceCode, fn, exit.name) === 1;
  return {
    framework: 'sails',
    node: exit.node,
    status: { code: answer.code, node: answer.statusNode, form: { kind: 'literal' } },
    messages: [...(exit.data ? [exit.data] : []), ...(description ? [description.value] : [])],
    names: definition.key.type === T.Identifier ? [definition.key] : [],
    carriers: [],
    hasHeader: (name) => answer.custom || (handle !== null && context.headers.has(handle, name, trigger)),
    edit(fixer, edit) {
      const fixes: RuleFix[] = [];
      if (edit.status !== undefined && edit.status !== answer.code) {
        if (!answer.statusNode || !only) return null;
        const status = resolveStatus(sourceCode, answer.statusNode);
        const fix = status && replaceStatus(fixer, sourceCode, status, edit.status);
        if (!fix) return null;
        fixes.push(fix);
      }
      if (edit.addHeader) {
        if (!usesThis) return null;
        const fix = insertBeforeStatement(fixer, sourceCode, trigger, `this.res.set(${headerArguments(edit.addHeader)});`);
        if (!fix) return null;
        fixes.push(...[fix].flat());
      }
      return fixes;
    },
  };
}

/** How many times `fn` triggers the exit `name` (throws it or calls it on its `exits` parameter). */
function triggersOf(sourceCode: SourceCode, fn: TSESTree.FunctionLike, name: string): number {
  let count = 0;
  if (!fn.body) return 0;
  const stack: Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === T.ThrowStatement && thrownExit(node.argument)?.name === name) count++;
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && calledExit(sourceCode, node)?.name === name) count++;
    pushChildren(sourceCode, node, stack);
  }
  return count;
}
