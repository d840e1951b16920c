import fs from 'node:fs';
import path from 'node:path';
import { describeSystemError, UsageError } from './errors';
import { lstatOrUndefined, writeFileAtomic } from './files/atomic-write';
import { preCommitHookPath, requireRepositoryRoot } from './targets/git';

const BIN_PATH = 'node_modules/.bin/auth-status-lint';

/** A word the shell takes literally, whatever the folder's name holds. */
const shellQuoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * A plain git pre-commit hook. Git runs hooks from the repository root, so the CLI is looked for in the folders
 * given (relative to the root: where it was installed, in a monorepo a package folder), then at the root, then on
 * PATH. It lints the staged content of every staged file.
 */
export function hookScript(installFolders: readonly string[]): string {
  const folders = [...new Set([...installFolders, '.'])].map(shellQuoted).join(' ');
  return `#!/bin/sh
# Written by \`auth-status-lint --install-hook\`: checks the staged content of staged JS/TS files for wrong
# HTTP status codes on authentication failures. Skip once with \`git commit --no-verify\`.
root=$(git rev-parse --show-toplevel) || exit 1
for folder in ${folders}; do
  if [ -x "$root/$folder/${BIN_PATH}" ]; then
    cd "$root" && exec "$root/$folder/${BIN_PATH}" --staged
  fi
done
if command -v auth-status-lint >/dev/null 2>&1; then
  cd "$root" && exec auth-status-lint --staged
fi
echo "auth-status-lint is not installed: run npm install --save-dev auth-status-cli, or commit with --no-verify." >&2
exit 1
`;
}

/**
 * Folders (relative to the repository root, `/`-separated) that hold an installed CLI: from `cwd` up to the root,
 * and the package this running copy was installed into, when it lies inside the repository.
 */
function installFolders(cwd: string, root: string): string[] {
  const found: string[] = [];
  const add = (folder: string) => {
    const relative = path.relative(root, folder);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return;
    if (fs.existsSync(path.join(folder, BIN_PATH))) found.push(relative.split(path.sep).join('/') || '.');
  };
  for (let folder = cwd; ; folder = path.dirname(folder)) {
    add(folder);
    if (folder === root || folder === path.dirname(folder)) break;
  }
  const running = runningInstallFolder();
  if (running !== undefined) add(running);
  return found;
}

/** `<folder>` when this CLI runs from `<folder>/node_modules/auth-status-cli`. */
function runningInstallFolder(): string | undefined {
  const packageFolder = path.resolve(__dirname, '..');
  const modules = path.dirname(packageFolder);
  return path.basename(modules) === 'node_modules' ? path.dirname(modules) : undefined;
}

/**
 * Writes the hook and returns where; refuses to replace an existing hook unless forced. Anything at the hook's
 * path counts as a hook, a symbolic link included (even one whose target is missing), and is replaced, never
 * written through.
 */
export function installHook(cwd: string, force: boolean): string {
  const hookPath = preCommitHookPath(cwd);
  const root = requireRepositoryRoot(cwd, '--install-hook');
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
    writeFileAtomic(hookPath, hookScript(installFolders(cwd, root)), { mode: 0o755 });
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
