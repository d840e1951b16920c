import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { calleeName, isFunction, keyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { handleKey, type HeaderRegistry } from '../handles';

/**
 * How Nest code at a site can reach the HTTP response, to set a header before an exception is thrown (Nest's
 * exception filter keeps headers already on the response): `context.switchToHttp().getResponse()` from an
 * `ExecutionContext`, or a `@Res()` parameter. `.header(name, value)` exists on Express' and Fastify's responses.
 */
export interface NestResponseAccess {
  /** Source text of an expression that evaluates to the response, or null when none is reachable. */
  expression: string | null;
  /** Identifiers whose headers are this response's (the context, `@Res()` parameters, `getResponse()` results). */
  handles: Node[];
}

/** The method (a class member) whose body holds `node`, through nested callbacks. */
export function enclosingMethod(node: Node): { name: string; fn: TSESTree.FunctionExpression; owner: TSESTree.ClassBody } | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === T.FunctionExpression && current.parent?.type === T.MethodDefinition && current.parent.parent?.type === T.ClassBody) {
      const name = keyName(current.parent);
      return name === null ? null : { name, fn: current, owner: current.parent.parent };
    }
  }
  return null;
}

export function classOf(body: TSESTree.ClassBody): TSESTree.ClassDeclaration | TSESTree.ClassExpression {
  return body.parent as TSESTree.ClassDeclaration | TSESTree.ClassExpression;
}

export function hasMethod(body: TSESTree.ClassBody, name: string): boolean {
  return body.body.some((member) => member.type === T.MethodDefinition && keyName(member) === name);
}

/** `class X extends AuthGuard('jwt')` (the mixin of @nestjs/passport, named as imported). */
function extendsPassportGuard(body: TSESTree.ClassBody): boolean {
  const superClass = classOf(body).superClass;
  return !!superClass && superClass.type === T.CallExpression && calleeName(superClass) === 'AuthGuard';
}

function decoratorNames(param: TSESTree.Parameter): string[] {
  const decorators = 'decorators' in param ? (param.decorators ?? []) : [];
  return decorators.map((decorator) => {
    const expression = skipWrappers(decorator.expression);
    if (expression.type === T.CallExpression) return calleeName(expression) ?? '';
    return expression.type === T.Identifier ? expression.name : '';
  });
}

function typeName(param: TSESTree.Parameter): string | null {
  const annotation = param.type === T.Identifier ? param.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== T.TSTypeReference) return null;
  return annotation.typeName.type === T.Identifier ? annotation.typeName.name : null;
}

/** The `ExecutionContext` parameter of a function: typed so, or by position in `canActivate` / `handleRequest`. */
function executionContextParam(fn: TSESTree.FunctionLike, methodName: string | null): TSESTree.Identifier | null {
  const typed = fn.params.find((param) => typeName(param) === 'ExecutionContext');
  if (typed?.type === T.Identifier) return typed;
  const index = methodName === 'canActivate' ? 0 : methodName === 'handleRequest' ? 3 : -1;
  const positional = index >= 0 ? fn.params[index] : undefined;
  return positional?.type === T.Identifier ? positional : null;
}

/**
 * Is the context an HTTP one? Only then does `switchToHttp().getResponse()` give a response: the class reads
 * the request that way itself, or it is a passport guard that does not override `getRequest` (GraphQL guards do).
 */
function isHttpContext(sourceCode: SourceCode, body: TSESTree.ClassBody | null): boolean {
  if (!body) return false;
  if (/\bswitchToHttp\s*\(/.test(sourceCode.getText(body))) return true;
  return extendsPassportGuard(body) && !hasMethod(body, 'getRequest');
}

/**
 * Is the code around `node` a GraphQL resolver, WebSocket gateway or microservice handler? There a guard's
 * `false` and an exception become a GraphQL or transport error, not an HTTP status.
 */
export function isNonHttpContext(sourceCode: SourceCode, node: Node): boolean {
  const method = enclosingMethod(node);
  if (!method) return false;
  const declaration = classOf(method.owner);
  const decorators = (declaration.decorators ?? []).map((decorator) => {
    const expression = skipWrappers(decorator.expression);
    return expression.type === T.CallExpression ? calleeName(expression) : expression.type === T.Identifier ? expression.name : null;
  });
  if (decorators.some((name) => name === 'Resolver' || name === 'WebSocketGateway')) return true;
  const text = sourceCode.getText(method.fn);
  return /\b(GqlExecutionContext|switchToWs|switchToRpc)\b/.test(text) && !/\bswitchToHttp\s*\(/.test(text);
}

export function nestResponseAccess(sourceCode: SourceCode, site: Node): NestResponseAccess {
  const method = enclosingMethod(site);
  const handles: Node[] = [];
  let expression: string | null = null;
  for (let current = site.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const methodName = method && current === method.fn ? method.name : null;
    for (const param of current.params) {
      if (param.type === T.Identifier && decoratorNames(param).some((name) => name === 'Res' || name === 'Response')) {
        handles.push(param);
        expression ??= param.name;
      }
    }
    const contextParam = executionContextParam(current, methodName);
    if (contextParam) {
      handles.push(contextParam);
      if (isHttpContext(sourceCode, method?.owner ?? null)) expression ??= `${contextParam.name}.switchToHttp().getResponse()`;
    }
    handles.push(...responseVariables(sourceCode, current));
    if (method && current === method.fn) break;
  }
  return { expression, handles };
}

/** `const response = context.switchToHttp().getResponse()` in a function's own body. */
function responseVariables(sourceCode: SourceCode, fn: TSESTree.FunctionLike): Node[] {
  if (fn.body?.type !== T.BlockStatement) return [];
  const found: Node[] = [];
  for (const statement of fn.body.body) {
    if (statement.type !== T.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === T.Identifier && declarator.init && /\bgetResponse\s*(<[^>]*>)?\s*\(/.test(sourceCode.getText(declarator.init))) {
        found.push(declarator.id);
      }
    }
  }
  return found;
}

/** Is `name` set on any of the response handles, where it can affect the response chosen at `site`? */
export function responseHasHeader(sourceCode: SourceCode, registry: HeaderRegistry, handles: Node[], name: string, site: Node): boolean {
  return handles.some((node) => {
    const key = handleKey(sourceCode, node);
    return key !== null && registry.has(key, name, site);
  });
}
