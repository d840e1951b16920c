import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { findVariable, isFunction, keyName, propertyName, pushChildren, skipWrappers, type Node, type SourceCode } from '../ast';
import { handleKey, headerNamesOfArguments } from '../handles';
import { baseReceiver } from '../response-object';
import type { AdapterContext, SiteAdapter } from '../types';
import { HEADER_SETTERS } from './response-headers';

const MAX_HELPER_NODES = 500;
const headersByHelper = new WeakMap<Node, Map<string, string[]>>();

/**
 * Headers a helper function of the same file sets on the response passed to it: `challenge(res)` before
 * `return res.status(401)…`, where `function challenge(res) { res.set('WWW-Authenticate', …) }`. They are recorded
 * on the caller's handle, at the call.
 */
export const helperHeadersAdapter: SiteAdapter = {
  framework: 'headers',
  nodeTypes: [T.CallExpression],
  visit(node, context) {
    if (node.type !== T.CallExpression || node.arguments.length === 0) return;
    const { callee } = node;
    if (callee.type === T.Identifier || (callee.type === T.MemberExpression && callee.object.type === T.ThisExpression)) {
      context.headers.recordLater(() => recordHelperHeaders(node, callee, context));
    }
  },
};

/** Records, on the handle passed in, the headers the called helper (`f(res)`, `this.f(res)`) sets on its parameter. */
function recordHelperHeaders(node: TSESTree.CallExpression, callee: TSESTree.Identifier | TSESTree.MemberExpression, context: AdapterContext): void {
  const helper = callee.type === T.Identifier ? localFunction(context.sourceCode, callee) : ownMethod(callee);
  if (!helper) return;
  node.arguments.forEach((argument, index) => {
    const parameter = helper.params[index];
    if (argument.type === T.SpreadElement || parameter?.type !== T.Identifier) return;
    const names = headersSetOn(context.sourceCode, helper, parameter.name);
    const handle = names.length > 0 ? handleKey(context.sourceCode, argument) : null;
    if (handle) context.headers.record(handle, names, node);
  });
}

/** The function a name is declared as in this file: `function f() {}` or `const f = (…) => …`. */
function localFunction(sourceCode: SourceCode, callee: TSESTree.Identifier): TSESTree.FunctionLike | null {
  const definition = findVariable(sourceCode, callee)?.defs[0];
  if (!definition) return null;
  if (definition.type === 'FunctionName') return definition.node as TSESTree.FunctionDeclaration;
  if (definition.type !== 'Variable') return null;
  const init = (definition.node as TSESTree.VariableDeclarator).init;
  const value = init && skipWrappers(init);
  return value && isFunction(value) ? value : null;
}

/** `this.challenge(res)`: the method of the enclosing class with that name. */
function ownMethod(callee: TSESTree.MemberExpression): TSESTree.FunctionLike | null {
  const name = propertyName(callee);
  let classBody: Node | undefined = callee.parent;
  while (classBody && classBody.type !== T.ClassBody) classBody = classBody.parent;
  if (!name || !classBody) return null;
  const method = classBody.body.find(
    (member): member is TSESTree.MethodDefinition => member.type === T.MethodDefinition && keyName(member) === name,
  );
  return method ? method.value : null;
}

/** Header names the helper sets on its parameter `name` (`name.set(…)`, `name.setHeader(…)`, chains on it). */
function headersSetOn(sourceCode: SourceCode, helper: TSESTree.FunctionLike, name: string): string[] {
  let byParameter = headersByHelper.get(helper);
  if (!byParameter) {
    byParameter = new Map();
    headersByHelper.set(helper, byParameter);
  }
  const known = byParameter.get(name);
  if (known) return known;
  const names: string[] = [];
  const stack: Node[] = helper.body ? [helper.body] : [];
  for (let visited = 0; stack.length > 0 && visited < MAX_HELPER_NODES; visited++) {
    const node = stack.pop()!;
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && HEADER_SETTERS.has(propertyName(node.callee) ?? '')) {
      const receiver = baseReceiver(node.callee.object);
      if (receiver.type === T.Identifier && receiver.name === name) names.push(...headerNamesOfArguments(node.arguments, sourceCode));
    }
    pushChildren(sourceCode, node, stack);
  }
  byParameter.set(name, names);
  return names;
}
