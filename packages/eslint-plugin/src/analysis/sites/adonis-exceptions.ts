import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, keyName, skipWrappers, words, type Node } from '../ast';
import { statusOnlyEdit } from '../edits';
import { resolveStatus } from '../status';
import type { AdapterContext, ResponseSite, SiteAdapter } from '../types';
import { classMessages, constructorOf } from './custom-errors';

/** Where AdonisJS exports the base class its framework renders (v6, v5, and the utilities both build on). */
const EXCEPTION_MODULE = /^(@adonisjs\/core\/exceptions|@adonisjs\/core\/build\/standalone|@adonisjs\/generic-exceptions|@poppinss\/utils)$/;
/** Words of HTTP's own names for 401 and 403, which say which status, not why. */
const STATUS_WORDS: ReadonlySet<string> = new Set(['unauthorized', 'unauthorised', 'forbidden']);
/** Methods with which an exception renders itself: its own response decides the headers. */
const SELF_RENDERING = new Set(['handle', 'render']);

/**
 * AdonisJS exceptions: a class over `Exception` that fixes its status, `static status = 400` (v6) or
 * `super(message, 400, code)` (v5). The framework answers with that status and the message, and sets no header; a
 * class with a `handle` or `render` method answers itself, so whether that answer carries a challenge is decided
 * there. The class's name or code (`E_INVALID_CREDENTIALS`) says what failed.
 */
export const adonisExceptionsAdapter: SiteAdapter = {
  framework: 'adonis',
  nodeTypes: [T.ClassDeclaration, T.ClassExpression],
  visit(node, context) {
    if (node.type !== T.ClassDeclaration && node.type !== T.ClassExpression) return;
    const site = exceptionSite(node, context);
    if (site) context.addSite(site);
  },
};

function exceptionSite(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const base = declaration.superClass && skipWrappers(declaration.superClass);
  if (base?.type !== T.Identifier) return null;
  const binding = bindingOf(sourceCode, base);
  if (binding?.kind !== 'import' || !EXCEPTION_MODULE.test(binding.module ?? '') || binding.imported !== 'Exception') return null;
  const statusNode = staticStatus(declaration) ?? superStatus(declaration);
  const status = statusNode && resolveStatus(sourceCode, statusNode);
  if (!status || status.code < 400) return null;
  const declarator = declaration.parent?.type === T.VariableDeclarator ? declaration.parent : null;
  const name = declaration.id ?? (declarator?.id.type === T.Identifier ? declarator.id : null);
  // `E_UNAUTHORIZED_ACCESS` with 401: the name restates the status, it does not say why.
  const namesReason = name !== null && !words(name.name).some((word) => STATUS_WORDS.has(word));
  const selfRendering = declaration.body.body.some((member) => member.type === T.MethodDefinition && SELF_RENDERING.has(keyName(member) ?? ''));
  return {
    framework: 'adonis',
    node: statusNode,
    status,
    messages: classMessages(declaration, statusNode),
    names: name && namesReason ? [name] : [],
    hasHeader: () => false,
    ...(selfRendering ? { renderedOutOfView: true as const } : {}),
    // The class can carry no header; only its status can change here.
    edit: statusOnlyEdit(sourceCode, status),
    carriers: [],
  };
}

/** `static status = 400` (v6). */
function staticStatus(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Node | null {
  for (const member of declaration.body.body) {
    if (member.type === T.PropertyDefinition && member.static && keyName(member) === 'status' && member.value) return member.value;
  }
  return null;
}

/** `super(message, 400, 'E_CODE')` in the constructor (v5). */
function superStatus(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Node | null {
  for (const statement of constructorOf(declaration)?.value.body?.body ?? []) {
    const expression = statement.type === T.ExpressionStatement ? skipWrappers(statement.expression) : null;
    if (expression?.type === T.CallExpression && expression.callee.type === T.Super) {
      const argument = expression.arguments[1];
      return argument && argument.type !== T.SpreadElement ? argument : null;
    }
  }
  return null;
}
