import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, keyName, propertyName, pushChildren, skipWrappers, type Node, type SourceCode } from '../ast';
import { findProperty, headerArguments, insertBeforeStatement, statusEdit } from '../edits';
import { resolveStatus, type StatusValue } from '../status';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { isImportOf, isModuleObject } from './transport-code';

const MERCURIUS_MODULE = /^mercurius$/;

/**
 * mercurius (GraphQL on Fastify): the `errorFormatter(execution, context)` option returns `{ statusCode, response }`,
 * and mercurius answers the request with `reply.code(statusCode)` (mercurius `lib/routes.js`, `index.js`). Its
 * status is the HTTP status of every failed query, so a 401 there needs its challenge, which the formatter sets on
 * `context.reply`. The status may be returned directly or through a variable the formatter assigns.
 */
export const mercuriusAdapter: SiteAdapter = {
  framework: 'mercurius',
  nodeTypes: [T.Property],
  visit(node, context) {
    if (node.type !== T.Property || keyName(node) !== 'errorFormatter') return;
    const formatter = skipWrappers(node.value);
    if (!isFunction(formatter) || !isMercuriusOptions(context.sourceCode, node.parent)) return;
    for (const site of formatterSites(formatter, context)) context.addSite(site);
  },
};

/** The options object of `app.register(mercurius, { … })`. */
function isMercuriusOptions(sourceCode: SourceCode, options: Node | undefined): boolean {
  const call = options?.parent;
  if (call?.type !== T.CallExpression || call.arguments[1] !== options) return false;
  const callee = skipWrappers(call.callee);
  if (callee.type !== T.MemberExpression || propertyName(callee) !== 'register') return false;
  const plugin = call.arguments[0] && skipWrappers(call.arguments[0]);
  return plugin?.type === T.Identifier && (isImportOf(sourceCode, plugin, 'mercurius', MERCURIUS_MODULE) || isModuleObject(sourceCode, plugin, MERCURIUS_MODULE));
}

/** The formatter's own nodes, without those of functions nested in it. */
function ownNodes(formatter: TSESTree.FunctionLike, sourceCode: SourceCode): Node[] {
  const found: Node[] = [];
  const stack: Node[] = formatter.body ? [formatter.body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunction(node)) continue;
    found.push(node);
    pushChildren(sourceCode, node, stack);
  }
  return found;
}

/** Every status the formatter may return: `statusCode: 401` in a returned object, or a value assigned to the variable returned there. */
function formatterSites(formatter: TSESTree.FunctionLike, context: AdapterContext): ResponseSite[] {
  const { sourceCode } = context;
  const nodes = ownNodes(formatter, sourceCode);
  const returned = nodes.flatMap((node): Node[] => {
    const result = node.type === T.ReturnStatement && node.argument ? skipWrappers(node.argument) : null;
    const status = result?.type === T.ObjectExpression ? findProperty(result, 'statusCode') : null;
    return status ? [skipWrappers(status.value)] : [];
  });
  const chosen = returned.flatMap((value): Node[] => {
    if (value.type !== T.Identifier) return [value];
    // `let statusCode = 200; … statusCode = 401; … return { statusCode, response }`
    return nodes.flatMap((node) =>
      node.type === T.AssignmentExpression && node.operator === '=' && node.left.type === T.Identifier && node.left.name === value.name ? [node.right] : [],
    );
  });
  // `context.reply.header('WWW-Authenticate', …)` anywhere in the formatter (a header name in code, not in a comment).
  const setsChallenge = nodes.some((node) => node.type === T.Literal && typeof node.value === 'string' && /^www-authenticate$/i.test(node.value));
  return chosen.flatMap((value) => {
    const status = resolveStatus(sourceCode, value);
    return status && status.code >= 400 ? [formatterSite(formatter, status, setsChallenge, context)] : [];
  });
}

function formatterSite(formatter: TSESTree.FunctionLike, status: StatusValue, setsChallenge: boolean, context: AdapterContext): ResponseSite {
  const { sourceCode } = context;
  const request = formatter.params[1];
  return {
    framework: 'mercurius',
    node: status.node!,
    status,
    messages: [],
    carriers: [],
    hasHeader: (name) => name === 'www-authenticate' && setsChallenge,
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, status, edit);
      if (!fixes || !edit.addHeader) return fixes;
      // The challenge goes on the reply mercurius answers with: `context.reply.header(…)` before the status is chosen.
      if (request?.type !== T.Identifier) return null;
      const assignment = status.node!.parent?.type === T.AssignmentExpression ? status.node!.parent : status.node!;
      const fix = insertBeforeStatement(fixer, sourceCode, assignment, `${request.name}.reply.header(${headerArguments(edit.addHeader)});`);
      return fix ? [...fixes, ...[fix].flat()] : null;
    },
  };
}
