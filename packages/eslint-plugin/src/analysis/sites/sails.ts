import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { memberPath, propertyName, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { handleKey } from '../handles';
import { baseReceiver } from '../response-object';
import type { AdapterContext, ResponseEdit, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { isAdonisFile } from './adonis';

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
  nodeTypes: [T.CallExpression],
  visit(node, context) {
    if (node.type !== T.CallExpression || node.callee.type !== T.MemberExpression) return;
    const method = propertyName(node.callee);
    if (method === null || !(method in SAILS_RESPONSES)) return;
    const receiver = baseReceiver(node.callee.object);
    if (!isSailsResponse(receiver) || isAdonisFile(context.sourceCode)) return;
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
