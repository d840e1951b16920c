import type { TSESTree } from '@typescript-eslint/utils';
import { T } from '../node-types';
import type { SourceCode } from '../ast';
import type { RuleFix, RuleFixer } from '../types';

function importedName(specifier: TSESTree.ImportSpecifier): string {
  return specifier.imported.type === T.Identifier ? specifier.imported.name : String(specifier.imported.value);
}

/** Is `name` declared at the top of the file (an import, class, function or variable)? */
function isDeclaredAtTop(sourceCode: SourceCode, name: string): boolean {
  const global = sourceCode.scopeManager?.globalScope;
  if (!global) return true;
  return global.set.has(name) || global.childScopes.some((scope) => scope.type === 'module' && scope.set.has(name));
}

/**
 * Fixes that make `name` usable as the named export `name` of `module`: none when it is imported already, a
 * specifier added to an existing `import { … } from 'module'`, or a new import after the last one. Null when the
 * name is taken by something else or the file has no imports to join (CommonJS).
 */
export function ensureNamedImport(fixer: RuleFixer, sourceCode: SourceCode, module: string, name: string): RuleFix[] | null {
  const imports = sourceCode.ast.body.filter((statement): statement is TSESTree.ImportDeclaration => statement.type === T.ImportDeclaration);
  for (const declaration of imports) {
    for (const specifier of declaration.specifiers) {
      if (specifier.local.name !== name) continue;
      const same =
        declaration.source.value === module &&
        declaration.importKind !== 'type' &&
        specifier.type === T.ImportSpecifier &&
        specifier.importKind !== 'type' &&
        importedName(specifier) === name;
      return same ? [] : null;
    }
  }
  if (isDeclaredAtTop(sourceCode, name)) return null;
  const target = imports.find(
    (declaration) => declaration.source.value === module && declaration.importKind !== 'type' && declaration.specifiers.some((s) => s.type === T.ImportSpecifier),
  );
  if (target) {
    const named = target.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === T.ImportSpecifier);
    return [fixer.insertTextAfter(named[named.length - 1]!, `, ${name}`)];
  }
  const last = imports[imports.length - 1];
  if (!last) return null;
  return [fixer.insertTextAfter(last, `\nimport { ${name} } from '${module}';`)];
}
