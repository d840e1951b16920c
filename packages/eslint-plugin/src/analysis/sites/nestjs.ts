import { combineParts, statusEdit, statusOnlyEdit } from '../edits';
import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, calleeName, enclosingFunction, keyName, propertyName, pushChildren, skipWrappers, staticString, type Node, type SourceCode } from '../ast';
import { jsString } from '../challenge';
import { resolveStatus, type StatusValue } from '../status';
import type { AdapterContext, ResponseEdit, ResponseSite, RuleFix, RuleFixer, SiteAdapter } from '../types';
import * as V from '../vocabulary';
import { classMessages } from './custom-errors';
import { carriersOf } from './error-objects';
import { ensureNamedImport } from './named-import';
import { classOf, isNonHttpContext, nestResponseAccess, responseHasHeader, type NestResponseAccess } from './nest-response';
import { insertBeforeStatement, replaceStatement } from './statement-edits';

const NEST_COMMON = '@nestjs/common';
const NEST_PASSPORT = '@nestjs/passport';

/**
 * The exceptions @nestjs/common exports, with the status each sends (read from `exceptions/*.exception.js` of
 * @nestjs/common 12.5.1). `LoginTimeoutException` (440) is not in that version; it is recognised by name for the
 * versions and projects that have it.
 */
const BUILT_IN_EXCEPTIONS: Readonly<Record<string, number>> = {
  BadRequestException: 400,
  UnauthorizedException: 401,
  ForbiddenException: 403,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  NotAcceptableException: 406,
  RequestTimeoutException: 408,
  ConflictException: 409,
  GoneException: 410,
  PreconditionFailedException: 412,
  PayloadTooLargeException: 413,
  UnsupportedMediaTypeException: 415,
  ImATeapotException: 418,
  MisdirectedException: 421,
  UnprocessableEntityException: 422,
  LoginTimeoutException: 440,
  InternalServerErrorException: 500,
  NotImplementedException: 501,
  BadGatewayException: 502,
  ServiceUnavailableException: 503,
  GatewayTimeoutException: 504,
  HttpVersionNotSupportedException: 505,
};

const EXCEPTION_FOR_STATUS = new Map<number, string>(
  Object.entries(BUILT_IN_EXCEPTIONS)
    .filter(([name]) => name !== 'LoginTimeoutException')
    .map(([name, code]) => [code, name]),
);

/** Passport strategies that authenticate a request credential (a refresh-token or login strategy is not one). */
const CREDENTIAL_STRATEGY = /jwt|bearer|basic|api-?key|token|firebase|auth0|oauth-bearer|azure-ad|cognito|supabase|clerk/i;

const FILTER_ADVICE =
  'Nest exceptions cannot carry headers: add it in an exception filter for UnauthorizedException (`response.header(\'WWW-Authenticate\', …)`) and list that class in the `challengers` option';

/**
 * NestJS: the built-in exceptions (`throw new ForbiddenException(msg)`), `new HttpException(body, status)`,
 * project exceptions that extend them or pass a status to `super`, guards whose `canActivate` returns false
 * (Nest answers 403 Forbidden), and @nestjs/passport's `AuthGuard(strategy)`, which throws a bare
 * UnauthorizedException. Nest exceptions cannot carry headers; where the code can reach the response (an
 * `ExecutionContext`, a `@Res()` parameter) the fix sets the header on it before throwing.
 */
export const nestjsAdapter: SiteAdapter = {
  framework: 'nestjs',
  nodeTypes: [T.CallExpression, T.NewExpression, T.ClassDeclaration, T.ClassExpression, T.ReturnStatement],
  visit(node, context) {
    const { sourceCode } = context;
    if (node.type === T.NewExpression && node.callee.type === T.Identifier && /Exception$/.test(node.callee.name)) {
      const imported = nestImport(sourceCode, node.callee, NEST_COMMON);
      if (imported === 'HttpException') addSite(context, httpExceptionSite(node, context));
      else if (imported && imported in BUILT_IN_EXCEPTIONS) addSite(context, builtInSite(node, node.callee, BUILT_IN_EXCEPTIONS[imported]!, context));
    } else if (node.type === T.CallExpression && node.callee.type === T.Super) {
      addSite(context, superStatusSite(node, context));
    } else if ((node.type === T.ClassDeclaration || node.type === T.ClassExpression) && node.superClass?.type === T.Identifier && /Exception$/.test(node.superClass.name)) {
      const imported = nestImport(sourceCode, node.superClass, NEST_COMMON);
      if (imported && imported in BUILT_IN_EXCEPTIONS) addSite(context, subclassSite(node, node.superClass, BUILT_IN_EXCEPTIONS[imported]!, context));
    } else if (node.type === T.ReturnStatement) {
      addSite(context, guardReturnSite(node, context));
    } else if (
      node.type === T.CallExpression &&
      node.callee.type === T.Identifier &&
      node.callee.name === 'AuthGuard' &&
      nestImport(sourceCode, node.callee, NEST_PASSPORT) === 'AuthGuard'
    ) {
      addSite(context, passportGuardSite(node, context));
    }
  },
};

function addSite(context: AdapterContext, site: ResponseSite | null): void {
  if (site && !isNonHttpContext(context.sourceCode, site.node)) context.addSite(site);
}

/** The name `identifier` has in `module` when it is imported from there. */
function nestImport(sourceCode: SourceCode, identifier: TSESTree.Identifier, module: string): string | null {
  const binding = bindingOf(sourceCode, identifier);
  return binding?.kind === 'import' && binding.module === module ? (binding.imported ?? null) : null;
}

function limitation(access: NestResponseAccess): string {
  return access.expression
    ? `Nest exceptions cannot carry headers: set it on the response (\`${access.expression}.header('WWW-Authenticate', …)\`) before throwing`
    : FILTER_ADVICE;
}

/** `<response>.header('WWW-Authenticate', '…');` before the statement that throws. */
function headerBefore(fixer: RuleFixer, sourceCode: SourceCode, access: NestResponseAccess, node: Node, edit: ResponseEdit): RuleFix[] | null {
  if (!edit.addHeader) return [];
  if (!access.expression) return null;
  const { name, value } = edit.addHeader;
  return insertBeforeStatement(fixer, sourceCode, node, `${access.expression}.header(${jsString(name)}, ${jsString(value)});`);
}

/** Renames a built-in exception reference to the one for `code`, importing it when needed. */
function renameException(fixer: RuleFixer, sourceCode: SourceCode, reference: TSESTree.Identifier, code: number): RuleFix[] | null {
  const name = EXCEPTION_FOR_STATUS.get(code);
  if (!name) return null;
  const imported = ensureNamedImport(fixer, sourceCode, NEST_COMMON, name);
  return imported && [fixer.replaceText(reference, name), ...imported];
}

function exceptionMessages(call: TSESTree.NewExpression | TSESTree.CallExpression, statusIndex: number): Node[] {
  return call.arguments.filter((argument, index) => index !== statusIndex && argument.type !== T.SpreadElement);
}

function builtInSite(call: TSESTree.NewExpression, callee: TSESTree.Identifier, code: number, context: AdapterContext): ResponseSite {
  const { sourceCode } = context;
  const access = nestResponseAccess(sourceCode, call);
  return {
    framework: 'nestjs',
    node: callee,
    status: { code, node: null, form: { kind: 'literal' } },
    messages: exceptionMessages(call, -1),
    // `LoginTimeoutException` says what it answers (an expired login); `ForbiddenException` says nothing.
    names: [callee],
    carriers: [callee.name, ...carriersOf(call)],
    headerLimitation: limitation(access),
    hasHeader: (name) => responseHasHeader(sourceCode, context.headers, access.handles, name, call),
    edit(fixer, edit) {
      const status = edit.status === undefined || edit.status === code ? [] : renameException(fixer, sourceCode, callee, edit.status);
      return combineParts(status, headerBefore(fixer, sourceCode, access, call, edit));
    },
  };
}

function statusArgument(sourceCode: SourceCode, call: TSESTree.NewExpression | TSESTree.CallExpression): StatusValue | null {
  const argument = call.arguments[1];
  return argument && argument.type !== T.SpreadElement ? resolveStatus(sourceCode, argument) : null;
}

/** `new HttpException(body, HttpStatus.FORBIDDEN, options?)`. */
function httpExceptionSite(call: TSESTree.NewExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const status = statusArgument(sourceCode, call);
  if (!status) return null;
  const access = nestResponseAccess(sourceCode, call);
  return {
    framework: 'nestjs',
    node: status.node!,
    status,
    messages: exceptionMessages(call, 1),
    carriers: ['HttpException', ...carriersOf(call)],
    headerLimitation: limitation(access),
    hasHeader: (name) => responseHasHeader(sourceCode, context.headers, access.handles, name, call),
    edit: (fixer, edit) => combineParts(statusEdit(fixer, sourceCode, status, edit), headerBefore(fixer, sourceCode, access, call, edit)),
  };
}

/** The class whose constructor makes this `super(…)` call. */
function classOfConstructor(call: TSESTree.CallExpression): TSESTree.ClassDeclaration | TSESTree.ClassExpression | null {
  const fn = enclosingFunction(call);
  const method = fn?.parent;
  if (method?.type !== T.MethodDefinition || method.kind !== 'constructor') return null;
  return classOf(method.parent as TSESTree.ClassBody);
}

/** `class TokenExpiredException extends HttpException { constructor() { super('Token expired', HttpStatus.FORBIDDEN); } }` */
function superStatusSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const declaration = classOfConstructor(call);
  if (declaration?.superClass?.type !== T.Identifier) return null;
  if (nestImport(sourceCode, declaration.superClass, NEST_COMMON) !== 'HttpException') return null;
  const status = statusArgument(sourceCode, call);
  if (!status) return null;
  return {
    framework: 'nestjs',
    node: status.node!,
    status,
    messages: classMessages(declaration, status.node),
    names: declaration.id ? [declaration.id] : [],
    carriers: declaration.id ? [declaration.id.name] : [],
    headerLimitation: FILTER_ADVICE,
    hasHeader: () => false,
    edit: statusOnlyEdit(sourceCode, status),
  };
}

/** `class SessionExpiredException extends ForbiddenException {}` */
function subclassSite(
  declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  superClass: TSESTree.Identifier,
  code: number,
  context: AdapterContext,
): ResponseSite {
  const { sourceCode } = context;
  return {
    framework: 'nestjs',
    node: superClass,
    status: { code, node: null, form: { kind: 'literal' } },
    messages: classMessages(declaration, null),
    names: declaration.id ? [declaration.id] : [],
    carriers: declaration.id ? [declaration.id.name] : [],
    headerLimitation: FILTER_ADVICE,
    hasHeader: () => false,
    edit(fixer, edit) {
      if (edit.addHeader) return null;
      return edit.status === undefined || edit.status === code ? [] : renameException(fixer, sourceCode, superClass, edit.status);
    },
  };
}

/** `return false` (or nothing, null, undefined, 0, '') */
function isFalsyConstant(argument: Node | null): boolean {
  if (!argument) return true;
  const value = skipWrappers(argument);
  if (value.type === T.Identifier) return value.name === 'undefined';
  if (value.type === T.UnaryExpression) return value.operator === 'void';
  return value.type === T.Literal && !value.value && !('regex' in value && value.regex);
}

/**
 * A returned value whose falsiness is the verdict: a check (`!!request.user`, `isValid(token)`), not a promise or
 * observable chain (`….then(() => true)`), whose own truthiness says nothing.
 */
function isVerdict(argument: Node, sourceCode: SourceCode): boolean {
  const value = skipWrappers(argument);
  if (value.type === T.CallExpression) {
    // `return this.jwtService.verify(token)`: the verifier throws on a bad token and returns the payload otherwise.
    if (V.THROWING_VERIFIER.test(sourceCode.getText(value.callee))) return false;
    return !/^(then|catch|finally|pipe|subscribe|from|of|lastValueFrom|firstValueFrom)$/.test(calleeName(value) ?? '');
  }
  return [T.UnaryExpression, T.Identifier, T.MemberExpression, T.LogicalExpression, T.BinaryExpression].includes(value.type);
}

function isPassthrough(argument: Node): boolean {
  const value = skipWrappers(argument);
  if (value.type === T.Literal) return value.value === true;
  // `return super.canActivate(context)`: passport's guard throws instead of returning false.
  return value.type === T.CallExpression && value.callee.type === T.MemberExpression && value.callee.object.type === T.Super;
}

/**
 * A `canActivate` that returns false (or a falsy value): Nest throws `ForbiddenException('Forbidden resource')`.
 * Returning an expression makes the condition "the expression is falsy" the reason's guard.
 */
function guardReturnSite(statement: TSESTree.ReturnStatement, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const fn = enclosingFunction(statement);
  if (fn?.parent?.type !== T.MethodDefinition || keyName(fn.parent) !== 'canActivate') return null;
  const argument = statement.argument;
  if (argument && isPassthrough(argument)) return null;
  const constant = isFalsyConstant(argument);
  if (!constant && !isVerdict(argument!, sourceCode)) return null;
  const access = nestResponseAccess(sourceCode, statement);
  const advice = access.expression
    ? `a guard that returns false makes Nest answer 403 Forbidden: set the challenge on \`${access.expression}\` and throw UnauthorizedException`
    : 'a guard that returns false makes Nest answer 403 Forbidden: throw UnauthorizedException and add the challenge in an exception filter for it';
  return {
    framework: 'nestjs',
    node: constant ? statement : argument!,
    status: { code: 403, node: null, form: { kind: 'literal' } },
    messages: [],
    carriers: [],
    headerLimitation: advice,
    ...(constant ? {} : { guard: { test: argument!, holds: false } }),
    hasHeader: (name) => responseHasHeader(sourceCode, context.headers, access.handles, name, statement),
    edit(fixer, edit) {
      if (!constant || edit.status !== 401) return null;
      const header = edit.addHeader && access.expression
        ? `${access.expression}.header(${jsString(edit.addHeader.name)}, ${jsString(edit.addHeader.value)});`
        : null;
      if (edit.addHeader && !header) return null;
      const imported = ensureNamedImport(fixer, sourceCode, NEST_COMMON, 'UnauthorizedException');
      if (!imported) return null;
      const throwing = 'throw new UnauthorizedException();';
      return [replaceStatement(fixer, sourceCode, statement, header ? [header, throwing] : [throwing]), ...imported];
    },
  };
}

function strategies(call: TSESTree.CallExpression): string[] | null {
  const argument = call.arguments[0];
  if (!argument || argument.type === T.SpreadElement) return null;
  const value = skipWrappers(argument);
  const names = value.type === T.ArrayExpression
    ? value.elements.map((element) => (element && element.type !== T.SpreadElement ? staticString(element) : null))
    : [staticString(value)];
  return names.every((name): name is string => name !== null) ? names : null;
}

/** A `canActivate` override whose `catch` around `super.canActivate(…)` answers without rethrowing. */
function swallowsPassportFailure(sourceCode: SourceCode, guard: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  const override = guard.body.body.find(
    (member): member is TSESTree.MethodDefinition => member.type === T.MethodDefinition && keyName(member) === 'canActivate',
  );
  return (override?.value.body?.body ?? []).some(
    (statement) =>
      statement.type === T.TryStatement &&
      !!statement.handler &&
      callsSuperCanActivate(sourceCode, statement.block) &&
      !statement.handler.body.body.some((inner) => inner.type === T.ThrowStatement),
  );
}

function callsSuperCanActivate(sourceCode: SourceCode, block: TSESTree.BlockStatement): boolean {
  const stack: Node[] = [block];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && node.callee.object.type === T.Super && propertyName(node.callee) === 'canActivate') {
      return true;
    }
    pushChildren(sourceCode, node, stack);
  }
  return false;
}

/**
 * `@UseGuards(AuthGuard('jwt'))` or `class JwtAuthGuard extends AuthGuard('jwt') {}`: a failed authentication
 * throws `new UnauthorizedException()` from `handleRequest`, so the 401 has no challenge. A class that overrides
 * `handleRequest` without calling `super.handleRequest` answers with its own exceptions instead (sites of their own).
 */
function passportGuardSite(call: TSESTree.CallExpression, context: AdapterContext): ResponseSite | null {
  const { sourceCode } = context;
  const names = strategies(call);
  if (!names || names.length === 0 || !names.some((name) => CREDENTIAL_STRATEGY.test(name)) || names.some((name) => /refresh/i.test(name))) {
    return null;
  }
  const parent = call.parent;
  let delegation: Node | null = null;
  if ((parent?.type === T.ClassDeclaration || parent?.type === T.ClassExpression) && parent.superClass === call) {
    const override = parent.body.body.find(
      (member): member is TSESTree.MethodDefinition => member.type === T.MethodDefinition && keyName(member) === 'handleRequest',
    );
    if (override) {
      delegation = superHandleRequestCall(sourceCode, override);
      if (!delegation) return null;
    }
    // `canActivate` catching what `super.canActivate` throws and returning false: Nest answers 403, not the 401.
    if (swallowsPassportFailure(sourceCode, parent)) return null;
  } else if (!(parent?.type === T.CallExpression && calleeName(parent) === 'UseGuards')) {
    return null;
  } else if (!firstUseOfStrategy(sourceCode, names)) {
    // One root cause, one report: the same AuthGuard on every route of a controller is reported once per file.
    return null;
  }
  const access = delegation ? nestResponseAccess(sourceCode, delegation) : { expression: null, handles: [] };
  return {
    framework: 'nestjs',
    node: call,
    status: { code: 401, node: null, form: { kind: 'literal' } },
    messages: [],
    carriers: ['AuthGuard', 'UnauthorizedException'],
    headerLimitation:
      "@nestjs/passport's AuthGuard throws a bare UnauthorizedException, and Nest exceptions cannot carry headers: override handleRequest to set it on `context.switchToHttp().getResponse()`, or add it in an exception filter for UnauthorizedException and list that class in the `challengers` option",
    hasHeader: (name) => delegation !== null && responseHasHeader(sourceCode, context.headers, access.handles, name, delegation),
    edit: () => null,
  };
}

const strategiesSeen = new WeakMap<object, Set<string>>();

function firstUseOfStrategy(sourceCode: SourceCode, names: readonly string[]): boolean {
  let seen = strategiesSeen.get(sourceCode.ast);
  if (!seen) {
    seen = new Set();
    strategiesSeen.set(sourceCode.ast, seen);
  }
  const key = [...names].sort().join(',');
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

function superHandleRequestCall(sourceCode: SourceCode, override: TSESTree.MethodDefinition): Node | null {
  const text = sourceCode.getText(override.value);
  if (!/\bsuper\s*\.\s*handleRequest\s*\(/.test(text)) return null;
  const stack: Node[] = [override.value.body as Node];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      node.type === T.CallExpression &&
      node.callee.type === T.MemberExpression &&
      node.callee.object.type === T.Super &&
      propertyName(node.callee) === 'handleRequest'
    ) {
      return node;
    }
    pushChildren(sourceCode, node, stack);
  }
  return null;
}
