import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesFromEslintConfig, type ResolvedRules } from '../lint/rules';
import { WorkerClient, WorkerGone } from '../threads';
import type { ConfigAnswer, ConfigRequest } from './config-worker';

/** The config files whose change makes `rulesFor` stale (ESLint's own flat config names). */
export const ESLINT_CONFIG_GLOB = '**/eslint.config.{js,mjs,cjs,ts,mts,cts}';
export const ESLINT_CONFIG_FILE = /(^|[\\/])eslint\.config\.(js|mjs|cjs|ts|mts|cts)$/;
/** ESLint's own order when one folder holds several. */
const CONFIG_FILE_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/**
 * The config process holds ESLint, the config and every plugin it imports (40–50 MB): ended this long after its
 * last answer. Opening a burst of files keeps it busy; a file opened later starts it again (a few hundred ms).
 */
const CONFIG_WORKER_IDLE_MS = 3000;

/** How long a workspace config may take to load before its files fall back to the embedded rules. */
export const CONFIG_LOAD_TIMEOUT_MS = Number(process.env.AUTH_STATUS_CONFIG_TIMEOUT_MS) > 0 ? Number(process.env.AUTH_STATUS_CONFIG_TIMEOUT_MS) : 10_000;

/**
 * Our rules as the workspace's own `eslint.config.*` sets them. That executes the config file, so it only ever
 * happens for a file inside a workspace folder of a trusted workspace, and only with a config file inside that
 * folder: the nearest one from the file's folder up to the workspace folder, never above it. Everything else
 * (untrusted, a loose file, a file outside every folder, no config within the folder) gets undefined: the
 * embedded configuration. Untrusted, this class never reads a workspace file.
 *
 * The config runs in a child process, so one that loops or never settles cannot freeze the server, and what it
 * loaded leaves with the process (a worker thread left its code and allocator pages in the server): after
 * `CONFIG_LOAD_TIMEOUT_MS` the process is stopped, one line is logged, and the file uses the embedded rules
 * until the config changes.
 */
export class WorkspaceEslintConfig {
  private trusted: boolean;
  private readonly cache = new Map<string, Promise<ResolvedRules | undefined>>();
  private worker: WorkerClient | undefined;
  /** Config files that timed out or could not be loaded: not tried again (nor logged again) until they change. */
  private readonly broken = new Set<string>();

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

  /** Config files changed: load them afresh, in a fresh process (a module once imported is never re-read). */
  invalidate(): void {
    this.cache.clear();
    this.broken.clear();
    this.worker?.stop();
    this.worker = undefined;
  }

  /** Undefined when untrusted, outside every workspace folder, when no config covers the file, or when it does not mention our rules. */
  rulesFor(filePath: string): Promise<ResolvedRules | undefined> {
    if (!this.trusted) return Promise.resolve(undefined);
    let rules = this.cache.get(filePath);
    if (!rules) {
      rules = this.load(filePath);
      this.cache.set(filePath, rules);
    }
    return rules;
  }

  /** The config file that may be executed for this file, or undefined: see the class comment. */
  configFileFor(filePath: string): string | undefined {
    if (!this.trusted) return undefined;
    const folder = this.folderOf(filePath);
    if (folder === undefined) return undefined;
    for (let directory = path.dirname(filePath); ; directory = path.dirname(directory)) {
      for (const name of CONFIG_FILE_NAMES) {
        const candidate = path.join(directory, name);
        if (isFile(candidate)) return candidate;
      }
      if (directory === folder || path.dirname(directory) === directory) return undefined;
    }
  }

  private async load(filePath: string): Promise<ResolvedRules | undefined> {
    const configFile = this.configFileFor(filePath);
    if (configFile === undefined || this.broken.has(configFile)) return undefined;
    this.worker ??= new WorkerClient('config', { idleMs: CONFIG_WORKER_IDLE_MS, isolation: 'process' });
    let answer: ConfigAnswer;
    try {
      answer = await this.worker.request<ConfigAnswer>({ configFile, filePath } satisfies ConfigRequest, CONFIG_LOAD_TIMEOUT_MS);
    } catch (error) {
      // Stopped because the configuration changed: the caller's result is stale anyway.
      if ((error instanceof WorkerGone && error.why === 'stopped') || this.broken.has(configFile)) return undefined;
      this.broken.add(configFile);
      const why =
        error instanceof WorkerGone && error.why === 'timeout'
          ? `it did not finish loading within ${CONFIG_LOAD_TIMEOUT_MS / 1000} s (does it loop, or wait for something that never comes?)`
          : `loading it failed (${error instanceof Error ? error.message : String(error)})`;
      this.log(`Not using ${configFile} for ${filePath}: ${why}; using the editor settings and the embedded rules until it changes.`);
      return undefined;
    }
    if ('failure' in answer) {
      if (!answer.missing) this.log(`Could not load the workspace ESLint config for ${filePath}; using the editor settings. ${answer.failure}`);
      return undefined;
    }
    return rulesFromEslintConfig(answer.rules);
  }

  /** The innermost workspace folder holding the file, or undefined for a file outside all of them. */
  private folderOf(filePath: string): string | undefined {
    const containing = this.workspaceFolders()
      .filter((folder) => filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep))
      .sort((a, b) => b.length - a.length);
    return containing[0] === undefined ? undefined : path.resolve(containing[0]);
  }
}

function isFile(candidate: string): boolean {
  try {
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}
