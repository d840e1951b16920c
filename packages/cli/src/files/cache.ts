import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Linter } from 'eslint';
import plugin from 'eslint-plugin-auth-status';
import { describeSystemError } from '../errors';
import type { RulesConfig } from '../lint/rules-config';
import { TOOL_VERSION } from '../version';
import { writeFileAtomic } from './atomic-write';
import { portablePath, stableJson, stateFilePath } from './state-file';

export const DEFAULT_CACHE_FILE = '.auth-status-lint-cache';
const FOLDER_PREFIX = '.cache_';
/** Bumped when the cache file's layout changes; an older file is then ignored and rewritten. */
const CACHE_FORMAT = 1;

export interface CacheKey {
  /** sha256 of the file's bytes. */
  content: string;
  /** sha256 of the rule settings and the versions of this tool and of the rules. */
  settings: string;
}

interface CachedFile extends CacheKey {
  messages: Linter.LintMessage[];
}

interface CacheData {
  format: number;
  files: Record<string, CachedFile>;
}

const sha256 = (data: string | Uint8Array) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * `--cache`: each file's messages, reused while the file's bytes, its rule settings (project config and --rule
 * included), this tool's version and the rules' version are unchanged. Messages only: a fixing run lints afresh.
 */
export class LintCache {
  readonly filePath: string;
  private readonly data: CacheData;
  private changed = false;

  constructor(
    private readonly cwd: string,
    location: string | undefined,
    private readonly note: (text: string) => void,
  ) {
    this.filePath = stateFilePath(location ?? DEFAULT_CACHE_FILE, cwd, FOLDER_PREFIX);
    this.data = this.read();
  }

  /** What a file's cached messages are valid for: its bytes and its settings. */
  static keyOf(bytes: Uint8Array, rules: RulesConfig): CacheKey {
    return { content: sha256(bytes), settings: sha256(JSON.stringify({ tool: TOOL_VERSION, rules: plugin.meta?.version, settings: rules })) };
  }

  get(filePath: string, key: CacheKey): Linter.LintMessage[] | undefined {
    const entry = this.data.files[portablePath(this.cwd, filePath)];
    if (entry === undefined || entry.content !== key.content || entry.settings !== key.settings) return undefined;
    return entry.messages;
  }

  set(filePath: string, key: CacheKey, messages: Linter.LintMessage[]): void {
    this.data.files[portablePath(this.cwd, filePath)] = { ...key, messages };
    this.changed = true;
  }

  /** Writes the cache, without the files that no longer exist; a cache that cannot be written is a note, not a failure. */
  save(): void {
    for (const file of Object.keys(this.data.files)) {
      if (!fs.existsSync(path.resolve(this.cwd, file))) {
        delete this.data.files[file];
        this.changed = true;
      }
    }
    if (!this.changed) return;
    try {
      fs.mkdirSync(path.dirname(this.filePath), { recursive: true });
      writeFileAtomic(this.filePath, stableJson(this.data));
    } catch (error) {
      this.note(`could not write the cache ${this.filePath}: ${describeSystemError(error)}; the next run lints every file again.`);
    }
  }

  private read(): CacheData {
    const empty: CacheData = { format: CACHE_FORMAT, files: {} };
    let parsed: Partial<CacheData>;
    try {
      parsed = JSON.parse(fs.readFileSync(this.filePath, 'utf8')) as Partial<CacheData>;
    } catch {
      // Missing or damaged: start over, it is only a cache.
      return empty;
    }
    const usable = parsed?.format === CACHE_FORMAT && typeof parsed.files === 'object' && parsed.files !== null;
    return usable ? (parsed as CacheData) : empty;
  }
}

