import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

interface Level {
  base: string;
  rules: Ignore;
}

/**
 * The .gitignore files that apply to a folder: those of its ancestors up to the repository root,
 * `.git/info/exclude`, and its own. A deeper file overrides a shallower one, as in git.
 */
export class GitignoreStack {
  private constructor(private readonly levels: readonly Level[]) {}

  /** The stack for a folder where a walk starts, with every ancestor's rules up to the repository root. */
  static forWalkRoot(directory: string): GitignoreStack {
    const repositoryRoot = findRepositoryRoot(directory);
    let stack = new GitignoreStack([]);
    if (repositoryRoot === undefined) return stack.enter(directory);
    stack = stack.withFile(repositoryRoot, path.join(repositoryRoot, '.git', 'info', 'exclude'));
    const chain: string[] = [];
    for (let folder = directory; ; folder = path.dirname(folder)) {
      chain.unshift(folder);
      if (folder === repositoryRoot || path.dirname(folder) === folder) break;
    }
    for (const folder of chain) stack = stack.enter(folder);
    return stack;
  }

  /** The stack inside `directory`, adding its own .gitignore when it has one. */
  enter(directory: string): GitignoreStack {
    return this.withFile(directory, path.join(directory, '.gitignore'));
  }

  ignores(filePath: string, isDirectory: boolean): boolean {
    let ignored = false;
    for (const level of this.levels) {
      const relative = path.relative(level.base, filePath).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('..')) continue;
      const verdict = level.rules.test(isDirectory ? `${relative}/` : relative);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private withFile(base: string, file: string): GitignoreStack {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return this;
    }
    return new GitignoreStack([...this.levels, { base, rules: ignore().add(text) }]);
  }
}

function findRepositoryRoot(directory: string): string | undefined {
  for (let folder = directory; ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}
