import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, keyName, memberPath, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { resolveStatus } from '../status';
import { CHALLENGE_HEADER_TEXT } from '../vocabulary';
import { readModule, stampOf } from './files';
import { packageRootOf } from './package-sources';
import { parseModuleOrSkip } from './parse';

/** The status an Egg helper method sets on the `ctx` it is handed, on every call. */
export interface EggHelperMethod {
  /** The status it sets, or the default of the option that chooses it (`{ ctx, status = 401 }`). */
  status: number;
  /** The option of its first parameter that chooses the status, when a call may hand its own. */
  option?: string;
  /** Does it set a `WWW-Authenticate` header? */
  challenge: boolean;
  line: number;
}

export interface EggHelpers {
  file: string;
  /** The file as the application names it: `app/extend/helper.js`. */
  name: string;
  /** `body.UNAUTHORIZED` → the method; the path below `ctx.helper`. */
  methods: ReadonlyMap<string, EggHelperMethod>;
}

const HELPER_FILES = ['app/extend/helper.js', 'app/extend/helper.ts'];
const known = new Map<string, { stamp: string | undefined; helpers: EggHelpers | null }>();

/**
 * The helpers an Egg application merges into `ctx.helper` (its `app/extend/helper.js`, by Egg's extend convention,
 * not by an import), for the application `file` belongs to: the methods that set a status on the `ctx` they get.
 * Read again when the helper file changes.
 */
export function eggHelpersFor(file: string): EggHelpers | null {
  const root = packageRootOf(file);
  const name = HELPER_FILES.find((candidate) => stampOf(path.join(root, candidate)) !== undefined);
  if (!name) return null;
  const helperFile = path.join(root, name);
  const stamp = stampOf(helperFile);
  const cached = known.get(helperFile);
  if (cached && cached.stamp === stamp) return cached.helpers;
  const module = readModule(helperFile);
  const sourceCode = module ? parseModuleOrSkip(helperFile, module.text) : null;
  const helpers = sourceCode ? { file: helperFile, name, methods: helperMethods(sourceCode) } : null;
  known.set(helperFile, { stamp, helpers });
  return helpers;
}

/** `module.exports = { … }`, `module.exports.body = { … }`, `exports.x = …`, `export default { … }`: each method by its path. */
function helperMethods(sourceCode: SourceCode): Map<string, EggHelperMethod> {
  const methods = new Map<string, EggHelperMethod>();
  for (const statement of (sourceCode.ast as TSESTree.Program).body) {
    let target: string[] | null = null;
    let value: Node | null = null;
    if (statement.type === T.ExportDefaultDeclaration) {
      target = [];
      value = statement.declaration as Node;
    } else if (statement.type === T.ExpressionStatement && statement.expression.type === T.AssignmentExpression) {
      const left = memberPath(statement.expression.left);
      if (left?.[0] === 'module' && left[1] === 'exports') target = left.slice(2);
      else if (left?.[0] === 'exports') target = left.slice(1);
      value = statement.expression.right;
    }
    if (target && value) collect(sourceCode, target, skipWrappers(value), methods, 0);
  }
  return methods;
}

function collect(sourceCode: SourceCode, at: string[], value: Node, methods: Map<string, EggHelperMethod>, depth: number): void {
  if (isFunction(value)) {
    const method = statusSetBy(sourceCode, value);
    if (method && at.length > 0) methods.set(at.join('.'), method);
    return;
  }
  if (value.type !== T.ObjectExpression || depth > 3) return;
  for (const property of value.properties) {
    const key = property.type === T.Property ? keyName(property) : null;
    if (key !== null && property.type === T.Property) collect(sourceCode, [...at, key], skipWrappers(property.value as Node), methods, depth + 1);
  }
}

/**
 * `UNAUTHORIZED({ ctx, msg, status = 401 }) { ctx.body = …; ctx.status = status; }`: a method whose body, without
 * a branch, sets `ctx.status` to a status or to an option of its first parameter that defaults to one.
 */
function statusSetBy(sourceCode: SourceCode, fn: TSESTree.FunctionLike): EggHelperMethod | null {
  if (fn.body?.type !== T.BlockStatement) return null;
  const options = fn.params[0]?.type === T.ObjectPattern ? fn.params[0] : null;
  let found: EggHelperMethod | null = null;
  for (const statement of fn.body.body) {
    if (statement.type === T.IfStatement || statement.type === T.SwitchStatement || statement.type === T.TryStatement || statement.type === T.ReturnStatement) return null;
    const expression = statement.type === T.ExpressionStatement ? skipWrappers(statement.expression) : null;
    if (expression?.type !== T.AssignmentExpression || expression.left.type !== T.MemberExpression || propertyName(expression.left) !== 'status') continue;
    const value = skipWrappers(expression.right);
    const option = value.type === T.Identifier && options ? defaultOf(options, value.name) : null;
    const status = resolveStatus(sourceCode, option ?? value);
    if (!status || (value.type === T.Identifier && !options)) return null;
    found = { status: status.code, ...(option && value.type === T.Identifier ? { option: value.name } : {}), challenge: CHALLENGE_HEADER_TEXT.test(sourceCode.getText(fn)), line: fn.loc.start.line };
  }
  return found;
}

/** The default of option `name` in `{ ctx, status = 401 }`. */
function defaultOf(pattern: TSESTree.ObjectPattern, name: string): Node | null {
  for (const property of pattern.properties) {
    if (property.type !== T.Property || keyName(property) !== name) continue;
    return property.value.type === T.AssignmentPattern ? property.value.right : null;
  }
  return null;
}
