import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { T } from './node-types';
import { enclosingFunction, findVariable, isAncestor, keyName, memberPath, skipWrappers, staticString, type Node, type SourceCode } from './ast';

/**
 * A response handle identifies "this response" across statements: the variable the response object is bound
 * to (resolved through scope analysis, so two handlers' `res` parameters differ) plus the member path after it.
 */
export type HandleKey = string;

const variableIds = new WeakMap<TSESLint.Scope.Variable, number>();
let nextVariableId = 1;

export function handleKey(sourceCode: SourceCode, receiver: Node): HandleKey | null {
  const path = memberPath(receiver);
  if (!path) return null;
  let root = skipWrappers(receiver);
  while (root.type === T.MemberExpression) root = skipWrappers(root.object);
  const rest = path.slice(1).join('.');
  if (root.type === T.ThisExpression) {
    const fn = enclosingFunction(root);
    return `this@${fn ? fn.range[0] : 0}.${rest}`;
  }
  if (root.type !== T.Identifier) return null;
  const variable = findVariable(sourceCode, root);
  if (!variable) return `global:${root.name}.${rest}`;
  let id = variableIds.get(variable);
  if (id === undefined) {
    id = nextVariableId++;
    variableIds.set(variable, id);
  }
  return `var${id}.${rest}`;
}

/**
 * Header names (lower case) set by an object of headers; `*` when some are not static. With the file's scope at hand,
 * a spread of a constant object of the file (`...corsHeaders`, `...(cors && corsHeaders)`) adds that object's names.
 */
export function headerNamesOfObject(node: Node, sourceCode?: SourceCode): string[] {
  return namesOfHeaderObject(node, sourceCode, 0);
}

/** How many constant objects deep a spread is followed. */
const MAX_SPREAD_DEPTH = 3;

function namesOfHeaderObject(node: Node, sourceCode: SourceCode | undefined, depth: number): string[] {
  const value = skipWrappers(node);
  if (value.type === T.ObjectExpression) {
    return value.properties.flatMap((property) => {
      if (property.type === T.SpreadElement) return sourceCode ? namesOfSpread(property.argument, sourceCode, depth) : ['*'];
      const key = keyName(property);
      return key === null ? '*' : key.toLowerCase();
    });
  }
  if (value.type === T.ArrayExpression) {
    // Raw header pairs: [['WWW-Authenticate', v], …] or the flat form ['WWW-Authenticate', v, …].
    const names: string[] = [];
    value.elements.forEach((element, index) => {
      if (!element || element.type === T.SpreadElement) return void names.push('*');
      if (element.type === T.ArrayExpression) {
        const first = element.elements[0];
        const name = first && first.type !== T.SpreadElement ? staticString(first) : null;
        names.push(name === null ? '*' : name.toLowerCase());
      } else if (index % 2 === 0) {
        const name = staticString(element);
        names.push(name === null ? '*' : name.toLowerCase());
      }
    });
    return names;
  }
  return ['*'];
}

/** What a spread may add: both sides of `a ? b : c` and `a || b`, the right of `a && b`, nothing for `false`/`null`. */
function namesOfSpread(argument: Node, sourceCode: SourceCode, depth: number): string[] {
  const value = skipWrappers(argument);
  if (depth >= MAX_SPREAD_DEPTH) return ['*'];
  switch (value.type) {
    case T.LogicalExpression:
      return value.operator === '&&'
        ? namesOfSpread(value.right, sourceCode, depth)
        : [...namesOfSpread(value.left, sourceCode, depth), ...namesOfSpread(value.right, sourceCode, depth)];
    case T.ConditionalExpression:
      return [...namesOfSpread(value.consequent, sourceCode, depth), ...namesOfSpread(value.alternate, sourceCode, depth)];
    case T.ObjectExpression:
      return namesOfHeaderObject(value, sourceCode, depth + 1);
    case T.Literal:
      return value.value === null || value.value === false ? [] : ['*'];
    case T.Identifier: {
      if (value.name === 'undefined') return [];
      const object = constantObjectOf(sourceCode, value);
      return object ? namesOfHeaderObject(object, sourceCode, depth + 1) : ['*'];
    }
    default:
      return ['*'];
  }
}

/** The object literal a `const` of the file holds, when nothing writes into it (`x.a = …`, `Object.assign(x, …)`). */
function constantObjectOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.ObjectExpression | null {
  const variable = findVariable(sourceCode, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0]! : null;
  if (definition?.type !== 'Variable' || definition.parent?.kind !== 'const') return null;
  const init = definition.node.init && skipWrappers(definition.node.init);
  if (init?.type !== T.ObjectExpression) return null;
  const writtenInto = variable!.references.some(({ identifier: reference }) => {
    const parent = reference.parent;
    if (parent?.type === T.MemberExpression && parent.object === reference) {
      return (parent.parent?.type === T.AssignmentExpression && parent.parent.left === parent) || parent.parent?.type === T.UpdateExpression;
    }
    return parent?.type === T.CallExpression && parent.arguments[0] === reference && memberPath(parent.callee)?.join('.') === 'Object.assign';
  });
  return writtenInto ? null : init;
}

/** Header names an options object (`{ status, headers: { … } }`) sets through its `headers`; `*` when it spreads. */
export function headerNamesOfOptions(options: TSESTree.ObjectExpression): string[] {
  return options.properties.flatMap((property) => {
    if (property.type === T.SpreadElement) return ['*'];
    return keyName(property) === 'headers' ? headerNamesOfObject(property.value) : [];
  });
}

/** Header names a `(name, value)` or `({ name: value })` argument list sets. */
export function headerNamesOfArguments(args: TSESTree.CallExpressionArgument[], sourceCode?: SourceCode): string[] {
  const first = args[0];
  if (!first || first.type === T.SpreadElement) return ['*'];
  const name = staticString(first) ?? (sourceCode ? constantString(sourceCode, first) : null);
  if (name !== null) return [name.toLowerCase()];
  const value = skipWrappers(first);
  if (value.type === T.ObjectExpression || value.type === T.ArrayExpression) return headerNamesOfObject(value);
  return ['*'];
}

/** `KEY` of `const KEY = 'firebase-token'`: a name kept in a constant of the file. */
function constantString(sourceCode: SourceCode, node: Node): string | null {
  const value = skipWrappers(node);
  if (value.type !== T.Identifier) return null;
  const definition = findVariable(sourceCode, value)?.defs;
  if (definition?.length !== 1 || definition[0]!.type !== 'Variable') return null;
  const declarator = definition[0]!.node as TSESTree.VariableDeclarator;
  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  return declaration.kind === 'const' && declarator.init ? staticString(skipWrappers(declarator.init)) : null;
}

interface HeaderRecord {
  names: string[];
  node: Node;
}

/** Every header set on every handle in the file, queried by the sites. */
export class HeaderRegistry {
  private readonly records = new Map<HandleKey, HeaderRecord[]>();
  private pending: (() => void)[] = [];

  record(handle: HandleKey, names: string[], node: Node): void {
    const list = this.records.get(handle);
    if (list) list.push({ names, node });
    else this.records.set(handle, [{ names, node }]);
  }

  /**
   * Records that are costly to find (`findRecords` calls `record`), looked for only when a site first asks: most
   * files have no site, and an answer does not depend on the order of the records.
   */
  recordLater(findRecords: () => void): void {
    this.pending.push(findRecords);
  }

  /** Is `name` (lower case) set on `handle` somewhere that can affect the response chosen at `site`? */
  has(handle: HandleKey, name: string, site: Node): boolean {
    if (this.pending.length > 0) {
      const pending = this.pending;
      this.pending = [];
      for (const findRecords of pending) findRecords();
    }
    const list = this.records.get(handle);
    if (!list) return false;
    return list.some(
      (record) => (record.names.includes(name) || record.names.includes('*')) && canAffect(record.node, site),
    );
  }
}

/**
 * A header set at `header` can affect the response at `site` when the site runs in the same function (or a
 * callback inside it) and the two are not in different branches of one `if`, `?:` or `switch`.
 */
export function canAffect(header: Node, site: Node): boolean {
  const fn = enclosingFunction(header);
  if (fn && !isAncestor(fn, site)) return false;
  const headerAncestors = new Map<Node, Node>();
  let child: Node = header;
  for (let current = header.parent; current; current = current.parent) {
    headerAncestors.set(current, child);
    child = current;
  }
  let siteChild: Node = site;
  for (let current = site.parent; current; current = current.parent) {
    const headerChild = headerAncestors.get(current);
    if (headerChild !== undefined) {
      if (headerChild === siteChild) return true;
      if (header.range[0] > site.range[1] && leavesBefore(site, current)) return false;
      // A header set in an earlier branch that returns or throws never reaches a later response.
      if (header.range[1] < site.range[0] && leavesBefore(header, current)) return false;
      switch (current.type) {
        case T.IfStatement:
        case T.ConditionalExpression:
          return headerChild === current.test || siteChild === current.test;
        case T.SwitchStatement:
          return headerChild === current.discriminant;
        default:
          return true;
      }
    }
    siteChild = current;
  }
  return true;
}

/** Does the code path from `site` return or throw before it gets back to `ancestor`'s level? */
function leavesBefore(site: Node, ancestor: Node): boolean {
  let child: Node = site;
  for (let current = site.parent; current && current !== ancestor; child = current, current = current.parent) {
    if (current.type === T.ReturnStatement || current.type === T.ThrowStatement) return true;
    if (isFunctionNode(current)) return false;
    if (current.type === T.BlockStatement || current.type === T.SwitchCase) {
      const body: readonly Node[] = current.type === T.BlockStatement ? current.body : current.consequent;
      const rest = body.slice(body.indexOf(child) + 1);
      if (rest.some((statement) => statement.type === T.ReturnStatement || statement.type === T.ThrowStatement)) return true;
    }
  }
  return false;
}

function isFunctionNode(node: Node): boolean {
  return node.type === T.FunctionDeclaration || node.type === T.FunctionExpression || node.type === T.ArrowFunctionExpression;
}
