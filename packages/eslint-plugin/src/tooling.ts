/**
 * The engine's findings with their evidence, for tools that show more than an ESLint message can carry
 * (the language server's related information and hover). `import { … } from 'eslint-plugin-auth-status/tooling'`.
 */
export { analyze, type Analysis } from './analysis/analyze';
export { hasSignalText, mayContainFinding, MAY_CONTAIN_FINDING, SIGNAL_PATTERNS } from './analysis/prefilter';
export { isValidRealm, isValidScheme } from './util/option-schemas';
export type { ResponseSite } from './analysis/types';
export type { Reason, Evidence } from './analysis/reason';
export { evidenceRows, type EvidenceRow } from './analysis/evidence/rows';
export { describeProblem } from './util/describe';
export { NormalizedConfigs } from './util/normalized-config';
export { isTestFile, TEST_FILE_GLOBS, TEST_FOLDERS } from './util/test-files';
export { excessiveNesting, MAX_NESTING_DEPTH } from './analysis/nesting';
export { anyCaseGlobs, lintedExtensionOf, LINTED_EXTENSIONS, type LintedExtension } from './util/file-kinds';
export { invalidateModule, setModuleOverlay } from './analysis/project-index/files';
export { dependantsOf, summariesComputed, summaryCount } from './analysis/project-index';
export { SUMMARY_FOLDER_VARIABLE } from './analysis/project-index/shared-summaries';
export { clearResolutions } from './analysis/project-index/resolver';
export { useModuleTreeParser, useSourceCodeClass } from './analysis/project-index/parse';
export { importsMeaningfulModule, mayContainFindingIn, mayImportMeaningfulModule } from './analysis/project-index/imports';
export { JITI_MISSING, useProjectJiti } from './util/project-jiti';
