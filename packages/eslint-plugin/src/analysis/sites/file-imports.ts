import { T } from '../node-types';
import type { SourceCode } from '../ast';

const cache = new WeakMap<object, readonly string[]>();

/** The modules a file imports with `import … from` (cached per parsed file). */
export function importedModules(sourceCode: SourceCode): readonly string[] {
  let modules = cache.get(sourceCode.ast);
  if (!modules) {
    modules = sourceCode.ast.body.flatMap((statement) => (statement.type === T.ImportDeclaration ? [String(statement.source.value)] : []));
    cache.set(sourceCode.ast, modules);
  }
  return modules;
}
