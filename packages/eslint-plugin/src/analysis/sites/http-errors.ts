import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, propertyName, skipWrappers, staticString, type Node, type SourceCode } from '../ast';
import { addHeaderToOptions, combineParts, headerAddition, headerProperty, removeHeaderFromOptions, removeListElement, statusEdit } from '../edits';
import { headerNamesOfObject } from '../handles';
import { resolveStatus, type StatusValue } from '../status';
import { statusFromName, statusName } from '../status-names';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { assignedHeaderNames, carriersOf, errorHandleOf } from './error-objects';

/** `@loopback/rest` re-exports http-errors as `HttpErrors`, but LoopBack ignores `err.headers`: loopback.ts owns it. */
const HTTP_ERRORS_MODULES = new Set(['http-errors', 'createerror']);
const HTTP_ERRORS_NAMES = new Set(['createError', 'createHttpError', 'httpErrors', 'HttpErrors', 'createHttpErrors', 'httpError']);

/**
 * http-errors: `createError(n, msg, { headers })` (arguments in any order), `createError.Forbidden(msg)`,
 * `new createError.Unauthorized()`, `createError[401]()`. Express', Koa's and Fastify's error handlers copy
 * the error's `headers` to the response.
 */
export const httpErrorsAdapter: SiteAdapter = {
  framework: 'http-errors',
  nodeTypes: [T.CallExpression, T.NewExpression],
  mentions: /http-errors|createerror|createError|createHttpError|[hH]ttpError/,
  visit(node, context) {
    if (node.type !== T.CallExpression && node.type !== T.NewExpression) return;
    const callee = skipWrappers(node.callee);
    if (callee.type === T.Identifier && isHttpErrorsBinding(context.sourceCode, callee)) {
      const site = factorySite(node, context);
      if (site) context.addSite(site);
    } else if (callee.type === T.Identifier) {
      // import { Unauthorized } from 'http-errors'; new Unauthorized()
      const binding = bindingOf(context.sourceCode, callee);
      const code = binding?.kind === 'import' && binding.module && HTTP_ERRORS_MODULES.has(binding.module) && binding.imported
        ? statusFromName(binding.imported)
        : undefined;
      if (code !== undefined) context.addSite(namedSite(node, callee, null, code, context));
    } else if (callee.type === T.MemberExpression) {
      const object = skipWrappers(callee.object);
      if (object.type !== T.Identifier || !isHttpErrorsBinding(context.sourceCode, object)) return;
      const name = propertyName(callee);
      const code = name === null ? undefined : /^\d{3}$/.test(name) ? Number(name) : statusFromName(name);
      if (code === undefined || !name || !/^([A-Z]|\d)/.test(name)) return;
      context.addSite(namedSite(node, callee, object, code, context));
    }
  },
};

function isHttpErrorsBinding(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const binding = bindingOf(sourceCode, identifier);
  if (binding?.kind === 'import') {
    if (binding.module && HTTP_ERRORS_MODULES.has(binding.module)) {
      // The factory itself, not a named class (`import { Unauthorized } from 'http-errors'`).
      return binding.imported === 'default' || binding.imported === '*' || HTTP_ERRORS_NAMES.has(binding.imported ?? '');
    }
    // A project wrapper re-exporting it (`import createError from '../lib/errors'`).
    return binding.module?.startsWith('.') === true && HTTP_ERRORS_NAMES.has(identifier.name);
  }
  return binding === null && HTTP_ERRORS_NAMES.has(identifier.name);
}

/**
 * An http-errors style call: status, message and properties in any order among `args` (by default all the
 * call's arguments; Koa's `ctx.assert(cond, …)` passes the ones after the condition).
 */
export function factorySite(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  context: AdapterContext,
  args: readonly TSESTree.CallExpressionArgument[] = call.arguments,
): ResponseSite | null {
  const { sourceCode } = context;
  let status: StatusValue | null = null;
  let options: TSESTree.ObjectExpression | null = null;
  let unknownProperties = false;
  const messages: Node[] = [];
  for (const argument of args) {
    if (argument.type === T.SpreadElement) return null;
    const value = skipWrappers(argument);
    if (!status && (value.type === T.Literal || value.type === T.Identifier || value.type === T.MemberExpression)) {
      const resolved = resolveStatus(sourceCode, argument);
      if (resolved) {
        status = resolved;
        continue;
      }
    }
    if (value.type === T.ObjectExpression) {
      options = value;
      messages.push(value);
    } else {
      messages.push(argument, ...errorMessageOf(sourceCode, value));
      if (mayBeProperties(value)) unknownProperties = true;
    }
  }
  if (!status) return null;
  const ownHeaders = [...(options ? ownHeaderNames(options) : []), ...assignedHeaderNames(call), ...(unknownProperties ? ['*'] : [])];
  const handle = errorHandleOf(sourceCode, call);
  const resolvedStatus = status;
  return {
    framework: 'http-errors',
    node: resolvedStatus.node!,
    status: resolvedStatus,
    messages,
    carriers: carriersOf(call),
    hasHeader(name) {
      if (ownHeaders.includes(name) || ownHeaders.includes('*')) return true;
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      const added = headerAddition(edit, (header) =>
        options
          ? addHeaderToOptions(fixer, sourceCode, options, header)
          : fixer.insertTextAfter(args[args.length - 1]!, `, { headers: { ${headerProperty(header)} } }`),
      );
      const removal = edit.removeHeader && options ? removeHeaderFromOptions(fixer, sourceCode, options, edit.removeHeader) : null;
      const removed = removal ? [removal.emptied ? removeListElement(fixer, sourceCode, call.arguments, options!) : removal.fix] : [];
      return combineParts(statusEdit(fixer, sourceCode, resolvedStatus, edit), added, removed);
    },
  };
}

/**
 * An Error passed in (`ctx.throw(401, err)` with `const err = new Error('Invalid token')`): http-errors answers
 * with that error, so its message is the response's text.
 */
function errorMessageOf(sourceCode: SourceCode, value: Node): Node[] {
  if (value.type !== T.Identifier) return [];
  const binding = bindingOf(sourceCode, value);
  const init = binding?.kind === 'const' && binding.key === undefined ? skipWrappers(binding.init) : null;
  const message = init?.type === T.NewExpression ? init.arguments[0] : undefined;
  return message && message.type !== T.SpreadElement ? [message] : [];
}

/** http-errors treats any non-string, non-number argument as properties, which may carry `headers`. */
function mayBeProperties(value: Node): boolean {
  if (value.type === T.Literal || value.type === T.TemplateLiteral || value.type === T.BinaryExpression) return false;
  // `cond ? 'No token' : 'Bad token'`, `err.message || 'Unauthorized'`: properties only if a branch may be.
  if (value.type === T.ConditionalExpression) return mayBeProperties(skipWrappers(value.consequent)) || mayBeProperties(skipWrappers(value.alternate));
  if (value.type === T.LogicalExpression) return mayBeProperties(skipWrappers(value.left)) || mayBeProperties(skipWrappers(value.right));
  if (value.type === T.Identifier) return !/(^|[a-z])(msg|message|text|reason|description|detail|error|err|e)$/i.test(value.name);
  return value.type === T.MemberExpression ? !/message|msg|text|reason/i.test(propertyName(value) ?? '') : true;
}

function ownHeaderNames(options: TSESTree.ObjectExpression): string[] {
  const names: string[] = [];
  for (const property of options.properties) {
    if (property.type === T.SpreadElement) names.push('*');
    else if (property.type === T.Property && (propertyKey(property) ?? 'headers') === 'headers') {
      names.push(...headerNamesOfObject(property.value));
    }
  }
  return names;
}

function propertyKey(property: TSESTree.Property): string | null {
  if (!property.computed && property.key.type === T.Identifier) return property.key.name;
  return staticString(property.key);
}

/** `createError.Forbidden(msg)`: the status is in the name; a header needs the factory form with properties. */
function namedSite(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  callee: TSESTree.MemberExpression | TSESTree.Identifier,
  factory: TSESTree.Identifier | null,
  code: number,
  context: AdapterContext,
): ResponseSite {
  const nameNode = callee.type === T.MemberExpression ? callee.property : callee;
  const { sourceCode } = context;
  const handle = errorHandleOf(sourceCode, call);
  const ownHeaders = assignedHeaderNames(call);
  const messages = call.arguments.filter((argument) => argument.type !== T.SpreadElement);
  return {
    framework: 'http-errors',
    node: nameNode,
    status: { code, node: null, form: { kind: 'literal' } },
    messages,
    carriers: carriersOf(call),
    hasHeader(name) {
      if (ownHeaders.includes(name) || ownHeaders.includes('*')) return true;
      return handle !== null && context.headers.has(handle, name, call);
    },
    edit(fixer, edit) {
      const newCode = edit.status ?? code;
      if (!edit.addHeader) {
        const name = statusName(newCode, 'PascalCase');
        return name && factory ? [fixer.replaceText(nameNode, name)] : null;
      }
      if (!factory && edit.status === undefined) {
        // Keep the named class; attach the headers the error handlers copy.
        return [fixer.replaceText(call, `Object.assign(${sourceCode.getText(call)}, { headers: { ${headerProperty(edit.addHeader)} } })`)];
      }
      if (!factory || call.arguments.length > 1 || call.arguments.some((argument) => argument.type === T.SpreadElement)) return null;
      const message = call.arguments[0] ? `${sourceCode.getText(call.arguments[0])}, ` : '';
      const headers = `{ headers: { ${headerProperty(edit.addHeader)} } }`;
      return [fixer.replaceText(call, `${factory.name}(${newCode}, ${message}${headers})`)];
    },
  };
}
