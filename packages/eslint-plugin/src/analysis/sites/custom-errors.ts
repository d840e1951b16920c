import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, constructorOf, keyName, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { headerProperty, indentOf, statusEdit, statusOnlyEdit } from '../edits';
import { headerNamesOfObject } from '../handles';
import { resolveStatus, type StatusValue } from '../status';
import { nameStyle } from '../status-names';
import { ERROR_STATUS_FIELDS } from '../vocabulary';
import type { AdapterContext, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import { carriersOf } from './error-objects';
import { followsImports } from '../project-index/debug';
import { filenameOf } from '../project-index';
import { errorMiddlewaresOf, renderingsOf, type ErrorRendering } from '../project-index/error-renderers';
import { packageRootOf } from '../project-index/package-sources';
import { errorStatusOfMethod } from './status-methods';

/** A project error class by its name: `ApiError`, `AppException`, `ErrorResponse`. */
const ERROR_CLASS_NAME = /^(?:[A-Z]\w*)?(?:Error|Exception|ErrorResponse)$/;
/** JavaScript's own errors and the framework exceptions other adapters know. */
const NOT_PROJECT_ERRORS = new Set([
  'Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError', 'DOMException',
  'HTTPException', 'HttpException', 'H3Error', 'HTTPError',
]);
/** Modules whose error classes have adapters of their own, or carry no HTTP status. */
export const FRAMEWORK_MODULE =
  /^(@nestjs\/|hono|http-errors|@hapi\/|@loopback\/|@sveltejs\/|h3|nitropack|@adonisjs\/|@fastify\/|fastify|koa|express|jsonwebtoken|jose|express-jwt|@node-oauth\/|oauth2-server|passport|@feathersjs\/|restify|egg|@oakserver\/|@azure\/functions|@trpc\/|graphql|apollo-server|@apollo\/|@grpc\/|firebase-functions|firebase-admin|elysia|@elysiajs\/)/;

/**
 * Project error classes and objects: a class that fixes its status (`this.status = 403`, a `statusCode = 403`
 * field, `super(msg, 403)` to a project base class), `new ApiError(httpStatus.FORBIDDEN, msg)`-style calls and
 * static factories (`ApiError.forbidden(msg)`). The class name is evidence (`TokenExpiredError` with 403 is
 * wrong, `PermissionError` with 403 is right). A class's fix adds a `headers` field, which Express', Koa's and
 * Fastify's error handlers copy; for an error rendered elsewhere the challenge belongs where it is rendered.
 */
export const customErrorsAdapter: SiteAdapter = {
  framework: 'custom-error',
  nodeTypes: [T.CallExpression, T.NewExpression, T.ClassDeclaration, T.ClassExpression],
  visit(node, context) {
    if (node.type === T.ClassDeclaration || node.type === T.ClassExpression) {
      for (const site of classSites(node, context)) context.addSite(site);
    } else if (node.type === T.NewExpression || node.type === T.CallExpression) {
      const callee = skipWrappers(node.callee);
      if (callee.type === T.Identifier && isProjectError(context.sourceCode, callee)) {
        const site = constructionSite(node, callee, context);
        if (site) context.addSite(site);
      } else if (node.type === T.CallExpression && callee.type === T.MemberExpression) {
        const object = skipWrappers(callee.object);
        if (object.type === T.Identifier && isProjectError(context.sourceCode, object)) {
          const site = factorySite(node, callee, object, context);
          if (site) context.addSite(site);
        }
      }
    }
  },
};

function isProjectError(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  if (!ERROR_CLASS_NAME.test(identifier.name) || NOT_PROJECT_ERRORS.has(identifier.name)) return false;
  const binding = bindingOf(sourceCode, identifier);
  return !(binding?.kind === 'import' && binding.module !== undefined && FRAMEWORK_MODULE.test(binding.module));
}

function isErrorClass(sourceCode: SourceCode, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  const superClass = declaration.superClass && skipWrappers(declaration.superClass);
  if (superClass?.type === T.Identifier) {
    const binding = bindingOf(sourceCode, superClass);
    if (binding?.kind === 'import' && binding.module !== undefined && FRAMEWORK_MODULE.test(binding.module)) return false;
    if (superClass.name === 'HTTPException' || superClass.name === 'HttpException') return false;
    if (/(Error|Exception)$/.test(superClass.name)) return true;
  }
  return !!declaration.id && ERROR_CLASS_NAME.test(declaration.id.name);
}

/** A status an error carries: any resolvable status of 400 or more. */
function errorStatus(sourceCode: SourceCode, node: Node): StatusValue | null {
  const status = resolveStatus(sourceCode, node);
  return status && status.code >= 400 ? status : null;
}

/** Where a class fixes its status: a field, `this.status = n` in the constructor, or `super(…, n)` to a project base. */
function statusNodes(sourceCode: SourceCode, declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): StatusValue[] {
  const found: StatusValue[] = [];
  for (const member of declaration.body.body) {
    if (member.type === T.PropertyDefinition && !member.static && member.value && ERROR_STATUS_FIELDS.has(keyName(member) ?? '')) {
      const status = errorStatus(sourceCode, member.value);
      if (status) found.push(status);
    }
  }
  const superClass = declaration.superClass && skipWrappers(declaration.superClass);
  const projectBase = superClass?.type === T.Identifier && !NOT_PROJECT_ERRORS.has(superClass.name);
  for (const statement of constructorOf(declaration)?.value.body?.body ?? []) {
    if (statement.type !== T.ExpressionStatement) continue;
    const expression = skipWrappers(statement.expression);
    if (expression.type === T.AssignmentExpression && expression.left.type === T.MemberExpression && expression.left.object.type === T.ThisExpression) {
      const status = ERROR_STATUS_FIELDS.has(propertyName(expression.left) ?? '') ? errorStatus(sourceCode, expression.right) : null;
      if (status) found.push(status);
    } else if (projectBase && expression.type === T.CallExpression && expression.callee.type === T.Super) {
      const status = statusArgument(sourceCode, expression.arguments);
      if (status) found.push(status);
    }
  }
  return found;
}

/** The argument that is a status: a 4xx/5xx number, or a named status constant (`httpStatus.FORBIDDEN`). */
function statusArgument(sourceCode: SourceCode, args: TSESTree.CallExpressionArgument[]): StatusValue | null {
  for (const argument of args) {
    if (argument.type === T.SpreadElement) continue;
    const value = skipWrappers(argument);
    // `new GenericError({ message, statusCode: 403 })`: the status among the error's options.
    if (value.type === T.ObjectExpression) {
      const field = value.properties.find((property) => property.type === T.Property && ERROR_STATUS_FIELDS.has(keyName(property) ?? ''));
      const status = field?.type === T.Property ? errorStatus(sourceCode, field.value) : null;
      if (status) return status;
      continue;
    }
    if (value.type !== T.Literal && value.type !== T.Identifier && value.type !== T.MemberExpression) continue;
    if (value.type === T.Literal && typeof value.value !== 'number') continue;
    const status = errorStatus(sourceCode, argument);
    if (status) return status;
  }
  return null;
}

/** The texts an error class sends: default parameter values, `super(…)` texts, `message` fields and assignments. */
export function classMessages(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, statusNode: Node | null): Node[] {
  const messages: Node[] = [];
  for (const member of declaration.body.body) {
    if (member.type === T.PropertyDefinition && member.value && keyName(member) === 'message') messages.push(member.value);
  }
  const constructor = constructorOf(declaration);
  if (!constructor) return messages;
  messages.push(...constructor.value.params.flatMap((param) => (param.type === T.AssignmentPattern ? [param.right] : [])));
  for (const statement of constructor.value.body?.body ?? []) {
    if (statement.type !== T.ExpressionStatement) continue;
    const expression = skipWrappers(statement.expression);
    if (expression.type === T.CallExpression && expression.callee.type === T.Super) {
      messages.push(...expression.arguments.filter((argument) => argument !== statusNode && argument.type !== T.SpreadElement));
    } else if (expression.type === T.AssignmentExpression && expression.left.type === T.MemberExpression && propertyName(expression.left) === 'message') {
      messages.push(expression.right);
    }
  }
  return messages;
}

/** Header names the class sets on its instances (`headers = { … }` or `this.headers = { … }`). */
function classHeaders(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): string[] {
  const names: string[] = [];
  for (const member of declaration.body.body) {
    if (member.type === T.PropertyDefinition && member.value && keyName(member) === 'headers') names.push(...headerNamesOfObject(member.value));
  }
  for (const statement of constructorOf(declaration)?.value.body?.body ?? []) {
    const expression = statement.type === T.ExpressionStatement ? skipWrappers(statement.expression) : null;
    if (expression?.type === T.AssignmentExpression && expression.left.type === T.MemberExpression && propertyName(expression.left) === 'headers') {
      names.push(...headerNamesOfObject(expression.right));
    } else if (expression?.type === T.CallExpression && expression.callee.type === T.Super) {
      // `super(401, message, { 'WWW-Authenticate': … })`: headers handed to the base class.
      for (const argument of expression.arguments) {
        const value = skipWrappers(argument);
        if (value.type !== T.ObjectExpression) continue;
        const headers = value.properties.find((property) => property.type === T.Property && keyName(property) === 'headers');
        names.push(...headerNamesOfObject(headers?.type === T.Property ? headers.value : value));
      }
    }
  }
  return names;
}

function classSites(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression, context: AdapterContext): ResponseSite[] {
  const { sourceCode } = context;
  if (!isErrorClass(sourceCode, declaration)) return [];
  const headers = classHeaders(declaration);
  return statusNodes(sourceCode, declaration).map((status) => ({
    framework: 'custom-error',
    node: status.node!,
    status,
    messages: classMessages(declaration, status.node),
    names: declaration.id ? [declaration.id] : [],
    carriers: declaration.id ? [declaration.id.name] : [],
    hasHeader: (name) => headers.includes(name) || headers.includes('*'),
    edit(fixer, edit) {
      const fixes = statusEdit(fixer, sourceCode, status, edit);
      if (!fixes || !edit.addHeader) return fixes;
      return [...fixes, headersField(fixer, sourceCode, declaration.body, edit.addHeader)];
    },
  }));
}

/** `headers = { 'WWW-Authenticate': '…' };` as the class's first member. */
function headersField(fixer: RuleFixer, sourceCode: SourceCode, body: TSESTree.ClassBody, header: { name: string; value: string }): RuleFix {
  const field = `headers = { ${headerProperty(header)} };`;
  const first = body.body[0];
  if (!first) return fixer.replaceText(body, `{ ${field} }`);
  if (first.loc.start.line === body.loc.start.line) return fixer.insertTextBefore(first, `${field} `);
  return fixer.insertTextBefore(first, `${field}\n${indentOf(sourceCode, first)}`);
}

function renderedElsewhere(name: string): string {
  return `\`${name}\` carries only a status, so add the challenge in the error handler that renders it and list \`${name}\` in the \`challengers\` option`;
}

/** `response.status`, `err.statusCode`: a status read from something. */
function isStatusRead(node: Node): boolean {
  const value = skipWrappers(node);
  return value.type === T.MemberExpression && ERROR_STATUS_FIELDS.has(propertyName(value) ?? '');
}

function isNumber(node: Node): boolean {
  const value = skipWrappers(node);
  return value.type === T.Literal && typeof value.value === 'number';
}

/** `response.status === 401` (or `== 401`), anywhere in a condition. */
function testsReceivedStatus(test: Node): boolean {
  const value = skipWrappers(test);
  if (value.type === T.LogicalExpression) return testsReceivedStatus(value.left) || testsReceivedStatus(value.right);
  if (value.type === T.UnaryExpression) return testsReceivedStatus(value.argument);
  if (value.type !== T.BinaryExpression || !['===', '==', '!==', '!='].includes(value.operator)) return false;
  return (isStatusRead(value.left) && isNumber(value.right)) || (isStatusRead(value.right) && isNumber(value.left));
}

/**
 * Client code turning a received response into an error: `if (response.status === 401) throw new HttpError(401, …)`
 * or `switch (res.status) { case 403: … }`. The status is read, not chosen.
 */
function mirrorsReceivedStatus(node: Node): boolean {
  let child: Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if ((current.type === T.IfStatement || current.type === T.ConditionalExpression) && child !== current.test && testsReceivedStatus(current.test)) return true;
    if (current.type === T.SwitchCase && current.parent?.type === T.SwitchStatement && isStatusRead(current.parent.discriminant)) return true;
  }
  return false;
}

/** `new ApiError(httpStatus.FORBIDDEN, 'Token expired')`, `new AppError('Not authorized', 401)`. */
function constructionSite(call: TSESTree.NewExpression | TSESTree.CallExpression, callee: TSESTree.Identifier, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const status = statusArgument(sourceCode, call.arguments);
  if (!status || mirrorsReceivedStatus(call)) return null;
  const bareRendering = status.code === 401 ? renderedWithoutChallenge(sourceCode, callee.name) : null;
  return {
    framework: 'custom-error',
    node: status.node!,
    status,
    messages: call.arguments.filter((argument) => argument !== status.node && argument.type !== T.SpreadElement),
    names: [callee],
    carriers: [callee.name, ...carriersOf(call)],
    ...(bareRendering
      ? { headerLimitation: renderedBare(callee.name, bareRendering) }
      : { headerLimitation: renderedElsewhere(callee.name), renderedOutOfView: true as const }),
    hasHeader: () => false,
    edit: statusOnlyEdit(sourceCode, status),
  };
}

/**
 * Where the project renders this class (`if (error instanceof ApiError) return { status: error.status, … }`, or an
 * Express error middleware sending `err.status`), when it is found and no such place sets a challenge or passes on
 * the error's own headers: a 401 it carries then goes out bare.
 */
function renderedWithoutChallenge(sourceCode: SourceCode, className: string): ErrorRendering | null {
  const file = followsImports ? filenameOf(sourceCode) : undefined;
  if (!file) return null;
  // The class's own handler (`instanceof`), else the package's error middlewares that send whatever status they get.
  const own = renderingsOf(file, className);
  const renderings = own.length > 0 ? own : errorMiddlewaresOf(file);
  return renderings.length > 0 && renderings.every((rendering) => !rendering.challenge) ? renderings[0]! : null;
}

function renderedBare(name: string, rendering: ErrorRendering): string {
  const where = `${path.relative(packageRootOf(rendering.file), rendering.file)}:${rendering.line}`;
  return `\`${name}\` is rendered at ${where} without one: add the challenge there`;
}

/** `ApiError.forbidden(msg)`, `ApiError.UnauthorizedError()`: the status is in the factory's name. */
function factorySite(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, owner: TSESTree.Identifier, context: AdapterContext): ResponseSite | null {
  const method = propertyName(callee);
  const code = method === null ? undefined : errorStatusOfMethod(method);
  if (method === null || code === undefined || mirrorsReceivedStatus(call)) return null;
  const methods = staticMethodsOf(context.sourceCode, owner);
  return {
    framework: 'custom-error',
    node: callee.property,
    status: { code, node: null, form: { kind: 'literal' } },
    messages: call.arguments.filter((argument) => argument.type !== T.SpreadElement),
    carriers: [owner.name, ...carriersOf(call)],
    headerLimitation: renderedElsewhere(owner.name),
    renderedOutOfView: true,
    hasHeader: () => false,
    edit(fixer, edit) {
      if (edit.addHeader) return null;
      if (edit.status === undefined || edit.status === code) return [];
      // Only to a factory the class (declared in this file) really has.
      const renamed = methods.find((name) => errorStatusOfMethod(name) === edit.status && nameStyle(name) === nameStyle(method));
      return renamed ? [fixer.replaceText(callee.property, renamed)] : null;
    },
  };
}

function staticMethodsOf(sourceCode: SourceCode, owner: TSESTree.Identifier): string[] {
  const binding = bindingOf(sourceCode, owner);
  const declaration = binding ? null : findClass(sourceCode, owner.name);
  if (!declaration) return [];
  return declaration.body.body.flatMap((member) => (member.type === T.MethodDefinition && member.static ? [keyName(member) ?? ''] : []));
}

function findClass(sourceCode: SourceCode, name: string): TSESTree.ClassDeclaration | null {
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === T.ClassDeclaration && declaration.id?.name === name) return declaration;
  }
  return null;
}
