import type { RemoteConsole, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintEngine } from '../lint/engine';
import { parseTargetOf } from '../lint/languages';
import type { LintOutcome } from '../lint/problem';
import type { StatusParams } from '../protocol';
import type { Settings } from '../settings';
import { filePathOf } from '../uri';
import type { RuleSource } from '../workspace/rule-source';
import type { SettingsStore } from '../workspace/settings-store';

export type Logger = Pick<RemoteConsole, 'info' | 'warn' | 'error'>;

export type CheckOutcome = LintOutcome | { kind: 'skipped'; reason: string };

/** The result of checking one version of a document under one generation of configuration. */
export interface Checked {
  uri: string;
  version: number;
  /** Counts configuration changes: a result of an older generation is stale. */
  generation: number;
  /** Unique per computed result (also across close and reopen): pull diagnostics' `resultId`. */
  resultId: string;
  outcome: CheckOutcome;
  settings: Settings;
  /** Lints other text of this document the same way (for fix-all); absent when the document was skipped. */
  relint?: (text: string) => LintOutcome;
}

export interface CheckerDependencies {
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  rules: RuleSource;
  engine: LintEngine;
  logger: Logger;
  status: (status: StatusParams) => void;
  /** Called after every lint (the heap keeper collects the garbage it left). */
  afterLint: () => void;
}

/**
 * Lints a document version once and remembers the result. Work for a version that is superseded while
 * settings or the workspace config load is dropped before the (synchronous) lint starts.
 */
export class DocumentChecker {
  private generation = 0;
  private sequence = 0;
  private readonly results = new Map<string, Checked>();
  private readonly inFlight = new Map<string, Promise<Checked | undefined>>();
  private readonly reportedTooLarge = new Set<string>();

  constructor(private readonly deps: CheckerDependencies) {}

  /** Settings, trust or config files changed: every remembered result is stale. */
  invalidateAll(): void {
    this.generation++;
    this.results.clear();
    this.inFlight.clear();
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.reportedTooLarge.delete(uri);
    for (const key of this.inFlight.keys()) if (key.startsWith(`${uri}@`)) this.inFlight.delete(key);
  }

  /** The result for exactly this version, if it was computed already. */
  cached(document: TextDocument): Checked | undefined {
    const result = this.results.get(document.uri);
    return result?.version === document.version && result.generation === this.generation ? result : undefined;
  }

  /** Undefined when the document changed or closed while its settings were loading. */
  check(document: TextDocument): Promise<Checked | undefined> {
    const cached = this.cached(document);
    if (cached) return Promise.resolve(cached);
    const key = `${document.uri}@${this.generation}:${document.version}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.run(document).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  isCurrent(uri: string, version: number, generation = this.generation): boolean {
    return this.generation === generation && this.deps.documents.get(uri)?.version === version;
  }

  private async run(document: TextDocument): Promise<Checked | undefined> {
    const { uri, version } = document;
    const generation = this.generation;
    const resultId = `${generation}:${version}:${++this.sequence}`;
    const settings = await this.deps.settings.settingsFor(uri);
    const filePath = filePathOf(uri);
    const target = parseTargetOf(document.languageId, filePath ?? untitledPath(uri));
    const base = { uri, version, generation, resultId, settings };
    if (!target) return this.remember({ ...base, outcome: { kind: 'skipped', reason: 'not a JavaScript or TypeScript document' } });
    if (!settings.enable) return this.remember({ ...base, outcome: { kind: 'skipped', reason: 'disabled by authStatus.enable' } });
    const text = document.getText();
    if (isLargerThan(text, settings.maxFileSize)) return this.remember({ ...base, outcome: this.tooLarge(uri, settings.maxFileSize) });
    this.reportedTooLarge.delete(uri);

    const rules = await this.deps.rules.rulesFor(filePath, settings);
    if (!this.isCurrent(uri, version, generation)) return undefined;

    const relint = (source: string) => {
      const outcome = this.deps.engine.lint(source, target, rules);
      this.deps.afterLint();
      return outcome;
    };
    this.deps.status({ state: 'linting', uri });
    const outcome = relint(text);
    this.report(uri, version, outcome);
    return this.remember({ ...base, outcome, relint });
  }

  private remember(checked: Checked): Checked {
    if (this.isCurrent(checked.uri, checked.version, checked.generation)) {
      this.results.set(checked.uri, checked);
    }
    return checked;
  }

  private tooLarge(uri: string, maxFileSize: number): CheckOutcome {
    const reason = `larger than authStatus.maxFileSize (${maxFileSize} bytes)`;
    if (!this.reportedTooLarge.has(uri)) {
      this.reportedTooLarge.add(uri);
      this.deps.logger.info(`Skipping ${uri}: ${reason}.`);
    }
    return { kind: 'skipped', reason };
  }

  private report(uri: string, version: number, outcome: LintOutcome): void {
    if (outcome.kind === 'crash') {
      this.deps.logger.error(`A rule failed on ${uri} (version ${version}); showing no problems for it. ${outcome.message}`);
      this.deps.status({ state: 'error', uri, message: 'A rule failed on this file; see the auth-status log.' });
    } else if (outcome.kind === 'parse-error') {
      this.deps.status({ state: 'idle', uri, message: `Not checked: syntax error at ${outcome.line}:${outcome.column}.` });
    } else {
      this.deps.status({ state: 'idle', uri });
    }
  }
}

/** UTF-8 size above the limit? Exact only near the limit (a UTF-16 unit is 1 to 3 UTF-8 bytes). */
function isLargerThan(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true;
  if (text.length * 3 <= maxBytes) return false;
  return Buffer.byteLength(text, 'utf8') > maxBytes;
}

function untitledPath(uri: string): string {
  return `/${uri.replace(/^[a-z-]+:/i, '').replace(/[^\w.-]+/g, '_') || 'untitled'}`;
}
