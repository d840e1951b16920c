import { SourceCode } from '../lint/eslint-core';

/**
 * oxc gives no tokens, and most lints never ask for one: our rules ask only while building a fix or a suggestion.
 * A native tree carries, under this key, a function that returns the tokens ESLint's own parser gives for the same
 * text; the first token request on its `SourceCode` calls it once and answers from a token store over those tokens
 * and the tree's comments. Token methods take ranges, which the native tree shares with ESLint's parser, so every
 * answer is the one ESLint's parser would give. Reading `sourceCode.ast.tokens` or `tokensAndComments` directly
 * still sees no tokens; our rules do neither.
 */
export const TOKENS_ON_DEMAND = Symbol('auth-status tokens on demand');

interface Token {
  range: [number, number];
}
type TokenSource = () => Token[];
type TokenStoreClass = new (tokens: Token[], comments: unknown[]) => object;
interface NativeSourceCode {
  ast?: { comments: unknown[]; [TOKENS_ON_DEMAND]?: TokenSource };
}
type Method = (this: object, ...args: unknown[]) => unknown;

const TokenStore = Object.getPrototypeOf(SourceCode) as TokenStoreClass;
const stores = new WeakMap<object, object>();

/** The token store to answer from: a store over ESLint's parser's tokens for a native tree, else the source code itself. */
function answeringStore(sourceCode: object): object {
  const source = (sourceCode as NativeSourceCode).ast?.[TOKENS_ON_DEMAND];
  if (source === undefined) return sourceCode;
  let store = stores.get(sourceCode);
  if (store === undefined) {
    store = new TokenStore(source(), (sourceCode as NativeSourceCode).ast!.comments);
    stores.set(sourceCode, store);
  }
  return store;
}

let installed = false;

/** Routes every token store method (`getFirstToken`, `getCommentsBefore`, …) of a native tree's `SourceCode` to its tokens on demand. */
export function answerTokensOnDemand(): void {
  if (installed) return;
  installed = true;
  const prototype = TokenStore.prototype as Record<string, unknown>;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const original = prototype[name];
    if (name === 'constructor' || typeof original !== 'function') continue;
    prototype[name] = function (this: object, ...args: unknown[]) {
      return (original as Method).apply(answeringStore(this), args);
    };
  }
}
