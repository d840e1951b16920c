/**
 * Which setting says what to do beside the ESLint extension. VS Code titles a setting after its key, word by
 * word (`eslintCoexistence` read "Eslint Coexistence"), and has no per-setting title: the key names what the user
 * decides about instead, `authStatus.duplicateProblems` ("Duplicate Problems"). The first key still counts when
 * only it is set. Nothing here imports `vscode`.
 */

export type CoexistenceMode = 'auto' | 'showBoth';

const MODES: readonly CoexistenceMode[] = ['auto', 'showBoth'];

/** Keys inside the `authStatus` section. */
export const COEXISTENCE_KEY = 'duplicateProblems';
export const DEPRECATED_COEXISTENCE_KEY = 'eslintCoexistence';

/** The values a user set for a key at each level, as `WorkspaceConfiguration.inspect` gives them. */
export interface SetValues {
  globalValue?: unknown;
  workspaceValue?: unknown;
  workspaceFolderValue?: unknown;
  globalLanguageValue?: unknown;
  workspaceLanguageValue?: unknown;
  workspaceFolderLanguageValue?: unknown;
}

/** From the most specific level down, as VS Code itself resolves a setting. */
const LEVELS = ['workspaceFolderLanguageValue', 'workspaceLanguageValue', 'globalLanguageValue', 'workspaceFolderValue', 'workspaceValue', 'globalValue'] as const;

/** The mode in force: the current key wherever the user set it, else the deprecated one, else `auto`. */
export function coexistenceMode(current: SetValues | undefined, deprecated: SetValues | undefined): CoexistenceMode {
  return userChoice(current) ?? userChoice(deprecated) ?? 'auto';
}

function userChoice(values: SetValues | undefined): CoexistenceMode | undefined {
  for (const level of LEVELS) {
    const value = values?.[level];
    if (MODES.includes(value as CoexistenceMode)) return value as CoexistenceMode;
  }
  return undefined;
}
