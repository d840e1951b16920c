/**
 * Test code: suites, fixtures and mocks. On public code every auth status labelled in such files was a right
 * one to leave alone (assertions on a status, fixture routes that fail on purpose), and the rules' only reports
 * there were false alarms, so the recommended config and the CLI's defaults leave these files out.
 */
export const TEST_FOLDERS: readonly string[] = ['__tests__', '__mocks__', '__fixtures__', 'test', 'tests', 'fixtures'];

const SOURCE_EXTENSIONS = '{js,jsx,mjs,cjs,ts,tsx,mts,cts}';

/** Flat-config globs for the same files. */
export const TEST_FILE_GLOBS: readonly string[] = [
  ...TEST_FOLDERS.map((folder) => `**/${folder}/**`),
  `**/*.{test,spec,e2e-spec,e2e,cy,test-d}.${SOURCE_EXTENSIONS}`,
];

/** Suites of mocha, Jest, Vitest, Playwright (`.e2e`), Cypress (`.cy`) and tsd's type tests (`.test-d`). */
const TEST_NAME = /\.(test|spec|e2e-spec|e2e|cy|test-d)\.[cm]?[jt]sx?$/i;

/** Is this path (relative to the project, `/` or the platform's separators) test code? */
export function isTestFile(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const name = parts.pop() ?? '';
  return TEST_NAME.test(name) || parts.some((folder) => TEST_FOLDERS.includes(folder));
}
