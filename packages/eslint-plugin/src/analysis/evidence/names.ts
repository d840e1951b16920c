import type { TSESTree } from '@typescript-eslint/utils';
import { declaredName, keyName, propertyName, type Node } from '../ast';
import { T } from '../node-types';
import * as V from '../vocabulary';

/** A method of an authentication class (`JwtAuthGuard.canActivate`) is named by its class. */
export function functionName(fn: TSESTree.FunctionLike): string | null {
  const parent = fn.parent;
  if (parent?.type === T.MethodDefinition) {
    const owner = parent.parent?.parent;
    const className = owner && (owner.type === T.ClassDeclaration || owner.type === T.ClassExpression) ? owner.id?.name : null;
    if (className && V.AUTHENTICATION_CLASS.test(className)) return className;
  }
  const declared = declaredName(fn);
  if (declared) return declared;
  const procedure = procedureOf(fn);
  return procedure && keyName(procedure);
}

/** `login: publicProcedure.input(…).mutation(async () => …)`: a tRPC procedure is named by its router's key. */
function procedureOf(fn: TSESTree.FunctionLike): TSESTree.Property | null {
  const call = fn.parent;
  if (call?.type !== T.CallExpression || call.arguments[0] !== fn || call.callee.type !== T.MemberExpression) return null;
  if (!/^(query|mutation|subscription)$/.test(propertyName(call.callee) ?? '')) return null;
  const property = call.parent;
  return property?.type === T.Property && property.value === call ? property : null;
}

export function nameNode(fn: TSESTree.FunctionLike): Node {
  if (fn.id) return fn.id;
  const parent = fn.parent;
  if (parent?.type === T.VariableDeclarator) return parent.id;
  if (parent?.type === T.Property || parent?.type === T.PropertyDefinition || parent?.type === T.MethodDefinition) return parent.key;
  // `module.exports.githubWebhookListener = (event) => …`
  if (parent?.type === T.AssignmentExpression && parent.right === fn && parent.left.type === T.MemberExpression) return parent.left.property;
  return procedureOf(fn)?.key ?? fn;
}
