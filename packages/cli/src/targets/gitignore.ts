import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { oneLine } from '../errors';

interface Level {
  base: string;
  rules: Ignore;
}

interface Matching {
  /** git's `core.ignorecase`: patterns match regardless of case only when it is true. */
  ignoreCase: boolean;
  note: (text: string) => void;
  /** How a file is named in a note. */
  shown: (file: string) => string;
}

/**
 * The .gitignore files that apply to a folder: those of its ancestors up to the repository root,
 * `.git/info/exclude`, and its own. A deeper file overrides a shallower one, as in git.
 */
export class GitignoreStack {
  private constructor(
    private readonly levels: readonly Level[],
    private readonly matching: Matching,
  ) {}

  /** The stack for a folder where a walk starts, with every ancestor's rules up to the repository root. */
  static forWalkRoot(directory: string, note: (text: string) => void, shown: (file: string) => string): GitignoreStack {
    const repositoryRoot = findRepositoryRoot(directory);
    const ignoreCase = repositoryRoot !== undefined && gitIgnoresCase(repositoryRoot);
    let stack = new GitignoreStack([], { ignoreCase, note, shown });
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
      // Outside this level's folder; `..name` is a file name inside it.
      if (relative === '' || relative === '..' || relative.startsWith('../')) continue;
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
    const rules = ignore({ ignorecase: this.matching.ignoreCase });
    text.split(/\r?\n/).forEach((line, index) => {
      try {
        // V8 compiles a regular expression on its first use: try the line's own on a probe name before keeping it.
        ignore({ ignorecase: this.matching.ignoreCase }).add(line).test('probe');
        rules.add(line);
      } catch (error) {
        // git takes patterns our matcher cannot compile (a line of tens of thousands of characters): leave that one out.
        const message = oneLine(error instanceof Error ? error.message : String(error));
        const reason = message.slice(message.lastIndexOf(': ') + 2).slice(0, 80);
        this.matching.note(`ignored line ${index + 1} of ${this.matching.shown(file)}: the pattern cannot be used (${reason}).`);
      }
    });
    return new GitignoreStack([...this.levels, { base, rules }], this.matching);
  }
}

function findRepositoryRoot(directory: string): string | undefined {
  for (let folder = directory; ; folder = path.dirname(folder)) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    if (path.dirname(folder) === folder) return undefined;
  }
}

/** git's `core.ignorecase` for the repository (false when git cannot say). */
function gitIgnoresCase(repositoryRoot: string): boolean {
  try {
    const value = execFileSync('git', ['config', '--type=bool', '--get', 'core.ignorecase'], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return value.trim() === 'true';
  } catch {
    return false;
  }
}
