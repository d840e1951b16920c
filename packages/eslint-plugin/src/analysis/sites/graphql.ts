import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, skipWrappers, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { addToObjectLiteral, findProperty, statusEdit } from '../edits';
import { headerNamesOfObject } from '../handles';
import { resolveStatus } from '../status';
import { statusFromName } from '../status-names';
import type { ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { ensureNamedImport } from './named-import';
import { classMessages } from './custom-errors';
import { codeForEdit, codeSite, impliedStatus, isImportOf, quotedCode, statusOfCode, stringCode, type CodePair } from './transport-code';

/** The `extensions.code` convention of graphql-js servers (Apollo Server's `ApolloServerErrorCode` and its v3 classes). */
const GRAPHQL_CODES: CodePair = { credential: 'UNAUTHENTICATED', permission: 'FORBIDDEN' };
const GRAPHQL_MODULE = /^graphql(\/|$)/;
const GRAPHQL_TOOLS_MODULE = /^@graphql-tools\/utils$/;
/** Apollo Server 3's error classes, and the code each one sends. */
const APOLLO_MODULE = /^(apollo-server(-[\w-]+)?|@apollo\/server)$/;
const APOLLO_CLASSES: CodePair = { credential: 'AuthenticationError', permission: 'ForbiddenError' };
/** graphql-js' positional constructor: `(message, nodes, source, positions, path, originalError, extensions)`. */
const POSITIONAL_EXTENSIONS = 6;

/**
 * GraphQL: `new GraphQLError(message, { extensions: { code, http: { status, headers } } })` (graphql-js 16/17,
 * and the positional form's seventh argument), and Apollo Server 3's `new AuthenticationError(msg)` /
 * `new ForbiddenError(msg)`. The code is what clients read; Apollo Server 4+ sends `extensions.http` as the HTTP
 * status and headers (a `Map`), so an `http` status of 401 is an HTTP 401 that needs its challenge.
 */
export const graphqlAdapter: SiteAdapter = {
  framework: 'graphql',
  nodeTypes: [T.NewExpression, T.CallExpression, T.ClassDeclaration],
  mentions: /graphql|GraphQLError|apollo/,
  visit(node, context) {
    if (node.type === T.ClassDeclaration) {
      const site = errorClassSite(context.sourceCode, node);
      if (site) context.addSite(site);
      return;
    }
    if (node.type === T.CallExpression) {
      // `createGraphQLError(message, options)` (@graphql-tools/utils): builds a GraphQLError from the same options.
      const callee = skipWrappers(node.callee);
      const site = callee.type === T.Identifier && isImportOf(context.sourceCode, callee, 'createGraphQLError', GRAPHQL_TOOLS_MODULE) ? graphqlErrorSite(context.sourceCode, node) : null;
      if (site) context.addSite(site);
      return;
    }
    if (node.type !== T.NewExpression) return;
    const { sourceCode } = context;
    const callee = skipWrappers(node.callee);
    if (callee.type !== T.Identifier) return;
    const site = isImportOf(sourceCode, callee, 'GraphQLError', GRAPHQL_MODULE, true)
      ? graphqlErrorSite(sourceCode, node)
      : apolloClassSite(sourceCode, node, callee);
    if (site) context.addSite(site);
  },
};

type ErrorConstruction = TSESTree.NewExpression | TSESTree.CallExpression;

function objectArgument(node: ErrorConstruction, index: number): TSESTree.ObjectExpression | null {
  const argument = node.arguments[index];
  const value = argument && argument.type !== T.SpreadElement ? skipWrappers(argument) : null;
  return value?.type === T.ObjectExpression ? value : null;
}

function extensionsOf(node: ErrorConstruction): TSESTree.ObjectExpression | null {
  const options = node.arguments.length > 2 ? null : objectArgument(node, 1);
  const extensions = options ? findProperty(options, 'extensions')?.value : null;
  if (extensions) {
    const value = skipWrappers(extensions);
    return value.type === T.ObjectExpression ? value : null;
  }
  return objectArgument(node, POSITIONAL_EXTENSIONS);
}

/** `status: options?.statusCode ?? 401`: the status sent when the caller does not choose one. */
function httpStatusOf(sourceCode: SourceCode, node: Node) {
  const value = skipWrappers(node);
  const fallback = value.type === T.LogicalExpression && (value.operator === '??' || value.operator === '||') ? value.right : null;
  return resolveStatus(sourceCode, node) ?? (fallback ? resolveStatus(sourceCode, fallback) : null);
}

function graphqlErrorSite(sourceCode: SourceCode, node: ErrorConstruction): ResponseSite | null {
  const extensions = extensionsOf(node);
  if (!extensions) return null;
  const message = node.arguments[0] && node.arguments[0].type !== T.SpreadElement ? [node.arguments[0]] : [];
  const codeNode = findProperty(extensions, 'code')?.value;
  const code = codeNode ? stringCode(sourceCode, codeNode) : null;
  const codeStatus = code ? statusOfCode(GRAPHQL_CODES, code.value) : null;
  const httpValue = findProperty(extensions, 'http')?.value;
  const http = httpValue && skipWrappers(httpValue);
  const statusNode = http?.type === T.ObjectExpression ? findProperty(http, 'status')?.value : undefined;
  const httpStatus = statusNode ? httpStatusOf(sourceCode, statusNode) : null;
  if (!httpStatus) {
    if (!codeNode || !code || codeStatus === null) return null;
    return codeSite(sourceCode, {
      framework: 'graphql',
      codeNode,
      status: codeStatus,
      pair: GRAPHQL_CODES,
      rewrite: code.rewrite,
      messages: message,
      carriers: carriersOf(node),
    });
  }
  // An HTTP status of its own: judged as HTTP, with the code (when it is one of the pair) kept in step.
  const httpObject = http as TSESTree.ObjectExpression;
  const headers = findProperty(httpObject, 'headers')?.value;
  const headerNames = headers ? headersOfMap(headers) : [];
  const pairCode = codeNode && code && codeStatus !== null ? { node: codeNode, rewrite: code.rewrite } : null;
  return {
    framework: 'graphql',
    node: httpStatus.node!,
    status: httpStatus,
    messages: message,
    carriers: carriersOf(node),
    transport: pairCode
      ? {
          written: quotedCode(sourceCode, pairCode.node),
          credential: `\`${pairCode.rewrite(GRAPHQL_CODES.credential)}\``,
          permission: `\`${pairCode.rewrite(GRAPHQL_CODES.permission)}\``,
          challenge: true,
        }
      : undefined,
    hasHeader: (name) => headerNames.includes(name) || headerNames.includes('*'),
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, httpStatus, edit);
      if (!fixes) return null;
      const newCode = pairCode ? codeForEdit(GRAPHQL_CODES, edit) : null;
      if (pairCode && newCode && newCode !== code!.value) fixes.push(fixer.replaceText(pairCode.node, pairCode.rewrite(newCode)));
      if (edit.addHeader) {
        const fix = addMapHeader(fixer, sourceCode, httpObject, headers, edit.addHeader);
        if (!fix) return null;
        fixes.push(fix);
      }
      return fixes;
    },
  };
}

/** Header names of `new Map([[name, value], …])` / `new HeaderMap(…)`; `*` for anything else. */
function headersOfMap(headers: Node): string[] {
  const value = skipWrappers(headers);
  if (value.type !== T.NewExpression) return ['*'];
  const entries = value.arguments[0];
  if (!entries) return [];
  return entries.type === T.SpreadElement ? ['*'] : headerNamesOfObject(entries);
}

/** Adds `headers: new Map([[name, value]])` to the `http` extension, or an entry to its `new Map([...])`. */
function addMapHeader(
  fixer: RuleFixer,
  sourceCode: SourceCode,
  http: TSESTree.ObjectExpression,
  headers: Node | undefined,
  header: { name: string; value: string },
): RuleFix | null {
  const entry = `[${jsString(header.name)}, ${jsString(header.value)}]`;
  if (!headers) return addToObjectLiteral(fixer, sourceCode, http, `headers: new Map([${entry}])`);
  const value = skipWrappers(headers);
  const entries = value.type === T.NewExpression ? value.arguments[0] : undefined;
  if (entries?.type !== T.ArrayExpression) return null;
  const last = entries.elements[entries.elements.length - 1];
  return last ? fixer.insertTextAfter(last, `, ${entry}`) : fixer.replaceText(entries, `[${entry}]`);
}

/** Apollo Server 3: `new ForbiddenError(msg)` → `new AuthenticationError(msg)` (imported next to it), and back. */
function apolloClassSite(sourceCode: SourceCode, node: TSESTree.NewExpression, callee: TSESTree.Identifier): ResponseSite | null {
  const status = statusOfCode(APOLLO_CLASSES, callee.name);
  if (status === null || !isImportOf(sourceCode, callee, callee.name, APOLLO_MODULE)) return null;
  const module = bindingOf(sourceCode, callee)!.module!;
  const message = node.arguments[0] && node.arguments[0].type !== T.SpreadElement ? [node.arguments[0]] : [];
  const site = codeSite(sourceCode, {
    framework: 'graphql',
    codeNode: callee,
    status,
    pair: APOLLO_CLASSES,
    rewrite: (name) => name,
    messages: message,
    carriers: carriersOf(node),
  });
  return {
    ...site,
    edit(fixer, edit) {
      const fixes = site.edit(fixer, edit);
      const name = codeForEdit(APOLLO_CLASSES, edit);
      if (!fixes || fixes.length === 0 || !name) return fixes;
      const imports = ensureNamedImport(fixer, sourceCode, module, name);
      return imports ? [...imports, ...fixes] : null;
    },
  };
}

/** How deep a chain of the module's own GraphQL error classes is followed (`Unauthorized` → `AppError` → `GraphQLError`). */
const MAX_CLASS_DEPTH = 4;

/** Does `declaration` extend graphql-js' `GraphQLError` (or Apollo's `ApolloError`), itself or through a class of this module? */
function extendsGraphqlError(sourceCode: SourceCode, declaration: TSESTree.ClassDeclaration, depth = 0): boolean {
  const base = declaration.superClass && skipWrappers(declaration.superClass);
  if (base?.type !== T.Identifier || depth > MAX_CLASS_DEPTH) return false;
  if (isImportOf(sourceCode, base, 'GraphQLError', GRAPHQL_MODULE) || isImportOf(sourceCode, base, 'ApolloError', APOLLO_MODULE)) return true;
  const local = sourceCode.ast.body
    .map((statement) => (statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration ? statement.declaration : statement))
    .find((candidate): candidate is TSESTree.ClassDeclaration => candidate?.type === T.ClassDeclaration && candidate.id?.name === base.name);
  return !!local && local !== declaration && extendsGraphqlError(sourceCode, local, depth + 1);
}

/**
 * A project's GraphQL error class named for what it answers (`class Unauthorized extends AppError`, `Forbidden`),
 * the HTTP names of the two failures: its name says which one it is. The site is the class, so the project index
 * gives `new Unauthorized(…)` in other modules that meaning; the fix there switches to the sibling class. The class
 * carries no HTTP response, so the challenge is not judged here.
 */
function errorClassSite(sourceCode: SourceCode, declaration: TSESTree.ClassDeclaration): ResponseSite | null {
  const id = declaration.id;
  const code = id ? statusFromName(id.name) : undefined;
  if (!id || (code !== 401 && code !== 403) || !extendsGraphqlError(sourceCode, declaration)) return null;
  return {
    framework: 'graphql',
    node: id,
    status: impliedStatus(code),
    messages: classMessages(declaration, null),
    names: [id],
    carriers: [id.name],
    renderedOutOfView: true,
    hasHeader: () => false,
    edit: (_fixer, edit) => ((edit.status === undefined || edit.status === code) && !edit.addHeader ? [] : null),
  };
}
