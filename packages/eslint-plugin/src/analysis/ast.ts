import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';

export type Node = TSESTree.Node;
export type SourceCode = Readonly<TSESLint.SourceCode>;

/** Strips the wrappers that do not change a value: TS casts, `!`, `?.` chains and `await`. */
export function skipWrappers(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case T.TSAsExpression:
      case T.TSNonNullExpression:
      case T.TSSatisfiesExpression:
      case T.TSTypeAssertion:
        current = current.expression;
        break;
      case T.ChainExpression:
        current = current.expression;
        break;
      case T.AwaitExpression:
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** The static name of a member's property (`a.b`, `a['b']`, ``a[`b`]``), or null. */
export function propertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed) {
    return member.property.type === T.Identifier ? member.property.name : null;
  }
  return staticString(member.property);
}

/** The static key of an object property, or null for computed keys that are not constant. */
export function keyName(property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition): string | null {
  if (!property.computed && property.key.type === T.Identifier) return property.key.name;
  return staticString(property.key);
}

export function staticString(node: Node): string | null {
  if (node.type === T.Literal) {
    return typeof node.value === 'string' || typeof node.value === 'number' ? String(node.value) : null;
  }
  if (node.type === T.TemplateLiteral && node.expressions.length === 0) {
    return node.quasis[0]?.value.cooked ?? null;
  }
  return null;
}

/** The called name: `f()` → f, `a.b.c()` → c, `new X()` → X. */
export function calleeName(node: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = skipWrappers(node.callee);
  if (callee.type === T.Identifier) return callee.name;
  if (callee.type === T.MemberExpression) return propertyName(callee);
  return null;
}

/** `a.b.c` → ['a', 'b', 'c']; a call or anything dynamic in the chain gives null. */
export function memberPath(node: Node): string[] | null {
  const current = skipWrappers(node);
  if (current.type === T.Identifier) return [current.name];
  if (current.type === T.ThisExpression) return ['this'];
  if (current.type === T.MemberExpression) {
    const name = propertyName(current);
    const base = memberPath(current.object);
    return name !== null && base ? [...base, name] : null;
  }
  return null;
}

/** The leftmost identifier (or `this`) of a member chain, walking through calls (`a.b().c` → a). */
export function chainRoot(node: Node): Node {
  let current = skipWrappers(node);
  for (;;) {
    if (current.type === T.MemberExpression) current = skipWrappers(current.object);
    else if (current.type === T.CallExpression) current = skipWrappers(current.callee);
    else return current;
  }
}

export function isFunction(node: Node): node is TSESTree.FunctionLike {
  return (
    node.type === T.FunctionDeclaration ||
    node.type === T.FunctionExpression ||
    node.type === T.ArrowFunctionExpression
  );
}

/** The last answer of `findVariable`: the adapters of a call ask about its callee one after the other. */
let lastLookup: { sourceCode: SourceCode; identifier: TSESTree.Identifier; variable: TSESLint.Scope.Variable | null } | null = null;

/** Finds the variable an identifier refers to, from the scope the identifier is in. */
export function findVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  if (lastLookup?.identifier === identifier && lastLookup.sourceCode === sourceCode) return lastLookup.variable;
  let variable: TSESLint.Scope.Variable | null = null;
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(identifier); scope && !variable; scope = scope.upper) {
    variable = scope.set.get(identifier.name) ?? null;
  }
  lastLookup = { sourceCode, identifier, variable };
  return variable;
}

/**
 * The single value a variable is bound to: a `const` initialiser, or a `let`/`var` initialiser that is never
 * reassigned. Destructuring gives the source object and the destructured key.
 */
export interface Binding {
  init: Node;
  /** For `const { a: b } = src` the key `a`; for `const [, b] = src` the index as a string. */
  key?: string;
  kind: 'const' | 'let' | 'var' | 'import' | 'param';
  /** For imports: the module name and the imported name (`default` / `*` for namespaces). */
  module?: string;
  imported?: string;
  declaration: Node;
}

const bindings = new WeakMap<TSESLint.Scope.Variable, Binding | null>();

export function bindingOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): Binding | null {
  const variable = findVariable(sourceCode, identifier);
  if (!variable) return null;
  // Computed once per variable: a `var` called in thousands of places would otherwise rescan its references each time.
  let binding = bindings.get(variable);
  if (binding === undefined) {
    binding = computeBinding(variable, identifier.name);
    bindings.set(variable, binding);
  }
  return binding;
}

function computeBinding(variable: TSESLint.Scope.Variable, name: string): Binding | null {
  if (variable.defs.length !== 1) return null;
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding' && def.node.type === T.TSImportEqualsDeclaration) {
    // `import x = require('m')` is `const x = require('m')`; `import x = A.B` aliases a namespace, no module.
    const reference = def.node.moduleReference;
    if (reference.type !== T.TSExternalModuleReference) return null;
    const module = staticString(reference.expression);
    return module === null ? null : { init: def.node, kind: 'import', module, imported: 'default', declaration: def.node };
  }
  if (def.type === 'ImportBinding') {
    const spec = def.node as TSESTree.ImportClause;
    const declaration = spec.parent as TSESTree.ImportDeclaration;
    let imported = 'default';
    if (spec.type === T.ImportNamespaceSpecifier) imported = '*';
    else if (spec.type === T.ImportSpecifier) {
      imported = spec.imported.type === T.Identifier ? spec.imported.name : String(spec.imported.value);
    }
    return { init: declaration, kind: 'import', module: String(declaration.source.value), imported, declaration };
  }
  if (def.type === 'Parameter') {
    return { init: def.name, kind: 'param', declaration: def.node as Node };
  }
  if (def.type !== 'Variable') return null;
  const declarator = def.node as TSESTree.VariableDeclarator;
  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  const kind = declaration.kind === 'const' ? 'const' : declaration.kind === 'var' ? 'var' : 'let';
  if (!declarator.init) return null;
  if (kind !== 'const' && variable.references.some((ref) => ref.isWrite() && ref.identifier !== def.name)) return null;
  const required = requiredModule(declarator.init);
  const key = destructuredKey(declarator.id, name);
  if (required !== null) {
    return { init: declarator.init, kind: 'import', module: required, imported: key ?? 'default', declaration: declarator };
  }
  const awaited = key === undefined ? null : awaitedElement(declarator.init, key);
  if (awaited) return { init: awaited, kind, declaration: declarator };
  return key === undefined
    ? { init: declarator.init, kind, declaration: declarator }
    : { init: declarator.init, key, kind, declaration: declarator };
}

/**
 * `const [doc, recipient] = await Promise.all([findDoc(id), findRecipient(token)])`: each name holds what its own
 * promise resolves to, as if awaited alone.
 */
function awaitedElement(init: Node, key: string): Node | null {
  if (init.type !== T.AwaitExpression || !/^\d+$/.test(key)) return null;
  const call = skipWrappers(init.argument);
  if (call.type !== T.CallExpression || call.callee.type !== T.MemberExpression || propertyName(call.callee) !== 'all') return null;
  const promise = skipWrappers(call.callee.object);
  const list = call.arguments[0] && skipWrappers(call.arguments[0]);
  if (promise.type !== T.Identifier || promise.name !== 'Promise' || list?.type !== T.ArrayExpression) return null;
  const element = list.elements[Number(key)];
  return element && element.type !== T.SpreadElement ? element : null;
}

/** `require('x')` or `require('x').y` → 'x'. */
export function requiredModule(init: Node): string | null {
  let node = skipWrappers(init);
  if (node.type === T.MemberExpression) node = skipWrappers(node.object);
  if (
    node.type === T.CallExpression &&
    node.callee.type === T.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]
  ) {
    return staticString(node.arguments[0]);
  }
  return null;
}

function destructuredKey(pattern: Node, name: string): string | undefined {
  if (pattern.type === T.ObjectPattern) {
    for (const prop of pattern.properties) {
      if (prop.type !== T.Property) continue;
      const value = prop.value.type === T.AssignmentPattern ? prop.value.left : prop.value;
      if (value.type === T.Identifier && value.name === name) return keyName(prop) ?? undefined;
    }
  }
  if (pattern.type === T.ArrayPattern) {
    const index = pattern.elements.findIndex((el) => el?.type === T.Identifier && el.name === name);
    if (index >= 0) return String(index);
  }
  return undefined;
}

/** The nearest enclosing function of a node (not the node itself), or null at the top level. */
export function enclosingFunction(node: Node): TSESTree.FunctionLike | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return null;
}

export function isAncestor(ancestor: Node, node: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/** Splits an identifier into lower-case words: `getAuthHeader` → get auth header, `X_API_KEY` → x api key. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The name a function is declared or bound under: `function f`, `const f = () =>`, `{ f() {} }`, `obj.f = function`. */
export function declaredName(fn: TSESTree.FunctionLike): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator && parent.id.type === T.Identifier) return parent.id.name;
  if (parent?.type === T.Property || parent?.type === T.PropertyDefinition || parent?.type === T.MethodDefinition) {
    return keyName(parent);
  }
  if (parent?.type === T.AssignmentExpression && parent.left.type === T.MemberExpression) return propertyName(parent.left);
  return null;
}

/**
 * The value a local variable was initialised with (`x` of `const v = x`), or null for an import, a parameter, a
 * destructured name or a variable that is reassigned: the values whose origin is one expression of this file.
 */
export function initialValueOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): Node | null {
  const binding = bindingOf(sourceCode, identifier);
  if (binding?.kind === 'param') return resolvedPromiseOf(binding.declaration, binding.init);
  if (!binding || binding.kind === 'import' || binding.key !== undefined) return null;
  return binding.init;
}

/**
 * The call whose promise a `.then` callback's first parameter receives: `User.findOne(…)` for `user` in
 * `User.findOne(…).then((user) => …)`, as `const user = await User.findOne(…)` would hold it.
 */
function resolvedPromiseOf(fn: Node, parameter: Node): Node | null {
  if (!isFunction(fn) || fn.params[0] !== parameter || parameter.type !== T.Identifier) return null;
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== fn || call.callee.type !== T.MemberExpression) return null;
  if (call.callee.computed || propertyName(call.callee) !== 'then') return null;
  const promise = skipWrappers(call.callee.object);
  return promise.type === T.CallExpression ? promise : null;
}

/** What a function returns on every call: an arrow's expression, or a body whose only statement is a `return`. */
export function returnedExpression(fn: TSESTree.FunctionLike): Node | null {
  if (!fn.body) return null;
  if (fn.body.type !== T.BlockStatement) return skipWrappers(fn.body);
  const [only, ...rest] = fn.body.body;
  return rest.length === 0 && only?.type === T.ReturnStatement && only.argument ? skipWrappers(only.argument) : null;
}

/**
 * What a function returns: an arrow's expression body, or the argument of every `return` of its body (nested
 * functions aside). Null when a `return` has no argument, or when there is none.
 */
export function returnedValues(sourceCode: SourceCode, fn: TSESTree.FunctionLike): Node[] | null {
  if (!fn.body) return null;
  if (fn.body.type !== T.BlockStatement) return [fn.body];
  const values: Node[] = [];
  const stack: Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== fn.body && isFunction(node)) continue;
    if (node.type === T.ReturnStatement) {
      if (!node.argument) return null;
      values.push(node.argument);
    }
    pushChildren(sourceCode, node, stack);
  }
  return values.length > 0 ? values : null;
}

/** A class's constructor, if it declares one. */
export function constructorOf(declaration: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.MethodDefinition | null {
  return declaration.body.body.find(
    (member): member is TSESTree.MethodDefinition => member.type === T.MethodDefinition && member.kind === 'constructor',
  ) ?? null;
}

/** Pushes a node's children on a depth-first stack, last child first, so they pop in source order. */
export function pushChildren(sourceCode: SourceCode, node: Node, stack: Node[]): void {
  const keys = sourceCode.visitorKeys[node.type] ?? [];
  for (let i = keys.length - 1; i >= 0; i--) {
    const child = (node as unknown as Record<string, unknown>)[keys[i]!];
    if (Array.isArray(child)) {
      for (let j = child.length - 1; j >= 0; j--) if (child[j]) stack.push(child[j] as Node);
    } else if (child && typeof child === 'object' && 'type' in child) {
      stack.push(child as Node);
    }
  }
}

/** The (awaited) call a value is, or that a variable was initialised with: `const user = await lookup(token)`. */
export function producingCall(sourceCode: SourceCode, value: Node): TSESTree.CallExpression | null {
  const initial = value.type === T.Identifier ? initialValueOf(sourceCode, value) : value;
  if (!initial) return null;
  let init = skipWrappers(initial);
  if (init.type === T.AwaitExpression) init = skipWrappers(init.argument);
  return init.type === T.CallExpression ? init : null;
}

/**
 * The function a name of this file is declared as (`function f() {}`, `const f = () => …`), or null for a parameter,
 * an import or anything declared more than once.
 */
export function declaredFunction(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.FunctionLike | null {
  const definitions = findVariable(sourceCode, identifier)?.defs;
  const definition = definitions?.length === 1 ? definitions[0]! : null;
  if (!definition || (definition.type !== 'FunctionName' && definition.type !== 'Variable')) return null;
  const declaration = definition.node as Node;
  const fn = declaration.type === T.VariableDeclarator ? declaration.init && skipWrappers(declaration.init) : declaration;
  return fn && isFunction(fn) ? fn : null;
}

/**
 * The value last given to a local variable before `identifier` reads it, by an assignment that runs whenever the
 * read does (a statement of a block around the read): `errMsg = 'No signature'; … body: errMsg`. Null otherwise.
 */
export function valueAssignedBefore(sourceCode: SourceCode, identifier: TSESTree.Identifier): Node | null {
  const variable = findVariable(sourceCode, identifier);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return null;
  let latest: TSESTree.AssignmentExpression | null = null;
  for (const reference of variable.references) {
    const assignment = reference.identifier.parent;
    if (!reference.isWrite() || assignment?.type !== T.AssignmentExpression || assignment.operator !== '=') continue;
    if (assignment.range[1] > identifier.range[0] || (latest && assignment.range[0] < latest.range[0])) continue;
    const statement = assignment.parent;
    const block = statement?.type === T.ExpressionStatement ? statement.parent : undefined;
    const encloses = block && (block.type === T.BlockStatement || block.type === T.Program) && block.range[0] <= identifier.range[0] && identifier.range[1] <= block.range[1];
    if (encloses) latest = assignment;
  }
  return latest?.right ?? null;
}

/**
 * The values a local variable is given: its initial value and every plain `=` assignment to it; nothing when any
 * other write (`+=`, a destructuring) makes that list incomplete, or when there are more than `limit`.
 */
export function valuesWrittenTo(sourceCode: SourceCode, identifier: TSESTree.Identifier, limit = Infinity): Node[] {
  const variable = findVariable(sourceCode, identifier);
  if (!variable || variable.defs.length !== 1 || variable.defs[0]!.type !== 'Variable') return [];
  const def = variable.defs[0]!;
  const declarator = def.node as TSESTree.VariableDeclarator;
  // `let { identifier } = ctx.request.body`: a destructured variable starts as a part of the whole it is taken from.
  const values: Node[] = declarator.init ? [declarator.init] : [];
  for (const reference of variable.references) {
    if (!reference.isWrite() || reference.identifier === def.name) continue;
    const assignment = reference.identifier.parent;
    if (assignment?.type !== T.AssignmentExpression || assignment.operator !== '=' || assignment.left !== reference.identifier) return [];
    values.push(assignment.right);
  }
  return values.length <= limit ? values : [];
}
