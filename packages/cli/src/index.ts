export { main, type Io } from './main';
export { generatedReason, ignoredByName, MAX_SOURCE_BYTES } from './targets/default-ignores';
export { isLintedFile, LINTED_EXTENSIONS } from './lint/languages';
