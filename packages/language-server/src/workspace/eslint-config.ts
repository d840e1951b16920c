import * as path from 'node:path';
import { ESLint } from 'eslint';
import { rulesFromEslintConfig, type ResolvedRules } from '../lint/rules';

/** The config files whose change makes `rulesFor` stale (ESLint's own flat config names). */
export const ESLINT_CONFIG_GLOB = '**/eslint.config.{js,mjs,cjs,ts,mts,cts}';
export const ESLINT_CONFIG_FILE = /(^|[\\/])eslint\.config\.(js|mjs|cjs|ts|mts|cts)$/;

/**
 * Our rules as the workspace's own `eslint.config.*` sets them, through ESLint's `calculateConfigForFile`.
 * That executes the config file, so it only ever happens in a trusted workspace: untrusted, this class
 * never constructs an `ESLint` instance and never reads a workspace file.
 */
export class WorkspaceEslintConfig {
  private trusted: boolean;
  private readonly instances = new Map<string, ESLint>();
  private readonly cache = new Map<string, Promise<ResolvedRules | undefined>>();

  constructor(
    trusted: boolean,
    private readonly workspaceFolders: () => readonly string[],
    private readonly log: (message: string) => void,
  ) {
    this.trusted = trusted;
  }

  get isTrusted(): boolean {
    return this.trusted;
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.invalidate();
  }

  /** Config files changed: load them afresh (a new `ESLint` instance does not reuse the old import). */
  invalidate(): void {
    this.instances.clear();
    this.cache.clear();
  }

  /** Undefined when untrusted, when no config covers the file, or when it does not mention our rules. */
  rulesFor(filePath: string): Promise<ResolvedRules | undefined> {
    if (!this.trusted) return Promise.resolve(undefined);
    let rules = this.cache.get(filePath);
    if (!rules) {
      rules = this.load(filePath);
      this.cache.set(filePath, rules);
    }
    return rules;
  }

  private async load(filePath: string): Promise<ResolvedRules | undefined> {
    const cwd = this.folderOf(filePath);
    let eslint = this.instances.get(cwd);
    if (!eslint) {
      eslint = new ESLint({ cwd });
      this.instances.set(cwd, eslint);
    }
    try {
      const config = (await eslint.calculateConfigForFile(filePath)) as { rules?: Record<string, unknown> } | undefined;
      return rulesFromEslintConfig(config?.rules);
    } catch (error) {
      const template = (error as { messageTemplate?: string }).messageTemplate;
      if (template !== 'config-file-missing') {
        this.log(`Could not load the workspace ESLint config for ${filePath}; using the editor settings. ${firstLine(error)}`);
      }
      return undefined;
    }
  }

  private folderOf(filePath: string): string {
    const containing = this.workspaceFolders()
      .filter((folder) => filePath === folder || filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep))
      .sort((a, b) => b.length - a.length);
    return containing[0] ?? path.dirname(filePath);
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
