import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import ts from 'typescript';
import { fixWith, type Fixed, type RuleName } from '../apply-fix';
import { appDirectory } from '../serve';

const RULES = Object.keys(plugin.rules).map((name) => `auth-status/${name}`);

function config(options: Record<string, unknown>): Linter.Config[] {
  return [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as never, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { 'auth-status': plugin as never },
      rules: Object.fromEntries(RULES.map((rule) => [rule, ['error', options[rule] ?? {}]])),
    },
  ];
}

/**
 * Every report of our rules on TypeScript `code` (decorators and all, as Nest apps are written); `options` gives a
 * rule its options by its full name (`auth-status/require-www-authenticate`).
 */
export function lintTypeScript(code: string, options: Record<string, unknown> = {}): Linter.LintMessage[] {
  const messages = new Linter().verify(code, config(options), 'app.ts');
  const fatal = messages.find((message) => message.fatal);
  assert.equal(fatal, undefined, `parse error: ${fatal?.message}`);
  return messages;
}

/** `fixWith` for TypeScript sources: one report of `rule`, its suggestion or fix applied, no report left after. */
export function fixTypeScriptWith(code: string, rule: RuleName, kind: 'suggestion' | 'fix'): Fixed {
  return fixWith(code, rule, kind, (source) => lintTypeScript(source));
}

/** Compiles a TypeScript app the way Nest projects do (legacy decorators with metadata), then requires it. */
export function loadTypeScriptModule<T>(source: string): T {
  const { outputText, diagnostics } = ts.transpileModule(source, {
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      esModuleInterop: true,
    },
  });
  assert.deepEqual(diagnostics?.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')) ?? [], []);
  const directory = appDirectory('nest-');
  const file = path.join(directory, 'app.cjs');
  writeFileSync(file, outputText);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as T;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
