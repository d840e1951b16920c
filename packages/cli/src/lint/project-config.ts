import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { oneLine, UsageError } from '../errors';
import type { RulesConfig } from './rules-config';
import type { ConfigAnswer } from './config-worker';
import { JITI_MISSING } from 'eslint-plugin-auth-status/tooling';

/** How long loading the project's config for one file may take before the run stops (seconds). */
export const DEFAULT_CONFIG_TIMEOUT_SECONDS = 10;
export const CONFIG_TIMEOUT_VARIABLE = 'AUTH_STATUS_LINT_CONFIG_TIMEOUT';

/** The config-load timeout from the environment, in milliseconds. */
export function configTimeoutMs(env: NodeJS.ProcessEnv): number {
  const value = env[CONFIG_TIMEOUT_VARIABLE];
  if (value === undefined || value === '') return DEFAULT_CONFIG_TIMEOUT_SECONDS * 1000;
  if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) {
    throw new UsageError(`${CONFIG_TIMEOUT_VARIABLE} needs a positive number of seconds (got "${value}").`);
  }
  return Number(value) * 1000;
}

/**
 * The project's own settings for auth-status/* rules, read with ESLint's config loading (eslint.config.*
 * looked up from each file, or the `--config` file). Everything else in that config is left alone: the CLI
 * brings its own parsers and runs only our rules. The config is project code: it is loaded in a worker thread
 * that is stopped when a load takes longer than the timeout (a loop, a promise that never settles) and when
 * the run ends (timers the config left running).
 */
export class ProjectRules {
  private worker: Worker | undefined;
  private nextId = 0;
  private jitiWarned = false;
  private readonly configFiles = new ConfigFileLookup();
  private readonly pending = new Map<number, { resolve: (answer: ConfigAnswer) => void; reject: (error: Error) => void }>();

  constructor(
    private readonly cwd: string,
    private readonly configFile: string | undefined,
    private readonly timeoutMs: number,
    private readonly note: (text: string) => void,
  ) {
    if (configFile !== undefined) {
      const absolute = path.resolve(cwd, configFile);
      let stats: fs.Stats;
      try {
        stats = fs.statSync(absolute);
      } catch {
        throw new UsageError(`--config: no such file ${configFile} (paths are relative to ${cwd}).`);
      }
      if (!stats.isFile()) throw new UsageError(`--config needs an ESLint config file, and ${configFile} is a folder.`);
    }
  }

  /** Our rules as the project configures them for this file; empty when it does not mention them. */
  async rulesFor(filePath: string): Promise<RulesConfig> {
    // No config file up the tree: ESLint would answer "config file missing"; loading ESLint to hear it costs a third of a hook's run.
    if (this.configFile === undefined && !this.configFiles.existAbove(path.dirname(filePath))) return {};
    const where = this.configFile ?? `the ESLint config for ${path.relative(this.cwd, filePath) || filePath}`;
    const answer = await this.ask(filePath, where);
    if ('rules' in answer) return answer.rules as RulesConfig;
    if (answer.error.messageTemplate === 'config-file-missing') return {};
    if (answer.error.messageTemplate === JITI_MISSING) {
      // A hook or a global install must not block work over a loader the project did not install: say so once.
      if (!this.jitiWarned) {
        this.note(`${where} is TypeScript and needs jiti, which this project does not have (npm install --save-dev jiti); using the built-in rules.`);
        this.jitiWarned = true;
      }
      return {};
    }
    const reason = oneLine(answer.error.message).replace(/\.$/, '');
    const ruleProblem = /^Key "rules": Key "([^"]+)": (.*)$/.exec(reason);
    if (ruleProblem) {
      throw new UsageError(`invalid settings for ${ruleProblem[1]} in ${where}: ${ruleProblem[2]}; fix them or run with --no-project-config.`);
    }
    throw new UsageError(`could not load ${where}: ${reason}; fix it or run with --no-project-config.`);
  }

  /** Stops the loader thread, and with it anything the config left running. */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ask(filePath: string, where: string): Promise<ConfigAnswer> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<ConfigAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.close();
        const seconds = this.timeoutMs / 1000;
        reject(
          new UsageError(
            `loading ${where} took longer than ${seconds} s (a loop, or a promise that never settles?); fix it, ` +
              `set ${CONFIG_TIMEOUT_VARIABLE} to more seconds, or run with --no-project-config.`,
          ),
        );
      }, this.timeoutMs);
      this.pending.set(id, {
        resolve: (answer) => (clearTimeout(timer), resolve(answer)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
      worker.postMessage({ id, filePath });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const configFile = this.configFile === undefined ? undefined : path.resolve(this.cwd, this.configFile);
    const worker = new Worker(path.join(__dirname, 'config-worker.js'), { workerData: { cwd: this.cwd, configFile } });
    worker.on('message', (answer: ConfigAnswer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      waiting?.resolve(answer);
    });
    const failAll = (reason: string) => {
      const where = this.configFile ?? "the project's ESLint config";
      for (const waiting of this.pending.values()) {
        waiting.reject(new UsageError(`could not load ${where}: ${reason}; fix it or run with --no-project-config.`));
      }
      this.pending.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', (error) => failAll(oneLine(error instanceof Error ? error.message : String(error))));
    worker.on('exit', (code) => failAll(`it ended its loader (process.exit(${code})?) before it finished`));
    this.worker = worker;
    return worker;
  }
}

/** The names ESLint looks for, from a file's folder up to the root (its `FLAT_CONFIG_FILENAMES`). */
const CONFIG_FILE_NAMES = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];

/** Whether any folder from a file's own up to the root holds an ESLint config file; remembered per folder. */
class ConfigFileLookup {
  private readonly known = new Map<string, boolean>();

  existAbove(directory: string): boolean {
    const cached = this.known.get(directory);
    if (cached !== undefined) return cached;
    const parent = path.dirname(directory);
    const found = CONFIG_FILE_NAMES.some((name) => isFile(path.join(directory, name))) || (parent !== directory && this.existAbove(parent));
    this.known.set(directory, found);
    return found;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
