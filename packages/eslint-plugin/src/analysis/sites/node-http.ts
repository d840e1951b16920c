import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { propertyName, skipWrappers, staticString } from '../ast';
import { jsString } from '../challenge';
import { addToObjectLiteral, combineParts, headerAddition, headerProperty, insertStatementBefore, removableHeaderProperty, removeListElement, statusEdit } from '../edits';
import { handleKey, headerNamesOfObject } from '../handles';
import { followingStatements, isResponseName, isTestChain } from '../response-object';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, RuleFix, SiteAdapter } from '../types';

/** node:http `ServerResponse`: `res.writeHead(n, headers?)`, `res.statusCode = n`, `res.setHeader(name, value)`. */
export const nodeHttpAdapter: SiteAdapter = {
  framework: 'node-http',
  nodeTypes: [T.CallExpression, T.AssignmentExpression],
  visit(node, context) {
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression) {
      const method = propertyName(node.callee);
      if (method === 'writeHead' && node.arguments.length >= 1) {
        const site = writeHeadSite(node, context);
        if (site) context.addSite(site);
      }
    } else if (node.type === T.AssignmentExpression && node.operator === '=' && node.left.type === T.MemberExpression) {
      if (propertyName(node.left) === 'statusCode' && isResponseName(node.left.object)) {
        const site = statusCodeSite(node, node.left, context);
        if (site) context.addSite(site);
      }
    }
  },
};

function writeHeadSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  if (isTestChain(call)) return null;
  const [statusArgument, second, third] = call.arguments;
  if (!statusArgument || statusArgument.type === T.SpreadElement) return null;
  const status = resolveStatus(sourceCode, statusArgument);
  if (!status) return null;
  const receiver = (call.callee as TSESTree.MemberExpression).object;
  const handle = handleKey(sourceCode, receiver);
  // `writeHead(401, 'Login required to ' + name)`: the optional second argument is the status message.
  const statusMessage = second && second.type !== T.SpreadElement && isStringValued(second) ? second : null;
  const headersArgument = statusMessage ? third : second;
  const ownHeaders = headersArgument && headersArgument.type !== T.SpreadElement ? headerNamesOfObject(headersArgument, context.sourceCode) : [];

  return {
    framework: 'node-http',
    node: statusArgument,
    status,
    messages: [...(statusMessage ? [statusMessage] : []), ...endedWith(call)],
    carriers: [],
    hasHeader(name) {
      if (ownHeaders.includes(name) || ownHeaders.includes('*')) return true;
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      const added = headerAddition(edit, (header) => {
        const headers = headersArgument ? skipWrappers(headersArgument) : null;
        if (headers?.type === T.ObjectExpression) return addToObjectLiteral(fixer, sourceCode, headers, headerProperty(header));
        if (headersArgument) return null;
        return fixer.insertTextAfter(call.arguments[call.arguments.length - 1]!, `, { ${headerProperty(header)} }`);
      });
      const removal: RuleFix[] = [];
      const header = edit.removeHeader && headersArgument ? removableHeaderProperty(sourceCode, headersArgument, edit.removeHeader) : null;
      if (header) {
        const headers = skipWrappers(headersArgument!) as TSESTree.ObjectExpression;
        removal.push(
          headers.properties.length === 1
            ? removeListElement(fixer, sourceCode, call.arguments, headersArgument!)
            : removeListElement(fixer, sourceCode, headers.properties, header),
        );
      }
      return combineParts(statusEdit(fixer, sourceCode, status, edit), added, removal);
    },
  };
}

function statusCodeSite(
  assignment: TSESTree.AssignmentExpression,
  target: TSESTree.MemberExpression,
  context: AdapterContext,
): ResponseSite | null {
  const { sourceCode } = context;
  const status = resolveStatus(sourceCode, assignment.right);
  if (!status) return null;
  const handle = handleKey(sourceCode, target.object);
  const receiverText = sourceCode.getText(target.object);
  return {
    framework: 'node-http',
    node: assignment.right,
    status,
    messages: endedWith(assignment),
    carriers: [],
    hasHeader(name) {
      return handle !== null && context.headers.has(handle, name, assignment);
    },
    edit: (fixer, edit) =>
      combineParts(
        statusEdit(fixer, sourceCode, status, edit),
        headerAddition(edit, (header) =>
          insertStatementBefore(fixer, sourceCode, assignment, `${receiverText}.setHeader(${jsString(header.name)}, ${jsString(header.value)});`),
        ),
      ),
  };
}

/** `res.end('…')` / `res.write('…')` right after the status, on the same response. */
function endedWith(node: TSESTree.Node) {
  const messages: TSESTree.Node[] = [];
  for (const statement of followingStatements(node, 3)) {
    const expression =
      statement.type === T.ExpressionStatement ? statement.expression : statement.type === T.ReturnStatement ? statement.argument : null;
    const call = expression ? skipWrappers(expression) : null;
    if (call?.type !== T.CallExpression || call.callee.type !== T.MemberExpression) continue;
    const method = propertyName(call.callee);
    if (method === 'end' || method === 'write' || method === 'send' || method === 'json') messages.push(...call.arguments);
  }
  return messages;
}

/** A string literal, a template, or a concatenation that starts with or contains one. */
function isStringValued(node: TSESTree.Expression): boolean {
  const value = skipWrappers(node);
  if (staticString(value) !== null || value.type === T.TemplateLiteral) return true;
  return value.type === T.BinaryExpression && value.operator === '+' && (isStringValued(value.left as TSESTree.Expression) || isStringValued(value.right));
}
