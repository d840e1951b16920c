import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, constructorOf, isFunction, keyName, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';

/** Where AdonisJS exports the base class its framework renders (v6, v5, and the utilities both build on). */
const EXCEPTION_MODULE = /^(@adonisjs\/core\/exceptions|@adonisjs\/core\/build\/standalone|@adonisjs\/generic-exceptions|@poppinss\/utils)$/;
/** Names an exception's renderers give the exception they render (`renderers = { session: (message, error, ctx) => … }`). */
const EXCEPTION_PARAMETER = /^(?:error|exception|err)$/;

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Is the class one over AdonisJS' `Exception`? */
export function isAdonisException(sourceCode: SourceCode, declaration: ClassNode): boolean {
  const base = declaration.superClass && skipWrappers(declaration.superClass);
  if (base?.type !== T.Identifier) return false;
  const binding = bindingOf(sourceCode, base);
  return binding?.kind === 'import' && EXCEPTION_MODULE.test(binding.module ?? '') && binding.imported === 'Exception';
}

/** `static status = 400` (v6). */
export function staticStatus(declaration: ClassNode): Node | null {
  for (const member of declaration.body.body) {
    if (member.type === T.PropertyDefinition && member.static && keyName(member) === 'status' && member.value) return member.value;
  }
  return null;
}

/** `super(message, 400, 'E_CODE')` in the constructor (v5). */
export function superStatus(declaration: ClassNode): Node | null {
  for (const statement of constructorOf(declaration)?.value.body?.body ?? []) {
    const expression = statement.type === T.ExpressionStatement ? skipWrappers(statement.expression) : null;
    if (expression?.type === T.CallExpression && expression.callee.type === T.Super) {
      const argument = expression.arguments[1];
      return argument && argument.type !== T.SpreadElement ? argument : null;
    }
  }
  return null;
}

/**
 * The expression that fixes the status of `exception.status` read inside an AdonisJS exception's own body
 * (`this.status`, `handle(error: this, ctx)`'s `error.status`, a renderer's `(message, error, ctx)`): AdonisJS copies
 * the class's status to every instance. Null anywhere else, or when the class does not fix its status.
 */
export function ownExceptionStatus(sourceCode: SourceCode, member: TSESTree.MemberExpression): Node | null {
  const object = skipWrappers(member.object);
  if (object.type !== T.ThisExpression && !(object.type === T.Identifier && isExceptionParameter(sourceCode, object))) return null;
  let node: Node | undefined = member.parent;
  while (node && node.type !== T.ClassBody) node = node.parent;
  const declaration = node?.parent;
  if ((declaration?.type !== T.ClassDeclaration && declaration?.type !== T.ClassExpression) || !isAdonisException(sourceCode, declaration)) return null;
  if (declaration.body.body.some((element) => element.type === T.MethodDefinition && element.kind === 'constructor' && writesStatus(element))) return null;
  return staticStatus(declaration) ?? superStatus(declaration);
}

/** A parameter typed `this`, or an untyped one named for the exception, of a function in the class. */
function isExceptionParameter(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const binding = bindingOf(sourceCode, identifier);
  if (binding?.kind !== 'param' || !isFunction(binding.declaration) || !binding.declaration.params.includes(binding.init as never)) return false;
  const parameter = binding.init as TSESTree.Identifier;
  const annotation = parameter.typeAnnotation?.typeAnnotation;
  return annotation ? annotation.type === T.TSThisType : EXCEPTION_PARAMETER.test(parameter.name);
}

/** `this.status = …` in the constructor: the instance's status is then not the class's. */
function writesStatus(constructor: TSESTree.MethodDefinition): boolean {
  return (constructor.value.body?.body ?? []).some((statement) => {
    const expression = statement.type === T.ExpressionStatement ? skipWrappers(statement.expression) : null;
    return (
      expression?.type === T.AssignmentExpression &&
      expression.left.type === T.MemberExpression &&
      expression.left.object.type === T.ThisExpression &&
      propertyName(expression.left) === 'status'
    );
  });
}
