import fs from 'node:fs';
import path from 'node:path';
import { describeSystemError, UsageError } from './errors';
import { lstatOrUndefined, writeFileAtomic } from './files/atomic-write';
import { preCommitHookPath } from './targets/git';

/** A plain git pre-commit hook: the project's own copy of the CLI first, then one on PATH. */
export const HOOK_SCRIPT = `#!/bin/sh
# Written by \`auth-status-lint --install-hook\`: checks the staged content of staged JS/TS files for wrong
# HTTP status codes on authentication failures. Skip once with \`git commit --no-verify\`.
if [ -x node_modules/.bin/auth-status-lint ]; then
  exec node_modules/.bin/auth-status-lint --staged
fi
if command -v auth-status-lint >/dev/null 2>&1; then
  exec auth-status-lint --staged
fi
echo "auth-status-lint is not installed: run npm install --save-dev auth-status-cli, or commit with --no-verify." >&2
exit 1
`;

/**
 * Writes the hook and returns where; refuses to replace an existing hook unless forced. Anything at the hook's
 * path counts as a hook, a symbolic link included (even one whose target is missing), and is replaced, never
 * written through.
 */
export function installHook(cwd: string, force: boolean): string {
  const hookPath = preCommitHookPath(cwd);
  const hooksFolder = path.dirname(hookPath);
  if (!isFolderOrMissing(hooksFolder)) {
    throw new UsageError(`git's hooks folder ${hooksFolder} (core.hooksPath) is not a folder; point core.hooksPath at a folder, or unset it.`);
  }
  if (lstatOrUndefined(hookPath) && !force) {
    throw new UsageError(
      `a pre-commit hook already exists at ${hookPath}; add "auth-status-lint --staged" to it, or pass --force to replace it.`,
    );
  }
  try {
    fs.mkdirSync(hooksFolder, { recursive: true });
    writeFileAtomic(hookPath, HOOK_SCRIPT, { mode: 0o755 });
  } catch (error) {
    throw new UsageError(`cannot write the hook ${hookPath}: ${describeSystemError(error)}.`);
  }
  return hookPath;
}

/** False when the path, or a folder on the way to it, is a file (`core.hooksPath` naming a file, or a path below one). */
function isFolderOrMissing(folder: string): boolean {
  try {
    return fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return false;
    throw error;
  }
}
