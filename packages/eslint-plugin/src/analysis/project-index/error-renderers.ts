import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { enclosingFunction, isFunction, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { CHALLENGE_HEADER_TEXT, ERROR_STATUS_FIELDS } from '../vocabulary';
import { readModule, stampOf } from './files';
import { findNodes, MAX_FILE_CHARACTERS, packageRootOf, sourceFiles } from './package-sources';
import { parseModuleOrSkip } from './parse';

/** A place that turns instances of an error class into a response with the status they carry. */
export interface ErrorRendering {
  file: string;
  line: number;
  /** Does it set a challenge, or copy the error's own headers, where it renders? */
  challenge: boolean;
}

/** `error instanceof ApplicationError` anywhere in a test, with the tested name. */
function testedInstance(test: Node, className: string): string | null {
  const value = skipWrappers(test);
  if (value.type === T.LogicalExpression) return testedInstance(value.left, className) ?? testedInstance(value.right, className);
  if (value.type !== T.BinaryExpression || value.operator !== 'instanceof') return null;
  const left = skipWrappers(value.left as Node);
  const right = skipWrappers(value.right);
  return left.type === T.Identifier && right.type === T.Identifier && right.name === className ? left.name : null;
}

/** Does `root` read a property of the variable `name` (any, or one `property` accepts): `error.status`, `res.json`? */
function readsMemberOf(sourceCode: SourceCode, root: Node, name: string, property: (key: string | null) => boolean = () => true): boolean {
  const reads = (node: Node) => {
    if (node.type !== T.MemberExpression) return false;
    const object = skipWrappers(node.object);
    return object.type === T.Identifier && object.name === name && property(propertyName(node));
  };
  return findNodes(sourceCode, root, reads, true).length > 0;
}

/** Does `branch` read the status the error carries (`error.status`, `err.statusCode`)? */
function readsStatusOf(sourceCode: SourceCode, branch: Node, name: string): boolean {
  return readsMemberOf(sourceCode, branch, name, (key) => ERROR_STATUS_FIELDS.has(key ?? ''));
}

/** Does the renderer set a challenge or pass on the error's own `headers`? Judged over the whole function it is in. */
function mayChallenge(sourceCode: SourceCode, rendering: Node, name: string): boolean {
  const scope = enclosingFunction(rendering) ?? rendering;
  return CHALLENGE_HEADER_TEXT.test(sourceCode.getText(scope)) || readsMemberOf(sourceCode, scope, name, (key) => key === 'headers');
}

function renderingsIn(file: string, text: string, className: string): ErrorRendering[] {
  const sourceCode = parseModuleOrSkip(file, text);
  if (!sourceCode) return [];
  const renderings: ErrorRendering[] = [];
  for (const node of findNodes(sourceCode, sourceCode.ast as Node, (node) => node.type === T.IfStatement || node.type === T.ConditionalExpression)) {
    const branch = node as TSESTree.IfStatement | TSESTree.ConditionalExpression;
    const name = testedInstance(branch.test, className);
    if (name === null || !readsStatusOf(sourceCode, branch.consequent, name)) continue;
    renderings.push({ file, line: branch.loc.start.line, challenge: mayChallenge(sourceCode, branch, name) });
  }
  return renderings;
}

const INSTANCE_TEST = /\binstanceof\s+([A-Za-z_$][\w$]*)/g;

/** Per package: which files test `instanceof` of which class, read once per process. */
const mentionsByRoot = new Map<string, Map<string, string[]>>();

function mentionsIn(root: string): Map<string, string[]> {
  const cached = mentionsByRoot.get(root);
  if (cached) return cached;
  const mentions = new Map<string, string[]>();
  for (const candidate of sourceFiles(root) ?? []) {
    const module = readModule(candidate);
    if (!module || module.text.length > MAX_FILE_CHARACTERS) continue;
    for (const match of module.text.matchAll(INSTANCE_TEST)) {
      const files = mentions.get(match[1]!) ?? [];
      if (!files.includes(candidate)) files.push(candidate);
      mentions.set(match[1]!, files);
    }
  }
  mentionsByRoot.set(root, mentions);
  return mentions;
}

const known = new Map<string, { renderings: ErrorRendering[]; stamps: Map<string, string | undefined> }>();

/**
 * Where the package of `file` renders instances of `className` with the status they carry: `if (error instanceof
 * ApplicationError) return { status: error.status, … }` in an error handler. The package's files are read once per
 * process; a class's renderings are found again when a file they were found in changes. Empty when no such place is
 * found (the class may be rendered by a framework, or in code not searched).
 */
export function renderingsOf(file: string, className: string): ErrorRendering[] {
  const root = packageRootOf(file);
  const key = `${root}\0${className}`;
  const cached = known.get(key);
  if (cached && [...cached.stamps].every(([found, stamp]) => stampOf(found) === stamp)) return cached.renderings;
  const renderings: ErrorRendering[] = [];
  const stamps = new Map<string, string | undefined>();
  for (const candidate of mentionsIn(root).get(className) ?? []) {
    const module = readModule(candidate);
    if (!module) continue;
    stamps.set(candidate, module.stamp);
    renderings.push(...renderingsIn(candidate, module.text, className));
  }
  known.set(key, { renderings, stamps });
  return renderings;
}

/** The text of an Express error middleware's signature: `(err, req, res, next)`. */
const ERROR_MIDDLEWARE_TEXT = /\(\s*[A-Za-z_$][\w$]*\s*(?::[^,()]*)?,\s*req\w*\s*(?::[^,()]*)?,\s*res\w*\s*(?::[^,()]*)?,\s*next\w*\s*(?::[^,()]*)?\)/;

/** Express error middlewares (four parameters) that send the status their error carries. */
function errorMiddlewaresIn(file: string, text: string): ErrorRendering[] {
  const sourceCode = parseModuleOrSkip(file, text);
  if (!sourceCode) return [];
  const renderings: ErrorRendering[] = [];
  for (const fn of findNodes(sourceCode, sourceCode.ast as Node, isFunction) as TSESTree.FunctionLike[]) {
    const [error, , response] = fn.params;
    if (fn.params.length !== 4 || error?.type !== T.Identifier || response?.type !== T.Identifier || !fn.body) continue;
    // It sends (uses `res`) the status its error carries; one that only converts errors and passes them on does not.
    if (!readsStatusOf(sourceCode, fn.body, error.name) || !readsMemberOf(sourceCode, fn.body, response.name)) continue;
    renderings.push({ file, line: fn.loc.start.line, challenge: mayChallenge(sourceCode, fn.body, error.name) });
  }
  return renderings;
}

const middlewaresByRoot = new Map<string, { renderings: ErrorRendering[]; stamps: Map<string, string | undefined> }>();

/**
 * The package's Express error middlewares that send `err.status` (`function (err, req, res, next) { res.status(err.status)
 * … }`): where a project error class without a handler of its own is rendered. Read once per package and process;
 * again when a file they were found in changes.
 */
export function errorMiddlewaresOf(file: string): ErrorRendering[] {
  const root = packageRootOf(file);
  const cached = middlewaresByRoot.get(root);
  if (cached && [...cached.stamps].every(([found, stamp]) => stampOf(found) === stamp)) return cached.renderings;
  const renderings: ErrorRendering[] = [];
  const stamps = new Map<string, string | undefined>();
  for (const candidate of sourceFiles(root) ?? []) {
    const module = readModule(candidate);
    if (!module || module.text.length > MAX_FILE_CHARACTERS || !ERROR_MIDDLEWARE_TEXT.test(module.text)) continue;
    const found = errorMiddlewaresIn(candidate, module.text);
    if (found.length === 0) continue;
    stamps.set(candidate, module.stamp);
    renderings.push(...found);
  }
  middlewaresByRoot.set(root, { renderings, stamps });
  return renderings;
}
