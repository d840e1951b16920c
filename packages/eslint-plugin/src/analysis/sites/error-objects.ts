import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, keyName, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { addHeaderToOptions, combineParts, findProperty, headerAddition, insertStatementAfter, removeHeaderFromOptions, statusEdit } from '../edits';
import { handleKey, headerNamesOfObject, type HandleKey } from '../handles';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';

/** Calls that hand an error to the framework's error handler, which sends `err.status` and `err.headers`. */
const ERROR_CARRIERS = new Set(['next', 'done', 'cb', 'callback', 'reject']);

/**
 * Error objects that carry a status to Express' or Koa's error handler: `err.status = 403` on an `Error`,
 * `next({ status: 403, message })`, `Object.assign(new Error(m), { status: 403 })`.
 */
export const errorObjectsAdapter: SiteAdapter = {
  framework: 'error-object',
  nodeTypes: [T.AssignmentExpression, T.ObjectExpression],
  visit(node, context) {
    if (node.type === T.AssignmentExpression && node.operator === '=' && node.left.type === T.MemberExpression) {
      const field = propertyName(node.left);
      if ((field === 'status' || field === 'statusCode') && isErrorValue(context.sourceCode, node.left.object)) {
        const site = assignedStatusSite(node, node.left, context);
        if (site) context.addSite(site);
      }
    } else if (node.type === T.ObjectExpression && carriesStatusObject(node)) {
      const site = objectSite(node, context);
      if (site) context.addSite(site);
    }
  },
};

/** Is the expression an `Error` (or `SomethingError`) instance created in this file? */
function isErrorValue(sourceCode: SourceCode, expression: Node): boolean {
  const value = skipWrappers(expression);
  if (value.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, value);
  if (!binding || (binding.kind !== 'const' && binding.kind !== 'let' && binding.kind !== 'var') || binding.key !== undefined) {
    return false;
  }
  const init = skipWrappers(binding.init);
  return (init.type === T.NewExpression || init.type === T.CallExpression) && /Error$/.test(calleeName(init) ?? '');
}

function carriesStatusObject(object: TSESTree.ObjectExpression): boolean {
  if (!findProperty(object, 'status') && !findProperty(object, 'statusCode')) return false;
  const parent = object.parent;
  if (parent?.type === T.ThrowStatement) return true;
  if (parent?.type === T.CallExpression && parent.arguments.includes(object)) {
    const name = calleeName(parent);
    if (name && ERROR_CARRIERS.has(name)) return true;
    // Object.assign(new Error(m), { status })
    return name === 'assign' && isNewError(parent.arguments[0]);
  }
  return false;
}

function isNewError(node: Node | undefined): boolean {
  const value = node && skipWrappers(node);
  return !!value && (value.type === T.NewExpression || value.type === T.CallExpression) && /Error$/.test(calleeName(value) ?? '');
}

function assignedStatusSite(
  assignment: TSESTree.AssignmentExpression,
  target: TSESTree.MemberExpression,
  context: AdapterContext,
): ResponseSite | null {
  const { sourceCode } = context;
  const status = resolveStatus(sourceCode, assignment.right);
  if (!status) return null;
  const errorName = sourceCode.getText(target.object);
  const handle = handleKey(sourceCode, target.object);
  const binding = bindingOf(sourceCode, skipWrappers(target.object) as TSESTree.Identifier);
  const created = binding ? skipWrappers(binding.init) : null;
  const messages = created && (created.type === T.NewExpression || created.type === T.CallExpression) ? [...created.arguments] : [];
  return {
    framework: 'error-object',
    node: assignment.right,
    status,
    messages,
    carriers: [],
    hasHeader(name) {
      return handle !== null && context.headers.has(handle, name, assignment);
    },
    edit: (fixer, edit) =>
      combineParts(
        statusEdit(fixer, sourceCode, status, edit),
        headerAddition(edit, (header) =>
          insertStatementAfter(fixer, sourceCode, assignment, `${errorName}.headers = { ...${errorName}.headers, ${jsString(header.name)}: ${jsString(header.value)} };`),
        ),
      ),
  };
}

function objectSite(object: TSESTree.ObjectExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const property = findProperty(object, 'status') ?? findProperty(object, 'statusCode');
  if (!property) return null;
  const status = resolveStatus(sourceCode, property.value);
  if (!status) return null;
  const headersProperty = findProperty(object, 'headers');
  const ownHeaders = headersProperty ? headerNamesOfObject(headersProperty.value, context.sourceCode) : [];
  if (object.properties.some((p) => p.type === T.SpreadElement)) ownHeaders.push('*');
  const messages: Node[] = object.properties.filter(
    (p): p is TSESTree.Property => p.type === T.Property && /^(message|error|msg|detail|description|reason|code)$/i.test(keyName(p) ?? ''),
  ).map((p) => p.value);
  const parent = object.parent;
  if (parent?.type === T.CallExpression && calleeName(parent) === 'assign') {
    const created = skipWrappers(parent.arguments[0]!);
    if (created.type === T.NewExpression || created.type === T.CallExpression) messages.push(...created.arguments);
  }
  return {
    framework: 'error-object',
    node: property.value,
    status,
    messages,
    carriers: carriersOf(object),
    hasHeader(name) {
      return ownHeaders.includes(name) || ownHeaders.includes('*');
    },
    edit(fixer, edit) {
      const removal = edit.removeHeader ? removeHeaderFromOptions(fixer, sourceCode, object, edit.removeHeader) : null;
      return combineParts(
        statusEdit(fixer, sourceCode, status, edit),
        headerAddition(edit, (header) => addHeaderToOptions(fixer, sourceCode, object, header)),
        removal ? [removal.fix] : [],
      );
    },
  };
}

/** Headers attached by wrapping the error: `Object.assign(new Unauthorized(msg), { headers: { … } })`. */
export function assignedHeaderNames(created: Node): string[] {
  const parent = created.parent;
  if (parent?.type !== T.CallExpression || parent.arguments[0] !== created || calleeName(parent) !== 'assign') return [];
  return parent.arguments.slice(1).flatMap((argument) => {
    const value = skipWrappers(argument);
    if (value.type !== T.ObjectExpression) return ['*'];
    const headers = findProperty(value, 'headers');
    return headers ? headerNamesOfObject(headers.value) : [];
  });
}

/** The variable an error is stored in (`const err = createError(401)`), so `err.headers = …` counts. */
export function errorHandleOf(sourceCode: SourceCode, created: Node): HandleKey | null {
  let current = created;
  while (current.parent && skipWrappers(current.parent) === skipWrappers(current)) current = current.parent;
  const parent = current.parent;
  if (parent?.type === T.VariableDeclarator && parent.init === current && parent.id.type === T.Identifier) {
    return handleKey(sourceCode, parent.id);
  }
  if (parent?.type === T.AssignmentExpression && parent.right === current && parent.left.type === T.Identifier) {
    return handleKey(sourceCode, parent.left);
  }
  return null;
}

/** The calls an error value is passed through: `next(createError(401))` → ['next']. */
export function carriersOf(node: Node): string[] {
  const names: string[] = [];
  let current = node;
  while (current.parent) {
    const parent = current.parent;
    if ((parent.type === T.CallExpression || parent.type === T.NewExpression) && parent.arguments.includes(current as never)) {
      const callee = skipWrappers(parent.callee);
      const name = calleeName(parent);
      if (name) names.push(name);
      if (callee.type === T.MemberExpression) names.push(sourceTextOfMember(callee));
      current = parent;
    } else if (skipWrappers(parent) === skipWrappers(current) || parent.type === T.ReturnStatement) {
      current = parent;
    } else {
      break;
    }
  }
  return names;
}

function sourceTextOfMember(member: TSESTree.MemberExpression): string {
  const parts: string[] = [];
  let current: Node = member;
  while (current.type === T.MemberExpression) {
    const name = propertyName(current);
    if (name === null) break;
    parts.unshift(name);
    current = skipWrappers(current.object);
  }
  if (current.type === T.Identifier) parts.unshift(current.name);
  return parts.join('.');
}
