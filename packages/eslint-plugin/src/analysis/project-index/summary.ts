import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { findVariable, isFunction, keyName, propertyName, pushChildren, returnedValues, skipWrappers, staticString, type Node, type SourceCode } from '../ast';
import { resolveStatus } from '../status';
import { errorStatusOfMethod } from '../sites/status-methods';
import type { ResponseSite } from '../types';
import { gateOf, type Gate } from './gates';
import { CHALLENGE_HEADER_TEXT } from '../vocabulary';

/** What a module's binding means for a response. */
export type Meaning =
  /** Calling it (`unauthorized(res)`) or constructing it (`new TokenExpiredError()`) answers `status`. */
  | { kind: 'responds'; form: 'class' | 'function'; status: number; challenge: boolean; line: number }
  /** A status constant object or enum: `HttpCode.Unauthorized` is 401. */
  | { kind: 'constants'; codes: ReadonlyMap<string, number>; line: number }
  /** A status constant: `export const UNAUTHORIZED = 401`. */
  | { kind: 'status'; status: number; line: number }
  /**
   * Calling it answers null or false for a failed credential, a failed right, or both (`requireAdmin(request)`): see
   * `gates.ts`.
   */
  | { kind: 'gate'; gate: Gate }
  /** A transport's error code kept in a constant: `export const FAILED_PRECONDITION = 'failed-precondition'`. */
  | { kind: 'code'; code: string; line: number }
  /**
   * Calling it sends the status given as argument `status` on the response given as argument `response`:
   * `sendJSONStatus(res, status, message)` whose body runs `res.status(status).json(…)` on every call. With
   * `response` -1 it makes an error carrying that status (`error(statusCode, message)` setting `err.statusCode`).
   */
  | { kind: 'forwards'; status: number; response: number; challenge: boolean; line: number };

/** A module reduced to what the rules need: no AST is kept. */
export interface ModuleSummary {
  /** Exported name (`default` for the default export or `module.exports = …`) → its meaning. */
  exports: ReadonlyMap<string, Meaning>;
  /** `export { a as b } from './x'` (exported b → imported a) and `export * from './x'` (null). */
  reexports: readonly { specifier: string; names: ReadonlyMap<string, string> | null }[];
}

/** A string that may be a transport's error code: `'permission-denied'`, `'UNAUTHENTICATED'`. */
const ERROR_CODE = /^(?:[a-z]+(?:-[a-z]+)+|[A-Z]+(?:_[A-Z]+)*)$/;

export type Declaration = TSESTree.FunctionLike | TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Nodes between a site and its helper that make the response conditional: such a helper does not always answer it. */
const CONDITIONAL = new Set<string>([T.IfStatement, T.ConditionalExpression, T.SwitchCase, T.CatchClause, T.LogicalExpression, T.TryStatement]);

/**
 * The top-level function or class a site belongs to, and its name there, when the site answers on every call: the
 * innermost function around it is that function (or the class's constructor) and no condition stands between them.
 */
export function ownerOf(site: ResponseSite): { name: string; declaration: Declaration } | null {
  let body: Node | null = null;
  for (let child = site.node, node: Node | undefined = site.node.parent; node; child = node, node = node.parent) {
    if (CONDITIONAL.has(node.type) && !isDefaultOf(node, child)) return null;
    const isFunction = node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression;
    if (isFunction) {
      const isConstructor = node.type === T.FunctionExpression && node.parent?.type === T.MethodDefinition && node.parent.kind === 'constructor';
      // Only the innermost function counts: a site in a callback does not answer when the outer function is called.
      if (body || (!isConstructor && !topLevelName(node))) return null;
      body = (node as TSESTree.FunctionLike).body ?? null;
    }
    const name = topLevelName(node);
    if (name) return !body || isStraightLine(body) ? { name, declaration: node as Declaration } : null;
  }
  return null;
}

/** `options.status ?? 401`: a status the caller may override, 401 when it does not. */
function isDefaultOf(node: Node, child: Node): boolean {
  return node.type === T.LogicalExpression && (node.operator === '??' || node.operator === '||') && node.right === child;
}

/**
 * Statements that choose a path, or leave early: a body with any of them may not answer the site's status. A
 * conditional expression only chooses a value (`nodes: node ? [node] : undefined`); one around the site itself is
 * caught by `ownerOf`.
 */
const BRANCHING = new Set<string>([
  T.IfStatement, T.SwitchStatement, T.TryStatement, T.ForStatement, T.ForInStatement,
  T.ForOfStatement, T.WhileStatement, T.DoWhileStatement, T.ReturnStatement,
]);

/** A function body that runs the same way on every call (a trailing `return` is fine; nested functions are not looked into). */
function isStraightLine(body: Node): boolean {
  const trailing = body.type === T.BlockStatement ? body.body[body.body.length - 1] : undefined;
  const stack: Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== body && (node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression)) continue;
    if (BRANCHING.has(node.type) && !(node === trailing && node.type === T.ReturnStatement)) return false;
    for (const value of Object.entries(node)) {
      if (value[0] === 'parent') continue;
      for (const child of Array.isArray(value[1]) ? value[1] : [value[1]]) {
        if (child && typeof child === 'object' && typeof (child as Node).type === 'string') stack.push(child as Node);
      }
    }
  }
  return true;
}

/** The name a function or class is declared under at the top of the module, or null. */
function topLevelName(node: Node): string | null {
  if (node.type !== T.FunctionDeclaration && node.type !== T.FunctionExpression && node.type !== T.ArrowFunctionExpression &&
      node.type !== T.ClassDeclaration && node.type !== T.ClassExpression) return null;
  let parent = node.parent;
  let name = (node.type === T.FunctionDeclaration || node.type === T.ClassDeclaration || node.type === T.ClassExpression) && node.id ? node.id.name : null;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) {
    name = parent.id.name;
    parent = parent.parent?.parent;
  } else if (parent?.type === T.AssignmentExpression && parent.left.type === T.MemberExpression) {
    // `exports.unauthorized = (res) => …`, `module.exports.unauthorized = …`
    const target = commonJsExportName(parent.left);
    return target && parent.parent?.parent?.type === T.Program ? `exports:${target}` : null;
  }
  if (parent?.type === T.ExportNamedDeclaration || parent?.type === T.ExportDefaultDeclaration) parent = parent.parent;
  return parent?.type === T.Program ? name ?? (node.parent?.type === T.ExportDefaultDeclaration ? 'default' : null) : null;
}

/** `exports.x` / `module.exports.x` → x; `module.exports` → default. */
function commonJsExportName(member: TSESTree.MemberExpression): string | null {
  const object = skipWrappers(member.object);
  const name = propertyName(member);
  if (object.type === T.Identifier && object.name === 'module' && name === 'exports') return 'default';
  if (object.type === T.Identifier && object.name === 'exports') return name;
  if (object.type === T.MemberExpression && propertyName(object) === 'exports' && skipWrappers(object.object).type === T.Identifier) return name;
  return null;
}

/** Meanings of the module's top-level functions and classes, from the sites the engine finds in them. */
function respondingDeclarations(sites: readonly ResponseSite[]): Map<string, Meaning> {
  const grouped = new Map<string, { sites: ResponseSite[]; declaration: Declaration; conflicting: boolean }>();
  for (const site of sites) {
    if (site.transport) continue;
    const owner = ownerOf(site);
    if (!owner) continue;
    const group = grouped.get(owner.name) ?? { sites: [], declaration: owner.declaration, conflicting: false };
    group.sites.push(site);
    grouped.set(owner.name, group);
  }
  const meanings = new Map<string, Meaning>();
  for (const [name, group] of grouped) {
    const statuses = new Set(group.sites.map((site) => site.status.code));
    if (statuses.size !== 1) continue;
    const status = [...statuses][0]!;
    if (status < 400) continue;
    const form = group.declaration.type === T.ClassDeclaration || group.declaration.type === T.ClassExpression ? 'class' : 'function';
    meanings.set(name, {
      kind: 'responds',
      form,
      status,
      challenge: group.sites.every((site) => site.hasHeader('www-authenticate')),
      line: group.declaration.loc.start.line,
    });
  }
  return meanings;
}

/** Methods that set the status they are given on a response: `res.status(s)`, `res.writeHead(s, …)`, `reply.code(s)`. */
const STATUS_SETTERS = new Set(['status', 'sendStatus', 'writeHead', 'code']);

/**
 * Top-level functions that set a status they are handed on a response they are handed, unconditionally:
 * `function sendJSONStatus(res, status, title) { …; res.status(status).json(body) }`, `res.statusCode = status`.
 */
function gateDeclarations(sourceCode: SourceCode): Map<string, Meaning> {
  const meanings = new Map<string, Meaning>();
  for (const [name, fn] of topLevelFunctions(sourceCode)) {
    const gate = gateOf(sourceCode, fn);
    if (gate) meanings.set(name, { kind: 'gate', gate });
  }
  return meanings;
}

function forwardingDeclarations(sourceCode: SourceCode): Map<string, Meaning> {
  const meanings = new Map<string, Meaning>();
  for (const [name, fn] of topLevelFunctions(sourceCode)) {
    const forwarding = statusForwarding(sourceCode, fn);
    if (forwarding) meanings.set(name, { kind: 'forwards', ...forwarding, challenge: CHALLENGE_HEADER_TEXT.test(sourceCode.getText(fn)), line: fn.loc.start.line });
  }
  return meanings;
}

/** `function f() {}` and `const f = () => …` / `function () {}` at the top of a module (exported or not), by name. */
function topLevelFunctions(sourceCode: SourceCode): [string, TSESTree.FunctionLike][] {
  return sourceCode.ast.body.flatMap((statement) => {
    const declaration = statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === T.FunctionDeclaration) return declaration.id ? [[declaration.id.name, declaration] as [string, TSESTree.FunctionLike]] : [];
    if (declaration?.type !== T.VariableDeclaration) return [];
    return declaration.declarations.flatMap((declarator) => {
      const init = declarator.init && skipWrappers(declarator.init);
      const isFunctionValue = init?.type === T.ArrowFunctionExpression || init?.type === T.FunctionExpression;
      return declarator.id.type === T.Identifier && isFunctionValue ? [[declarator.id.name, init] as [string, TSESTree.FunctionLike]] : [];
    });
  });
}

/** Which parameters carry the status and the response, when the function always sets one on the other. */
function statusForwarding(sourceCode: SourceCode, fn: TSESTree.FunctionLike): { status: number; response: number } | null {
  const parameterIndex = (node: Node | undefined): number => {
    const value = node && skipWrappers(node);
    return value?.type === T.Identifier ? fn.params.findIndex((param) => param.type === T.Identifier && param.name === value.name) : -1;
  };
  const rootIndex = (receiver: Node): number => {
    let root = skipWrappers(receiver);
    while (root.type === T.MemberExpression || root.type === T.CallExpression) root = skipWrappers(root.type === T.MemberExpression ? root.object : root.callee);
    return parameterIndex(root);
  };
  const stack: Node[] = fn.body ? [fn.body] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== fn.body && isFunction(node)) continue;
    let status = -1;
    let response = -1;
    if (node.type === T.CallExpression && node.callee.type === T.MemberExpression && STATUS_SETTERS.has(propertyName(node.callee) ?? '')) {
      status = parameterIndex(node.arguments[0]);
      response = rootIndex(node.callee.object);
    } else if (node.type === T.AssignmentExpression && node.left.type === T.MemberExpression && ['status', 'statusCode'].includes(propertyName(node.left) ?? '')) {
      status = parameterIndex(node.right);
      response = isNewError(sourceCode, node.left.object) ? -1 : rootIndex(node.left.object);
    }
    if (status >= 0 && response >= -1 && status !== response && !isConditionalWithin(node, fn)) return { status, response };
    pushChildren(sourceCode, node, stack);
  }
  return null;
}

/** `err` of `const err = new Error(message)`: an error the function makes. */
function isNewError(sourceCode: SourceCode, node: Node): boolean {
  const value = skipWrappers(node);
  if (value.type !== T.Identifier) return false;
  const definition = findVariable(sourceCode, value)?.defs[0];
  const init = definition?.type === 'Variable' ? (definition.node as TSESTree.VariableDeclarator).init : null;
  return !!init && skipWrappers(init).type === T.NewExpression;
}

/** Does a condition (or an early exit before it) stand between `node` and the body of `fn`? */
function isConditionalWithin(node: Node, fn: TSESTree.FunctionLike): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (CONDITIONAL.has(current.type)) return true;
  }
  return false;
}

/** Keys a platform's plain result object carries beside its status (Azure Functions, AWS Lambda). */
const RESULT_KEYS = new Set(['body', 'jsonBody', 'headers', 'cookies', 'isBase64Encoded']);

/**
 * Top-level functions that return a plain result object with one error status on every path:
 * `function forbidden(reason) { return { status: 403, body: JSON.stringify({ reason }) } }`, which an Azure Functions or
 * Lambda handler assigns or returns as its response.
 */
function resultObjectDeclarations(sourceCode: SourceCode): Map<string, Meaning> {
  const meanings = new Map<string, Meaning>();
  for (const [name, fn] of topLevelFunctions(sourceCode)) {
    const results = returnedObjects(sourceCode, fn);
    const statuses = results?.map((object) => resultStatus(sourceCode, object));
    if (!results || !statuses || statuses.some((status) => status === null) || new Set(statuses).size !== 1) continue;
    const status = statuses[0]!;
    if (status < 400) continue;
    const challenge = results.every((object) => {
      const headers = object.properties.find((property) => property.type === T.Property && keyName(property) === 'headers');
      return headers?.type === T.Property && CHALLENGE_HEADER_TEXT.test(sourceCode.getText(headers.value));
    });
    meanings.set(name, { kind: 'responds', form: 'function', status, challenge, line: fn.loc.start.line });
  }
  return meanings;
}

/** The object literals a function returns, when every return is one; else null. */
function returnedObjects(sourceCode: SourceCode, fn: TSESTree.FunctionLike): TSESTree.ObjectExpression[] | null {
  const values = returnedValues(sourceCode, fn)?.map(skipWrappers);
  return values?.every((value): value is TSESTree.ObjectExpression => value.type === T.ObjectExpression) ? values : null;
}

/** `{ status: 403, body }` → 403: a status key beside a result object's other keys, else null. */
function resultStatus(sourceCode: SourceCode, object: TSESTree.ObjectExpression): number | null {
  let status: number | null = null;
  let resultShaped = false;
  for (const property of object.properties) {
    if (property.type !== T.Property) continue;
    const key = keyName(property);
    if (key === 'status' || key === 'statusCode') status = resolveStatus(sourceCode, property.value)?.code ?? null;
    else if (key !== null && RESULT_KEYS.has(key)) resultShaped = true;
  }
  return resultShaped ? status : null;
}

/** A class member or assignment that could give an error its own status: such a class is not judged by its name. */
const OWN_STATUS = /\b(?:status|statusCode|httpCode|httpStatus|statusText)\b|\bcode\s*[:=]\s*\d/;

/**
 * `export class UnauthorizedError extends Error {}`, `export class Forbidden extends AppGraphQLError {}`: an error
 * class named for an HTTP status that carries no status of its own, which the project's error handler (or transport)
 * maps to that status. The name is the only status it has, as for a factory named `forbidden()`. A class that sets
 * a status anywhere along its bases in this module is left to its sites, and so is one whose chain leaves the module
 * through anything but an error class (`extends HttpError`, `extends GraphQLError`).
 */
function namedErrorClasses(sourceCode: SourceCode): Map<string, Meaning> {
  const classes = new Map<string, TSESTree.ClassDeclaration>();
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === T.ExportNamedDeclaration || statement.type === T.ExportDefaultDeclaration ? statement.declaration : statement;
    if (declaration?.type === T.ClassDeclaration && declaration.id) classes.set(declaration.id.name, declaration);
  }
  const carriesNoStatus = (declaration: TSESTree.ClassDeclaration, depth: number): boolean => {
    if (depth > 3 || OWN_STATUS.test(sourceCode.getText(declaration.body))) return false;
    const base = declaration.superClass && skipWrappers(declaration.superClass);
    if (!base) return true;
    if (base.type !== T.Identifier) return false;
    const local = classes.get(base.name);
    return local ? carriesNoStatus(local, depth + 1) : /(?:Error|Exception)$/.test(base.name);
  };
  const meanings = new Map<string, Meaning>();
  for (const [name, declaration] of classes) {
    const status = errorStatusOfMethod(name);
    if (status === undefined || !declaration.superClass || !carriesNoStatus(declaration, 0)) continue;
    meanings.set(name, { kind: 'responds', form: 'class', status, challenge: false, line: declaration.loc.start.line });
  }
  return meanings;
}

/** `const HttpCode = { Unauthorized: 401 }`, `enum HttpCode { Unauthorized = 401 }`, `const UNAUTHORIZED = 401`. */
function constantDeclarations(sourceCode: SourceCode): Map<string, Meaning> {
  const meanings = new Map<string, Meaning>();
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === T.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type === T.TSEnumDeclaration) {
      const codes = new Map<string, number>();
      for (const member of declaration.body?.members ?? (declaration as unknown as { members: TSESTree.TSEnumMember[] }).members) {
        const key = member.id.type === T.Identifier ? member.id.name : staticString(member.id);
        const status = member.initializer ? resolveStatus(sourceCode, member.initializer) : null;
        if (key !== null && status) codes.set(key, status.code);
      }
      if (codes.size > 0) meanings.set(declaration.id.name, { kind: 'constants', codes, line: declaration.loc.start.line });
    } else if (declaration?.type === T.VariableDeclaration && declaration.kind === 'const') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== T.Identifier || !declarator.init) continue;
        const meaning = constantMeaning(sourceCode, declarator.init);
        if (meaning) meanings.set(declarator.id.name, meaning);
      }
    }
  }
  return meanings;
}

function constantMeaning(sourceCode: SourceCode, init: Node): Meaning | null {
  const value = skipWrappers(init);
  const line = init.loc.start.line;
  if (value.type === T.ObjectExpression) {
    const codes = new Map<string, number>();
    for (const property of value.properties) {
      if (property.type !== T.Property) continue;
      const key = keyName(property);
      const status = resolveStatus(sourceCode, property.value);
      if (key !== null && status) codes.set(key, status.code);
    }
    return codes.size > 0 ? { kind: 'constants', codes, line } : null;
  }
  const code = staticString(value);
  if (code !== null) return ERROR_CODE.test(code) ? { kind: 'code', code, line } : null;
  const status = value.type === T.Literal ? resolveStatus(sourceCode, value) : null;
  return status && status.code >= 400 ? { kind: 'status', status: status.code, line } : null;
}

/** Exported name → local name, and re-exports, from ESM exports and CommonJS `module.exports = { … }`. */
function exportTable(sourceCode: SourceCode): { locals: Map<string, string>; reexports: ModuleSummary['reexports'] } {
  const locals = new Map<string, string>();
  const reexports: { specifier: string; names: Map<string, string> | null }[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === T.ExportAllDeclaration) {
      if (!statement.exported) reexports.push({ specifier: String(statement.source.value), names: null });
    } else if (statement.type === T.ExportNamedDeclaration) {
      const declaration = statement.declaration;
      if (declaration && 'id' in declaration && declaration.id?.type === T.Identifier) locals.set(declaration.id.name, declaration.id.name);
      if (declaration?.type === T.VariableDeclaration) {
        for (const declarator of declaration.declarations) if (declarator.id.type === T.Identifier) locals.set(declarator.id.name, declarator.id.name);
      }
      const names = new Map<string, string>();
      for (const specifier of statement.specifiers) {
        const exported = specifier.exported.type === T.Identifier ? specifier.exported.name : String(specifier.exported.value);
        const local = specifier.local.type === T.Identifier ? specifier.local.name : String(specifier.local.value);
        if (statement.source) names.set(exported, local);
        else locals.set(exported, local);
      }
      if (statement.source && names.size > 0) reexports.push({ specifier: String(statement.source.value), names });
    } else if (statement.type === T.ExportDefaultDeclaration) {
      const declaration = statement.declaration;
      if (declaration.type === T.Identifier) locals.set('default', declaration.name);
      else if ('id' in declaration && declaration.id?.type === T.Identifier) locals.set('default', declaration.id.name);
      else locals.set('default', 'default');
    } else if (statement.type === T.ExpressionStatement) {
      commonJsExports(statement.expression, locals);
    }
  }
  return { locals, reexports };
}

function commonJsExports(expression: Node, locals: Map<string, string>): void {
  if (expression.type !== T.AssignmentExpression || expression.left.type !== T.MemberExpression) return;
  const target = commonJsExportName(expression.left);
  const value = skipWrappers(expression.right);
  if (target === 'default' && value.type === T.ObjectExpression) {
    for (const property of value.properties) {
      if (property.type !== T.Property) continue;
      const key = keyName(property);
      const local = skipWrappers(property.value);
      if (key !== null && local.type === T.Identifier) locals.set(key, local.name);
    }
  } else if (target && value.type === T.Identifier) {
    locals.set(target, value.name);
  } else if (target) {
    locals.set(target, `exports:${target}`);
  }
}

/** The summary of a parsed module whose response sites the engine has found. */
export function summarize(sourceCode: SourceCode, sites: readonly ResponseSite[]): ModuleSummary {
  const byLocal = new Map<string, Meaning>([
    ...constantDeclarations(sourceCode),
    ...namedErrorClasses(sourceCode),
    ...gateDeclarations(sourceCode),
    ...forwardingDeclarations(sourceCode),
    ...resultObjectDeclarations(sourceCode),
    ...respondingDeclarations(sites),
  ]);
  const { locals, reexports } = exportTable(sourceCode);
  const exports = new Map<string, Meaning>();
  for (const [exported, local] of locals) {
    const meaning = byLocal.get(local);
    if (meaning) exports.set(exported, meaning);
  }
  return { exports, reexports };
}

/**
 * A JSON module's tables of statuses: `{ "HTTP": { "UNAUTHORIZED": 401, "FORBIDDEN": 403 } }` exports `HTTP` as
 * constants. Only an object that names at least one status by its own name is a table of statuses.
 */
export function summarizeJson(text: string): ModuleSummary | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const exports = new Map<string, Meaning>();
  for (const [key, table] of Object.entries(value as Record<string, unknown>)) {
    if (!table || typeof table !== 'object' || Array.isArray(table)) continue;
    const codes = new Map<string, number>();
    for (const [name, code] of Object.entries(table as Record<string, unknown>)) {
      if (typeof code === 'number' && Number.isInteger(code) && code >= 100 && code <= 599) codes.set(name, code);
    }
    const namesStatuses = [...codes].some(([name, code]) => errorStatusOfMethod(name) === code);
    if (namesStatuses) exports.set(key, { kind: 'constants', codes, line: 1 });
  }
  return exports.size > 0 ? { exports, reexports: [] } : null;
}
