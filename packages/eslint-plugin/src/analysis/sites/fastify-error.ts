import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, propertyName, requiredModule, skipWrappers, type Node, type SourceCode } from '../ast';
import { statusOnlyEdit } from '../edits';
import { resolveStatus, type StatusValue } from '../status';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { isModuleObject } from './transport-code';

const MODULE = '@fastify/error';
const MODULE_PATTERN = /^@fastify\/error$/;

/**
 * @fastify/error: `const NoTokenError = createError('FST_NO_TOKEN', 'No token', 401)` defines an error class whose
 * `statusCode` Fastify's error handler answers with, copying only an `error.headers` object it carries (none here).
 * The definition is the site of its status and of its missing challenge; a `new NoTokenError()` is a site of the
 * same status whose reason lies around the throw, its challenge decided at the definition.
 */
export const fastifyErrorAdapter: SiteAdapter = {
  framework: 'fastify',
  nodeTypes: [T.CallExpression, T.NewExpression],
  mentions: /@fastify\/error/,
  visit(node, context) {
    if (node.type !== T.CallExpression && node.type !== T.NewExpression) return;
    const { sourceCode } = context;
    if (node.type === T.CallExpression && isErrorFactory(sourceCode, node.callee)) {
      const site = definitionSite(node, context);
      if (site) context.addSite(site);
      return;
    }
    const callee = skipWrappers(node.callee);
    const definition = callee.type === T.Identifier ? definitionOf(sourceCode, callee) : null;
    const status = definition && statusOfDefinition(sourceCode, definition);
    if (status) context.addSite(constructionSite(node, callee as TSESTree.Identifier, status));
  },
};

function definitionSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const status = statusOfDefinition(sourceCode, call);
  if (!status) return null;
  const declarator = call.parent?.type === T.VariableDeclarator && call.parent.init === call ? call.parent : null;
  const names: Node[] = declarator?.id.type === T.Identifier ? [declarator.id] : [];
  return {
    framework: 'fastify',
    node: status.node ?? call,
    status,
    messages: call.arguments[1] ? [call.arguments[1]] : [],
    names,
    hasHeader: () => false,
    // The class can carry no headers of its own; the challenge belongs where the error is thrown or rendered.
    edit: statusOnlyEdit(sourceCode, status),
    carriers: [],
  };
}

function constructionSite(call: TSESTree.CallExpression | TSESTree.NewExpression, callee: TSESTree.Identifier, status: StatusValue): ResponseSite {
  return {
    framework: 'fastify',
    node: call,
    status: { ...status, node: call },
    messages: [],
    names: [callee],
    hasHeader: () => false,
    renderedOutOfView: true,
    // The status is the class's: changing it means changing the definition, which other throws share.
    edit: () => null,
    carriers: carriersOf(call),
  };
}

/** The status a definition gives its class: the third argument (Fastify's default is 500). */
function statusOfDefinition(sourceCode: SourceCode, call: TSESTree.CallExpression): StatusValue | null {
  const argument = call.arguments[2];
  return argument && argument.type !== T.SpreadElement ? resolveStatus(sourceCode, argument) : null;
}

/** The `createError(…)` call a class name is bound to, when it is @fastify/error's. */
function definitionOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.CallExpression | null {
  const binding = bindingOf(sourceCode, identifier);
  if (binding?.kind !== 'const' || binding.key !== undefined) return null;
  const init = skipWrappers(binding.init);
  return init.type === T.CallExpression && isErrorFactory(sourceCode, init.callee) ? init : null;
}

/**
 * @fastify/error's factory: its default or `createError` export, imported or required (`bindingOf` reads
 * `const { createError } = require(…)` as an import), or `require('@fastify/error').createError` itself.
 */
function isErrorFactory(sourceCode: SourceCode, callee: Node): boolean {
  const value = skipWrappers(callee);
  if (value.type === T.MemberExpression) {
    if (propertyName(value) !== 'createError') return false;
    const object = skipWrappers(value.object);
    if (object.type === T.CallExpression) return requiredModule(object) === MODULE;
    return object.type === T.Identifier && isModuleObject(sourceCode, object, MODULE_PATTERN);
  }
  if (value.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, value);
  return binding?.kind === 'import' && binding.module === MODULE && (binding.imported === 'default' || binding.imported === 'createError');
}
