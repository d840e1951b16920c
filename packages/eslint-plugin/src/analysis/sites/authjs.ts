import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { isFunction, keyName, memberPath, type Node } from '../ast';

/** `CredentialsProvider({…})`, `Credentials({…})`, `CredentialsProvider.default({…})` (NextAuth.js, Auth.js, nuxt-auth). */
const CREDENTIALS_PROVIDER = /^Credentials(Provider)?$/;

/**
 * Inside the `authorize` callback of an Auth.js / NextAuth.js credentials provider: the library catches whatever it
 * throws and answers with its own sign-in error, so a status written there never reaches the client.
 */
export function isCaughtByAuthJs(node: Node): boolean {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const property = current.parent?.type === T.Property ? current.parent : null;
    if (!property || keyName(property) !== 'authorize' || property.parent?.type !== T.ObjectExpression) continue;
    const call = property.parent.parent;
    if (call?.type !== T.CallExpression || !call.arguments.includes(property.parent)) continue;
    return isCredentialsProvider(call);
  }
  return false;
}

function isCredentialsProvider(call: TSESTree.CallExpression): boolean {
  const path = memberPath(call.callee);
  if (!path) return false;
  const name = path[path.length - 1] === 'default' ? path[path.length - 2] : path[path.length - 1];
  return CREDENTIALS_PROVIDER.test(name ?? '');
}
