import path from 'node:path';
import { isTestFile, TEST_FOLDERS } from 'eslint-plugin-auth-status/tooling';

/** Folders holding dependencies, build output or caches: never the project's own source. */
export const DEFAULT_IGNORED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'bower_components',
  'jspm_packages',
  'dist',
  'build',
  'out',
  'coverage',
  '.nyc_output',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.vercel',
  '.netlify',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.yarn',
  '.pnpm-store',
  'storybook-static',
  // Test suites, fixtures and mocks (the plugin's recommended config leaves them out too).
  ...TEST_FOLDERS,
]);

/** Version-control folders are skipped even with `--no-default-ignores`. */
export const VCS_DIRECTORIES: ReadonlySet<string> = new Set(['.git', '.hg', '.svn']);

/** Larger files are bundles or generated data, not hand-written handlers. */
export const MAX_SOURCE_BYTES = 1024 * 1024;
/**
 * No file is linted above this, even when named or with `--no-default-ignores`: linting takes up to 400 times a
 * file's size in memory (a 5 MB one-line file, 2 GB; 50 MB ran out of heap), and running out of heap aborts
 * the process with a native trace that nothing can catch.
 */
export const HARD_MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export const megabytes = (bytes: number) => bytes / 1024 / 1024;
/** Hand-written code does not have lines this long; minified and generated code does. */
export const MAX_LINE_LENGTH = 5000;

const MINIFIED_NAME = /[.-]min\.[cm]?js$/i;
const DECLARATION_NAME = /\.d\.[cm]?ts$/i;
const GENERATED_MARKER = /@generated\b|\bCode generated\b.*\bDO NOT EDIT\b/;

/** Why a file is left out by name alone (minified bundles, declaration files that hold no statements). */
export function ignoredByName(filePath: string): string | undefined {
  const name = path.basename(filePath);
  if (isTestFile(name)) return 'test file';
  if (MINIFIED_NAME.test(name)) return 'minified file';
  if (DECLARATION_NAME.test(name)) return 'declaration file';
  return undefined;
}

/** Why a file's content marks it as generated or minified, if it does; `bySize` also counts a large file as generated. */
export function generatedReason(text: string, bySize = true): string | undefined {
  if (bySize && text.length > MAX_SOURCE_BYTES) return `larger than ${megabytes(MAX_SOURCE_BYTES)} MB`;
  if (GENERATED_MARKER.test(text.slice(0, 1000))) return 'generated file';
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (lineEnd - lineStart > MAX_LINE_LENGTH) return `a line longer than ${MAX_LINE_LENGTH} characters (minified?)`;
    lineStart = lineEnd + 1;
  }
  return undefined;
}
