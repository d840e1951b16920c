import * as path from 'node:path';
import { lintedExtensionOf } from 'eslint-plugin-auth-status/tooling';

/** How to parse a document: espree for JavaScript, `@typescript-eslint/parser` (no type information) for TypeScript. */
export interface Language {
  kind: 'javascript' | 'typescript';
  jsx: boolean;
  sourceType: 'module' | 'commonjs';
}

export const BY_EXTENSION: Record<string, Language> = {
  '.js': { kind: 'javascript', jsx: true, sourceType: 'module' },
  '.jsx': { kind: 'javascript', jsx: true, sourceType: 'module' },
  '.mjs': { kind: 'javascript', jsx: false, sourceType: 'module' },
  '.cjs': { kind: 'javascript', jsx: false, sourceType: 'commonjs' },
  '.ts': { kind: 'typescript', jsx: false, sourceType: 'module' },
  '.mts': { kind: 'typescript', jsx: false, sourceType: 'module' },
  '.cts': { kind: 'typescript', jsx: false, sourceType: 'commonjs' },
  '.tsx': { kind: 'typescript', jsx: true, sourceType: 'module' },
};

/** The extension a document of this language id gets when its own name says nothing (untitled buffers). */
const EXTENSION_OF_LANGUAGE_ID: Record<string, string> = {
  javascript: '.js',
  javascriptreact: '.jsx',
  typescript: '.ts',
  typescriptreact: '.tsx',
};

export const SUPPORTED_LANGUAGE_IDS = Object.keys(EXTENSION_OF_LANGUAGE_ID);

export interface ParseTarget {
  language: Language;
  /** The name the linter sees: the real path when its extension fits the language, else the path plus one that does. */
  filename: string;
}

/**
 * The language id decides (an editor lets the user override a file's language); the extension refines it
 * (`.cjs` is CommonJS, `.tsx` has JSX). Documents in neither list are not ours.
 */
export function parseTargetOf(languageId: string, filePath: string): ParseTarget | undefined {
  // The same rule as the CLI: case does not matter (`App.JS`); the linter, whose globs are case sensitive, is
  // given the name with its extension in lower case.
  const ownExtension = lintedExtensionOf(filePath);
  const ownLanguage = ownExtension && BY_EXTENSION[ownExtension];
  const ownFilename = ownExtension && path.extname(filePath) !== ownExtension ? `${filePath}${ownExtension}` : filePath;
  const idExtension = EXTENSION_OF_LANGUAGE_ID[languageId];
  if (!idExtension) return ownLanguage ? { language: ownLanguage, filename: ownFilename } : undefined;
  const idLanguage = BY_EXTENSION[idExtension]!;
  if (ownLanguage && ownLanguage.kind === idLanguage.kind) {
    return { language: { ...ownLanguage, jsx: ownLanguage.jsx || languageId.endsWith('react') }, filename: ownFilename };
  }
  return { language: idLanguage, filename: `${filePath}${idExtension}` };
}
