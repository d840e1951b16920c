import type { TSESTree } from '@typescript-eslint/utils';
import { calleeName, initialValueOf, keyName, memberPath, propertyName, skipWrappers, staticString, valuesWrittenTo, words, type Node, type SourceCode } from '../ast';
import { T } from '../node-types';
import * as V from '../vocabulary';

/** `user` in `const user = await Users.findOne({ apiKey })`: the result of looking something up. */
export function isLookupResult(sourceCode: SourceCode, node: Node): boolean {
  return lookupsAssignedTo(sourceCode, node) !== null;
}

/**
 * The lookups a variable holds: its initial value, or every value given to a `let` declared without one
 * (`let user; if (isEmail(id)) user = await find({ email: id }); else user = await find({ phone: id })`); null when
 * any of them is something else.
 */
export function lookupsAssignedTo(sourceCode: SourceCode, node: Node): Node[] | null {
  const value = skipWrappers(node);
  if (value.type !== T.Identifier) return null;
  const init = initialValueOf(sourceCode, value);
  const values = init ? [init] : valuesWrittenTo(sourceCode, value, MAX_LOOKUPS).filter((written) => !isNullish(written));
  const isLookup = (written: Node) => V.LOOKUP_CALL.test(sourceCode.getText(skipWrappers(written)).split('(')[0] + '(') || lookupInChain(written) !== null;
  return values.length > 0 && values.every(isLookup) ? values : null;
}

/**
 * The lookup call of a chain: `findOne(…)` in `await models.Room.getInstance().findOne({ … }).catch(…)`, where the
 * chain's first call only reaches the model and its last only handles the promise.
 */
export function lookupInChain(node: Node): TSESTree.CallExpression | null {
  let current = skipWrappers(node);
  if (current.type === T.AwaitExpression) current = skipWrappers(current.argument);
  for (let link = 0; current.type === T.CallExpression && link < MAX_CHAIN; link++) {
    const callee = skipWrappers(current.callee);
    if (callee.type !== T.MemberExpression) return null;
    if (V.LOOKUP_CALL.test(`${propertyName(callee) ?? ''}(`)) return current;
    current = skipWrappers(callee.object as Node);
  }
  return null;
}

const MAX_CHAIN = 6;

const MAX_LOOKUPS = 4;

export function isSchemePattern(node: Node): boolean {
  const value = skipWrappers(node);
  const text = value.type === T.Literal && 'regex' in value && value.regex ? value.regex.pattern : staticString(value);
  return text !== null && /^\^?\s*(bearer|basic|token|digest)\b/i.test(text.trim());
}

export function isNullish(node: Node): boolean {
  const value = skipWrappers(node);
  return (
    (value.type === T.Literal && (value.value === null || value.value === '' || value.value === false)) ||
    (value.type === T.Identifier && value.name === 'undefined') ||
    (value.type === T.UnaryExpression && value.operator === 'void')
  );
}

export function isNow(node: Node): boolean {
  const value = skipWrappers(node);
  const text = value.type === T.Identifier ? value.name : '';
  if (/^(now|currentTime|nowInSeconds|nowSeconds|timestamp|currentTimestamp|nowMs|nowSec)$/i.test(text)) return true;
  const all: string[] = identifierNames(value);
  return all.includes('Date') && (all.includes('now') || value.type === T.NewExpression || all.includes('getTime'))
    || (value.type === T.NewExpression && calleeName(value) === 'Date' && value.arguments.length === 0)
    || (value.type === T.BinaryExpression && (isNow(value.left as Node) || isNow(value.right)))
    || (value.type === T.CallExpression && /^(floor|round|trunc|ceil|now|getTime|valueOf)$/.test(calleeName(value) ?? '') &&
      (value.arguments.some((a) => a.type !== T.SpreadElement && isNow(a)) || (value.callee.type === T.MemberExpression && isNow(value.callee.object))));
}

/** An id compared as a string: `review.user.toString()`, `String(post.authorId)` → the id itself. */
export function idValue(node: Node): Node {
  const value = skipWrappers(node);
  if (value.type !== T.CallExpression) return value;
  const callee = skipWrappers(value.callee);
  if (callee.type === T.MemberExpression && value.arguments.length === 0 && ['toString', 'valueOf', 'toHexString'].includes(propertyName(callee) ?? '')) {
    return skipWrappers(callee.object);
  }
  if (callee.type === T.Identifier && callee.name === 'String' && value.arguments[0] && value.arguments[0].type !== T.SpreadElement) {
    return skipWrappers(value.arguments[0]);
  }
  return value;
}

/** `post.authorId !== req.user.id`, `review.user.toString() !== req.user._id.toString()`: a resource's owner compared with the caller. */
export function isOwnership(left: Node, right: Node): boolean {
  const a = memberPath(left)?.flatMap(words) ?? [];
  const b = memberPath(right)?.flatMap(words) ?? [];
  // An id (`sub` is the subject claim: the caller's id), or a field that references a user (`review.user`, `post.author`, `doc.owner`).
  const isId = (tokens: string[]) =>
    tokens.includes('id') || tokens.includes('uid') || tokens[tokens.length - 1] === 'sub' || (tokens.length > 1 && ['user', 'owner', 'author', 'creator'].includes(tokens[tokens.length - 1]!));
  const isCaller = (tokens: string[]) => tokens.some((word) => ['user', 'me', 'caller', 'current', 'session', 'auth', 'decoded'].includes(word));
  if (!isId(a) || !isId(b)) return false;
  if (isCaller(a) !== isCaller(b)) return true;
  // `post.userId !== req.user.id`: both name a user, but only one is read from the caller (its object says so).
  const owner = (node: Node) => memberPath(node)?.slice(0, -1).flatMap(words) ?? [];
  const aboutCredential = (tokens: string[]) => tokens.some((word) => V.CREDENTIAL_WORDS.has(word) || ['payload', 'claims', 'decoded'].includes(word));
  return !aboutCredential(a) && !aboutCredential(b) && isCaller(owner(left)) !== isCaller(owner(right));
}

export function identifierNames(node: Node): string[] {
  return referencedIdentifiers(node).map((identifier) => identifier.name).concat(memberNames(node));
}

export function memberNames(node: Node): string[] {
  const names: string[] = [];
  walk(node, (child) => {
    if (child.type === T.MemberExpression) {
      const name = propertyName(child);
      if (name) names.push(name);
    }
  });
  return names;
}

/** Identifiers read by an expression (not property names), without entering nested functions. */
export function referencedIdentifiers(node: Node): TSESTree.Identifier[] {
  const found: TSESTree.Identifier[] = [];
  walk(node, (child, parent) => {
    if (child.type !== T.Identifier) return;
    if (parent?.type === T.MemberExpression && parent.property === child && !parent.computed) return;
    if (parent?.type === T.Property && parent.key === child && !parent.computed && parent.value !== child) return;
    found.push(child);
  });
  return found;
}

const WALK_KEYS: Record<string, string[]> = {
  MemberExpression: ['object', 'property'],
  CallExpression: ['callee', 'arguments'],
  NewExpression: ['callee', 'arguments'],
  BinaryExpression: ['left', 'right'],
  LogicalExpression: ['left', 'right'],
  UnaryExpression: ['argument'],
  AwaitExpression: ['argument'],
  ChainExpression: ['expression'],
  TSNonNullExpression: ['expression'],
  TSAsExpression: ['expression'],
  TSSatisfiesExpression: ['expression'],
  ConditionalExpression: ['test', 'consequent', 'alternate'],
  ObjectExpression: ['properties'],
  Property: ['key', 'value'],
  ArrayExpression: ['elements'],
  TemplateLiteral: ['expressions'],
  SpreadElement: ['argument'],
  AssignmentPattern: ['left', 'right'],
};

export function walk(node: Node, visit: (node: Node, parent: Node | null) => void, parent: Node | null = null, budget = { left: 200 }): void {
  if (budget.left-- <= 0) return;
  visit(node, parent);
  for (const key of WALK_KEYS[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(child)) for (const item of child) { if (item) walk(item as Node, visit, node, budget); }
    else if (child && typeof child === 'object') walk(child as Node, visit, node, budget);
  }
}

const CATALOGUE_WORDS = new Set(['message', 'messages', 'msg', 'msgs', 'error', 'errors', 'code', 'codes', 'text', 'texts', 'reason', 'reasons']);

/**
 * The words of a message kept in a catalogue whose text lives elsewhere (`ErrorMessage.InvalidCredentials`,
 * `AUTH_ERRORS.TOKEN_EXPIRED`): the entry's name is what it says.
 */
function catalogueEntry(node: Node): string | null {
  if (node.type !== T.MemberExpression || node.computed || node.property.type !== T.Identifier) return null;
  const owner = memberPath(node.object);
  const ownerWords = words(owner?.[owner.length - 1] ?? '');
  return CATALOGUE_WORDS.has(ownerWords[ownerWords.length - 1] ?? '') ? words(node.property.name).join(' ') : null;
}

/** `INVALID_CREDENTIALS`: a constant named like a catalogue entry, whose text lives elsewhere. */
export function messageConstantWords(node: Node): string | null {
  return node.type === T.Identifier && /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(node.name) ? words(node.name).join(' ') : null;
}

/** String contents in a message expression: literals, template parts, object values (`{ message: '…' }`). */
export function stringsIn(node: Node): { value: string; node: Node }[] {
  const found: { value: string; node: Node }[] = [];
  walk(node, (child, parent) => {
    if (parent?.type === T.Property && parent.key === child) return;
    if (child.type === T.Literal && typeof child.value === 'string') found.push({ value: child.value, node: child });
    if (child.type === T.TemplateLiteral) {
      const value = child.quasis.map((quasi) => quasi.value.cooked ?? '').join(' … ');
      found.push({ value, node: child });
    }
    const entry = catalogueEntry(child);
    if (entry) found.push({ value: entry, node: child });
    if (child.type === T.Property && parent?.type === T.ObjectExpression) {
      const key = keyName(child);
      // `{ code: 'TOKEN_EXPIRED' }`, `{ error: 'invalid_token' }`: machine codes count like messages.
      if (key && /^(code|error|errorCode|type)$/.test(key)) {
        const value = staticString(child.value);
        if (value && /^[A-Za-z_]+$/.test(value)) found.push({ value: value.replace(/_/g, ' '), node: child.value });
      }
    }
  });
  return found;
}
