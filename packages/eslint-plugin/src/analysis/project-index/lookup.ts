import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import { bindingOf, propertyName, skipWrappers, type Node, type SourceCode } from '../ast';
import { isStatusConstantModule } from '../status';
import { FRAMEWORK_MODULE } from '../sites/custom-errors';
import { externalOrigin, filenameOf, importedMeaning, type ImportedMeaning } from './index';

/** A binding of another module: the module as written and the name it exports. */
export interface ImportedName {
  module: string;
  name: string;
}

/** Modules other adapters (or nobody) know better than a summary: frameworks, status constant packages, builtins. */
export function isFollowedModule(module: string): boolean {
  return !module.startsWith('node:') && !FRAMEWORK_MODULE.test(module) && !isStatusConstantModule(module);
}

/** `x` imported (`import { x }`, `const { x } = require(…)`), or `ns.x` of a namespace or required module. */
export function importedNameOf(sourceCode: SourceCode, expression: Node): ImportedName | null {
  const node = skipWrappers(expression);
  if (node.type === T.Identifier) {
    const binding = bindingOf(sourceCode, node);
    if (binding?.kind !== 'import' || binding.module === undefined || binding.imported === undefined || binding.imported === '*') return null;
    const init = skipWrappers(binding.init);
    // `const unauthorized = require('./responses').unauthorized`
    const name = init.type === T.MemberExpression && binding.imported === 'default' ? propertyName(init) : binding.imported;
    return name === null ? null : { module: binding.module, name };
  }
  if (node.type === T.MemberExpression && skipWrappers(node.object).type === T.Identifier) {
    const binding = bindingOf(sourceCode, skipWrappers(node.object) as TSESTree.Identifier);
    const name = propertyName(node);
    const namespace = binding?.kind === 'import' && (binding.imported === '*' || (binding.imported === 'default' && binding.declaration.type === T.VariableDeclarator));
    return namespace && name !== null && binding.module !== undefined ? { module: binding.module, name } : null;
  }
  return null;
}

/** The meaning of an imported name through the project index, or null when the chain is broken anywhere. */
export function meaningOf(sourceCode: SourceCode, expression: Node): (ImportedMeaning & ImportedName) | null {
  const filename = filenameOf(sourceCode);
  if (!filename) return null;
  const imported = importedNameOf(sourceCode, expression);
  if (!imported || !isFollowedModule(imported.module)) return null;
  const found = importedMeaning(filename, imported.module, imported.name);
  return found ? { ...found, ...imported } : null;
}


/**
 * The module a name imported into this file finally comes from: the import's own module, or, for a module of the
 * project, the one outside it that re-exports the name (`import { Status } from '../deps.ts'` → oak).
 */
export function originModuleOf(sourceCode: SourceCode, module: string, importedName: string | undefined): string {
  const filename = filenameOf(sourceCode);
  if (!filename || importedName === undefined || !/^\.{1,2}\//.test(module)) return module;
  return externalOrigin(filename, module, importedName) ?? module;
}
