import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { keyName, memberPath, skipWrappers, type Node } from '../ast';
import { statusOnlyEdit } from '../edits';
import { filenameOf } from '../project-index';
import { eggHelpersFor, type EggHelperMethod, type EggHelpers } from '../project-index/egg-helpers';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { errorStatusOfMethod } from './status-methods';

/**
 * Egg's helpers: `ctx.helper.body.UNAUTHORIZED({ ctx, msg })` where the application's `app/extend/helper.js` sets
 * `ctx.status` in that method. The call is the site, judged by the call's conditions; the status is the method's, or
 * the one the call hands it (`{ ctx, status: 202 }`). The fix switches to the sibling method that sets the wanted
 * status, or rewrites the status the call hands; a challenge belongs in the helper file.
 */
export const eggHelperAdapter: SiteAdapter = {
  framework: 'egg',
  nodeTypes: [T.CallExpression],
  visit(node, context) {
    if (node.type !== T.CallExpression) return;
    const route = helperRoute(node);
    if (!route) return;
    const file = filenameOf(context.sourceCode);
    const helpers = file && path.isAbsolute(file) ? eggHelpersFor(file) : null;
    const method = helpers?.methods.get(route.join('.'));
    if (helpers && method) {
      const site = helperSite(node, route, method, helpers, context);
      if (site) context.addSite(site);
    }
  },
};

/** `ctx.helper.body.UNAUTHORIZED(…)`, `this.ctx.helper.fail(…)`, `helper.fail(…)`: the path below `helper`. */
function helperRoute(call: TSESTree.CallExpression): string[] | null {
  const callee = skipWrappers(call.callee);
  if (callee.type !== T.MemberExpression) return null;
  const route = memberPath(callee);
  const at = route ? route.indexOf('helper') : -1;
  if (!route || at < 0 || at === route.length - 1) return null;
  const owner = route.slice(0, at);
  return owner.length === 0 || owner[owner.length - 1] === 'ctx' ? route.slice(at + 1) : null;
}

function helperSite(call: TSESTree.CallExpression, route: string[], method: EggHelperMethod, helpers: EggHelpers, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const options = call.arguments[0] && skipWrappers(call.arguments[0]);
  const handed = method.option && options?.type === T.ObjectExpression ? optionValue(options, method.option) : null;
  const status = handed ? resolveStatus(sourceCode, handed) : { code: method.status, node: null, form: { kind: 'literal' as const } };
  if (!status || status.code < 400 || (handed === null && method.option && options?.type !== T.ObjectExpression && call.arguments.length > 0)) return null;
  const name = route[route.length - 1]!;
  const calleeText = sourceCode.getText(call.callee);
  return {
    framework: 'egg',
    node: handed ?? call,
    status,
    messages: call.arguments.filter((argument) => argument.type !== T.SpreadElement),
    // `UNAUTHORIZED` says which status, not why.
    names: errorStatusOfMethod(name) === method.status || /^[A-Z_]+$/.test(name) ? [] : [(skipWrappers(call.callee) as TSESTree.MemberExpression).property],
    carriers: [calleeText],
    hasHeader: (header) => header === 'www-authenticate' && method.challenge,
    ...(method.challenge ? {} : { headerLimitation: `\`${calleeText}\` is defined in ${helpers.name}, so add the challenge there` }),
    definition: { file: helpers.file, line: method.line, name: route.join('.') },
    edit: handed ? statusOnlyEdit(sourceCode, status) : (fixer, edit) => switchToSibling(fixer, call, route, helpers, edit),
  };
}

function optionValue(options: TSESTree.ObjectExpression, name: string): Node | null {
  const property = options.properties.find((entry) => entry.type === T.Property && keyName(entry) === name);
  return property?.type === T.Property ? (property.value as Node) : null;
}

/** `ctx.helper.body.UNAUTHORIZED` → `ctx.helper.body.FORBIDDEN`: the sibling that sets the wanted status, with the challenge if one is asked. */
function switchToSibling(fixer: RuleFixer, call: TSESTree.CallExpression, route: string[], helpers: EggHelpers, edit: Parameters<ResponseSite['edit']>[1]): RuleFix[] | null {
  if (edit.status === undefined) return edit.addHeader ? null : [];
  const prefix = route.slice(0, -1).join('.');
  const sibling = [...helpers.methods].find(([key, other]) => {
    const parent = key.slice(0, key.lastIndexOf('.') < 0 ? 0 : key.lastIndexOf('.'));
    return parent === prefix && other.status === edit.status && (!edit.addHeader || other.challenge);
  });
  const callee = skipWrappers(call.callee);
  if (!sibling || callee.type !== T.MemberExpression || callee.computed) return null;
  return [fixer.replaceText(callee.property, sibling[0].split('.').pop()!)];
}
