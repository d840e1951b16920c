import type { RemoteConsole, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintEngine } from '../lint/engine';
import { checkIncrementally } from '../lint/incremental';
import { parseTargetOf, type ParseTarget } from '../lint/languages';
import type { Outline } from '../lint/outline';
import type { LintOutcome } from '../lint/problem';
import { allowsIncrementalChecks, type RulesConfig } from '../lint/rules';
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
  /** False for an incremental answer (see `incremental.ts`): a full lint of the same version follows when idle. */
  exact: boolean;
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
 * Documents at least this long (UTF-16 units) keep what an incremental check needs; below it a full lint takes a
 * few milliseconds and an incremental check would save nothing.
 */
export const INCREMENTAL_FROM = 12_000;

/**
 * Lints a document version once and remembers the result. Work for a version that is superseded while
 * settings or the workspace config load is dropped before the (synchronous) lint starts. For long documents it
 * keeps the outline of the last result, so the first answer after an edit can come from an incremental check.
 */
export class DocumentChecker {
  private generation = 0;
  private sequence = 0;
  private readonly results = new Map<string, Checked>();
  private readonly outlines = new Map<string, { generation: number; outline: Outline }>();
  private readonly inFlight = new Map<string, Promise<Checked | undefined>>();
  private readonly reportedTooLarge = new Set<string>();

  constructor(private readonly deps: CheckerDependencies) {}

  /** Settings, trust or config files changed: every remembered result is stale. */
  invalidateAll(): void {
    this.generation++;
    this.results.clear();
    this.outlines.clear();
    this.inFlight.clear();
  }

  forget(uri: string): void {
    this.results.delete(uri);
    this.outlines.delete(uri);
    this.reportedTooLarge.delete(uri);
    for (const key of this.inFlight.keys()) if (key.startsWith(`${uri}@`)) this.inFlight.delete(key);
  }

  /** The result for exactly this version, if it was computed already (exact or incremental). */
  cached(document: TextDocument): Checked | undefined {
    const result = this.results.get(document.uri);
    return result?.version === document.version && result.generation === this.generation ? result : undefined;
  }

  /** The exact result: a full lint. Undefined when the document changed or closed while its settings were loading. */
  check(document: TextDocument): Promise<Checked | undefined> {
    const cached = this.cached(document);
    return cached?.exact ? Promise.resolve(cached) : this.once(document, 'full');
  }

  /** The first answer for this version: from an incremental check when one is exact, else from a full lint. */
  checkQuickly(document: TextDocument): Promise<Checked | undefined> {
    const cached = this.cached(document);
    if (cached) return Promise.resolve(cached);
    return this.inFlight.get(this.keyOf(document, 'full')) ?? this.once(document, 'quick');
  }

  isCurrent(uri: string, version: number, generation = this.generation): boolean {
    return this.generation === generation && this.deps.documents.get(uri)?.version === version;
  }

  private keyOf(document: TextDocument, mode: 'full' | 'quick'): string {
    return `${document.uri}@${this.generation}:${document.version}:${mode}`;
  }

  private once(document: TextDocument, mode: 'full' | 'quick'): Promise<Checked | undefined> {
    const key = this.keyOf(document, mode);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.run(document, mode).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  private async run(document: TextDocument, mode: 'full' | 'quick'): Promise<Checked | undefined> {
    const { uri, version } = document;
    const generation = this.generation;
    const filePath = filePathOf(uri);
    const target = parseTargetOf(document.languageId, filePath ?? untitledPath(uri));
    // Only when nothing else is being checked: loading the parser must not hold up another document's answer.
    if (target && this.inFlight.size === 0) this.deps.engine.prepare(target);
    const settings = await this.deps.settings.settingsFor(uri);
    const base = { uri, version, generation, resultId: `${generation}:${version}:${++this.sequence}`, exact: true, settings };
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
    const quick = mode === 'quick' ? this.incremental(uri, text, target, rules) : undefined;
    if (quick) return this.remember({ ...base, exact: false, outcome: { kind: 'problems', problems: [...quick.problems] }, relint });
    const outcome = this.lintFully(uri, version, text, target, rules, relint);
    return this.remember({ ...base, ...this.sameResultId(uri, version, outcome), outcome, relint });
  }

  /** The problems of this text from the last outline of the document, or undefined when only a full lint is exact. */
  private incremental(uri: string, text: string, target: ParseTarget, rules: RulesConfig): Outline | undefined {
    const kept = this.outlines.get(uri);
    if (!kept || kept.generation !== this.generation) return undefined;
    const answer = checkIncrementally(kept.outline, text, (masked) => this.deps.engine.lintMasked(masked, target, rules));
    if (answer.kind === 'decline') return undefined;
    this.deps.afterLint();
    this.keepOutline(uri, answer.outline);
    return answer.outline;
  }

  /** A full lint; for a long document it also keeps the outline the next incremental check starts from. */
  private lintFully(uri: string, version: number, text: string, target: ParseTarget, rules: RulesConfig, relint: (text: string) => LintOutcome): LintOutcome {
    this.deps.status({ state: 'linting', uri });
    const wantsOutline = text.length >= INCREMENTAL_FROM && allowsIncrementalChecks(rules);
    let outcome: LintOutcome;
    if (wantsOutline) {
      const linted = this.deps.engine.lintWithOutline(text, target, rules);
      this.deps.afterLint();
      outcome = linted.outcome;
      if (linted.outline) this.keepOutline(uri, linted.outline);
      else this.outlines.delete(uri);
    } else {
      outcome = relint(text);
      this.outlines.delete(uri);
    }
    this.report(uri, version, outcome);
    return outcome;
  }

  private keepOutline(uri: string, outline: Outline): void {
    this.outlines.set(uri, { generation: this.generation, outline });
  }

  /** A full lint that confirms the incremental answer for the same version keeps its result id (pull: "unchanged"). */
  private sameResultId(uri: string, version: number, outcome: LintOutcome): { resultId?: string } {
    const previous = this.results.get(uri);
    if (!previous || previous.exact || previous.version !== version || previous.generation !== this.generation) return {};
    return sameOutcome(previous.outcome, outcome) ? { resultId: previous.resultId } : {};
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

function sameOutcome(a: CheckOutcome, b: CheckOutcome): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
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
