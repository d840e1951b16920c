import type { RemoteConsole, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LintEngine } from '../lint/engine';
import { checkIncrementally } from '../lint/incremental';
import { parseTargetOf, type ParseTarget } from '../lint/languages';
import type { LintAnswers, LintMode, LintRequest } from '../lint/lint-worker';
import type { Outline } from '../lint/outline';
import type { LintOutcome } from '../lint/problem';
import { allowsIncrementalChecks, type RulesConfig } from '../lint/rules';
import type { StatusParams } from '../protocol';
import type { Settings } from '../settings';
import { filePathOf } from '../uri';
import type { EditJournal } from '../workspace/edit-journal';
import type { RuleSource } from '../workspace/rule-source';
import type { SettingsStore } from '../workspace/settings-store';

export type Logger = Pick<RemoteConsole, 'info' | 'warn' | 'error'>;

export type CheckOutcome = LintOutcome | { kind: 'skipped'; reason: string };

/** The result of checking one version of a document under one generation of configuration. */
export interface Checked {
  uri: string;
  version: number;
  /**
   * Which opening of the document this is (a new number on every `didOpen`): editors start a reopened document at
   * version 1 again, so a result of an earlier opening is stale even when its version matches.
   */
  opening: number;
  /** Counts configuration changes: a result of an older generation is stale. */
  generation: number;
  /** Unique per computed result (also across close and reopen): pull diagnostics' `resultId`. */
  resultId: string;
  outcome: CheckOutcome;
  /** False for an incremental answer (see `incremental.ts`): a full lint of the same version follows when idle. */
  exact: boolean;
  settings: Settings;
  /**
   * Lints other text of this document with the same rules, always parsing it, even text without any status
   * (fix-all's passes; whether a quick fix's result parses). Absent when the document was skipped.
   */
  relint?: (text: string) => Promise<LintOutcome>;
}

export interface CheckerDependencies {
  documents: TextDocuments<TextDocument>;
  settings: SettingsStore;
  rules: RuleSource;
  engine: LintEngine;
  logger: Logger;
  status: (status: StatusParams) => void;
  /** Where each document changed between two versions (see `EditJournal`). */
  edits: Pick<EditJournal, 'changedBetween'>;
  /** Called after every lint (the heap keeper collects the garbage it left). */
  afterLint: () => void;
  /**
   * Lints in a worker thread (documents of `OFF_THREAD_FROM` characters and more, and full lints that confirm an
   * incremental answer); rejects when the worker died.
   */
  lintOffThread: <M extends LintMode>(request: LintRequest<M>) => Promise<LintAnswers[M]>;
}

/**
 * Documents at least this long (UTF-16 units) keep what an incremental check needs; below it a full lint takes a
 * few milliseconds and an incremental check would save nothing.
 */
export const INCREMENTAL_FROM = 12_000;

/**
 * Documents at least this long (UTF-16 units) are linted in a worker thread: a full lint takes about 2.5 ms per
 * kilobyte, and the thread that answers hovers, code actions and other documents must not wait seconds for one
 * (a 1,000 KB document took 4.8 s). They get full lints only; the incremental check runs on this thread.
 */
export const OFF_THREAD_FROM = 200_000;

/**
 * Lints a document version once and remembers the result. Work for a version that is superseded while
 * settings or the workspace config load is dropped before the (synchronous) lint starts. For long documents it
 * keeps the outline of the last result, so the first answer after an edit can come from an incremental check.
 */
export class DocumentChecker {
  private generation = 0;
  private sequence = 0;
  private openingSequence = 0;
  /** The opening number of each open document. */
  private readonly openings = new Map<string, number>();
  private readonly results = new Map<string, Checked>();
  /** The outline each long document's next incremental check starts from, and the version it describes. */
  private readonly outlines = new Map<string, { generation: number; version: number; outline: Outline }>();
  private readonly inFlight = new Map<string, Promise<Checked | undefined>>();
  /** Why each document is skipped, as last logged: logged again only when the reason changes. */
  private readonly announced = new Map<string, string>();
  /** The full lint under way in the worker per document: the next one waits for it rather than queueing behind it. */
  private readonly offThreadFullLints = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: CheckerDependencies) {}

  /** Settings, trust or config files changed: every remembered result is stale. */
  invalidateAll(): void {
    this.generation++;
    this.results.clear();
    this.outlines.clear();
    this.inFlight.clear();
  }

  /** `didOpen`: whatever is still under way for an earlier opening of this URI is stale. */
  opened(uri: string): void {
    this.openings.set(uri, ++this.openingSequence);
  }

  /** A module this document imports changed: its remembered result is stale, its opening is not. */
  dependencyChanged(uri: string): void {
    this.results.delete(uri);
    this.outlines.delete(uri);
    for (const key of this.inFlight.keys()) if (key.startsWith(`${uri}@`)) this.inFlight.delete(key);
  }

  forget(uri: string): void {
    this.openings.delete(uri);
    this.results.delete(uri);
    this.outlines.delete(uri);
    this.announced.delete(uri);
    this.offThreadFullLints.delete(uri);
    for (const key of this.inFlight.keys()) if (key.startsWith(`${uri}@`)) this.inFlight.delete(key);
  }

  /** The result for exactly this version, if it was computed already (exact or incremental). */
  cached(document: TextDocument): Checked | undefined {
    const result = this.results.get(document.uri);
    return result?.version === document.version && this.isCurrent(result) && this.isLatest(document) ? result : undefined;
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

  /** Is this result (or work begun for it) about the text the document has now, under the configuration in force now? */
  isCurrent(checked: Pick<Checked, 'uri' | 'version' | 'opening' | 'generation'>): boolean {
    const { uri, version, opening, generation } = checked;
    return this.generation === generation && this.openings.get(uri) === opening && this.deps.documents.get(uri)?.version === version;
  }

  /** Is this document object still the open document, at the version it has? (False once it was closed, even if reopened.) */
  isLatest(document: TextDocument): boolean {
    return this.deps.documents.get(document.uri) === document && this.openings.has(document.uri);
  }

  private keyOf(document: TextDocument, mode: 'full' | 'quick'): string {
    return `${document.uri}@${this.openings.get(document.uri)}:${this.generation}:${document.version}:${mode}`;
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
    // A document object of an earlier opening (a caller that held it across a close and reopen) is not checked.
    if (!this.isLatest(document)) return undefined;
    const generation = this.generation;
    const opening = this.openings.get(uri)!;
    const filePath = filePathOf(uri);
    const target = parseTargetOf(document.languageId, filePath ?? untitledPath(uri));
    // Only when nothing else is being checked: loading the parser must not hold up another document's answer.
    // A document linted off this thread does not need it here.
    if (target && this.inFlight.size === 0 && document.getText().length < OFF_THREAD_FROM) this.deps.engine.prepare(target);
    const settings = await this.deps.settings.settingsFor(uri);
    const base = { uri, version, opening, generation, resultId: `${generation}:${version}:${++this.sequence}`, exact: true, settings };
    // Closed, reopened or edited while the settings loaded: this text is gone.
    if (!this.isCurrent(base)) return undefined;
    if (!target) return this.remember({ ...base, outcome: { kind: 'skipped', reason: 'not a JavaScript or TypeScript document' } });
    if (!settings.enable) return this.remember({ ...base, outcome: { kind: 'skipped', reason: 'disabled by authStatus.enable' } });
    const text = document.getText();
    if (isLargerThan(text, settings.maxFileSize)) {
      return this.remember({ ...base, outcome: this.skipped(uri, `larger than authStatus.maxFileSize (${settings.maxFileSize} bytes)`) });
    }

    const rules = await this.deps.rules.rulesFor(filePath, settings);
    if (!this.isCurrent(base)) return undefined;

    const offThread = text.length >= OFF_THREAD_FROM;
    const lintWith = (lintMode: 'lint' | 'lintUnfiltered') => (source: string) => this.lintOnce(lintMode, offThread, { text: source, target, rules });
    const relint = lintWith('lintUnfiltered');
    if (offThread) {
      this.deps.status({ state: 'linting', uri });
      const outcome = await lintWith('lint')(text);
      if (this.isCurrent(base)) {
        this.outlines.delete(uri);
        this.report(uri, version, outcome);
      }
      return this.remember({ ...base, outcome: this.announce(uri, outcome), relint });
    }
    const quick = mode === 'quick' ? this.incremental(uri, version, text, target, rules) : undefined;
    if (quick) return this.remember({ ...base, exact: false, outcome: { kind: 'problems', problems: [...quick.problems] }, relint });
    // A document that answers edits incrementally is linted fully in the worker: a keystroke that arrives
    // meanwhile is answered from the outline kept here instead of waiting for the lint.
    const outcome = this.hasOutline(uri) ? await this.lintFullyOffThread(base, text, target, rules) : this.lintFully(uri, version, text, target, rules);
    if (!outcome) return undefined;
    return this.remember({ ...base, ...this.sameResultId(uri, version, outcome), outcome: this.announce(uri, outcome), relint });
  }

  private hasOutline(uri: string): boolean {
    return this.outlines.get(uri)?.generation === this.generation;
  }

  /**
   * The full lint of a document that has an outline, in the worker; undefined when the text changed before it
   * began (it would be stale). A worker that failed leaves the lint to this thread.
   */
  private async lintFullyOffThread(base: Pick<Checked, 'uri' | 'version' | 'opening' | 'generation'>, text: string, target: ParseTarget, rules: RulesConfig): Promise<LintOutcome | undefined> {
    const { uri, version } = base;
    await this.offThreadFullLints.get(uri)?.catch(() => undefined);
    if (!this.isCurrent(base)) return undefined;
    this.deps.status({ state: 'linting', uri });
    const pending = this.deps.lintOffThread({ mode: 'lintWithOutline', text, target, rules });
    this.offThreadFullLints.set(uri, pending);
    let linted: LintAnswers['lintWithOutline'];
    try {
      linted = await pending;
    } catch {
      return this.isCurrent(base) ? this.lintFully(uri, version, text, target, rules) : undefined;
    } finally {
      if (this.offThreadFullLints.get(uri) === pending) this.offThreadFullLints.delete(uri);
    }
    if (this.isCurrent(base)) {
      if (linted.outline) this.keepOutline(uri, version, linted.outline);
      else this.outlines.delete(uri);
      this.report(uri, version, linted.outcome);
    }
    return linted.outcome;
  }

  /** One lint, here or in the worker; a worker that died (out of memory, say) is a crash of this lint only. */
  private async lintOnce(mode: 'lint' | 'lintUnfiltered', offThread: boolean, request: Omit<LintRequest, 'mode'>): Promise<LintOutcome> {
    if (offThread) {
      try {
        return await this.deps.lintOffThread({ mode, ...request });
      } catch (error) {
        return { kind: 'crash', message: `the lint worker stopped: ${error instanceof Error ? error.message : String(error)}`, cause: 'worker' };
      }
    }
    const { text, target, rules } = request;
    const outcome = mode === 'lint' ? this.deps.engine.lint(text, target, rules) : this.deps.engine.lintUnfiltered(text, target, rules);
    this.deps.afterLint();
    return outcome;
  }

  /** The problems of this text from the last outline of the document, or undefined when only a full lint is exact. */
  private incremental(uri: string, version: number, text: string, target: ParseTarget, rules: RulesConfig): Outline | undefined {
    const kept = this.outlines.get(uri);
    if (!kept || kept.generation !== this.generation) return undefined;
    const changed = this.deps.edits.changedBetween(uri, kept.version, version);
    const answer = checkIncrementally(kept.outline, text, (masked) => this.deps.engine.lintMasked(masked, target, rules), undefined, changed);
    if (answer.kind === 'decline') return undefined;
    this.deps.afterLint();
    this.keepOutline(uri, version, answer.outline);
    return answer.outline;
  }

  /** A full lint; for a long document it also keeps the outline the next incremental check starts from. */
  private lintFully(uri: string, version: number, text: string, target: ParseTarget, rules: RulesConfig): LintOutcome {
    this.deps.status({ state: 'linting', uri });
    const wantsOutline = text.length >= INCREMENTAL_FROM && allowsIncrementalChecks(rules);
    let outcome: LintOutcome;
    if (wantsOutline) {
      const linted = this.deps.engine.lintWithOutline(text, target, rules);
      this.deps.afterLint();
      outcome = linted.outcome;
      if (linted.outline) this.keepOutline(uri, version, linted.outline);
      else this.outlines.delete(uri);
    } else {
      outcome = this.deps.engine.lint(text, target, rules);
      this.deps.afterLint();
      this.outlines.delete(uri);
    }
    this.report(uri, version, outcome);
    return outcome;
  }

  private keepOutline(uri: string, version: number, outline: Outline): void {
    this.outlines.set(uri, { generation: this.generation, version, outline });
  }

  /** A full lint that confirms the incremental answer for the same version keeps its result id (pull: "unchanged"). */
  private sameResultId(uri: string, version: number, outcome: LintOutcome): { resultId?: string } {
    const previous = this.results.get(uri);
    if (!previous || previous.exact || previous.version !== version || previous.generation !== this.generation) return {};
    return sameOutcome(previous.outcome, outcome) ? { resultId: previous.resultId } : {};
  }

  private remember(checked: Checked): Checked {
    if (this.isCurrent(checked)) this.results.set(checked.uri, checked);
    return checked;
  }

  /** A document skipped for a reason worth one log line (too large, nested too deeply): logged when the reason is new. */
  private skipped(uri: string, reason: string): CheckOutcome {
    if (this.announced.get(uri) !== reason) {
      this.announced.set(uri, reason);
      this.deps.logger.info(`Skipping ${uri}: ${reason}.`);
    }
    return { kind: 'skipped', reason };
  }

  /** A lint outcome; a document its parser would not survive becomes a skipped one (logged once). */
  private announce(uri: string, outcome: LintOutcome): CheckOutcome {
    if (outcome.kind === 'too-deep') return this.skipped(uri, `its code nests more than ${outcome.limit} levels deep, more than the parser survives`);
    this.announced.delete(uri);
    return outcome;
  }

  private report(uri: string, version: number, outcome: LintOutcome): void {
    if (outcome.kind === 'crash' && outcome.cause === 'worker') {
      this.deps.logger.error(`Linting ${uri} (version ${version}) failed; showing no problems for it: ${outcome.message}`);
      this.deps.status({ state: 'error', uri, message: 'Linting this file failed; see the auth-status log.' });
    } else if (outcome.kind === 'crash') {
      this.deps.logger.error(`A rule failed on ${uri} (version ${version}); showing no problems for it. ${outcome.message}`);
      this.deps.status({ state: 'error', uri, message: 'A rule failed on this file; see the auth-status log.' });
    } else if (outcome.kind === 'parse-error') {
      this.deps.status({ state: 'idle', uri, message: `Not checked: syntax error at ${outcome.line}:${outcome.column}.` });
    } else if (outcome.kind === 'too-deep') {
      this.deps.status({ state: 'idle', uri, message: `Not checked: nested more than ${outcome.limit} levels deep.` });
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
