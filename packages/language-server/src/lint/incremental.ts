/**
 * The first answer after an edit, without re-parsing the whole file: when the edit lies inside one top-level
 * statement, only that statement and the statements whose result can depend on it are linted, in a copy of the
 * text without the other statements (`masking.ts`; offsets are mapped back). Everything else keeps its last
 * result, shifted by the edit.
 *
 * A statement's result depends on its own text, on the statements declaring what it uses (transitively), and —
 * when it holds a response site — on the statements using its names (they may set a header on its response).
 * So an edit to S can change the result of S, of the statements that use S's names (transitively), and of the
 * statements with a site that declare something those use. Each of these is linted with everything its result
 * depends on kept; a statement without a site (`const router = express.Router()`) is only ever a dependency.
 * Whenever that cannot be guaranteed the check declines and the caller lints the whole file.
 */
import { maskText, type MaskedText } from './masking';
import { minimalChange } from './fix-all';
import type { Outline, Span, StatementFacts } from './outline';
import { byPosition, type LintOutcome, type Problem, type TextChange } from './problem';

/** What a lint of the masked text tells: its problems and the statements it parsed (document offsets). */
export interface MaskedLint {
  outcome: LintOutcome;
  statements: readonly StatementFacts[];
  directives: readonly Span[];
}

/**
 * Where a text differs from the outline's, when the caller knows (the editor's content changes): `[start, end)` of
 * the outline's text became `length` characters. Outside it the texts are the same.
 */
export interface ChangedSpan {
  start: number;
  end: number;
  length: number;
}

export type IncrementalCheck = { kind: 'answer'; outline: Outline } | { kind: 'decline'; reason: string };

/** Above this share of the text kept, the masked lint would cost about as much as the full one. */
export const MAX_KEPT_SHARE = 0.5;
/** An edit can make the statement use or declare other names: re-plan at most this often. */
const MAX_PASSES = 3;

const decline = (reason: string): IncrementalCheck => ({ kind: 'decline', reason });

export function checkIncrementally(
  base: Outline,
  text: string,
  lintMasked: (masked: MaskedText) => MaskedLint,
  maxKeptShare = MAX_KEPT_SHARE,
  changed?: ChangedSpan,
): IncrementalCheck {
  const change = changeWithin(base.text, text, changed);
  if (change.start === change.end && change.text === '') return { kind: 'answer', outline: base };
  const edit = locateEdit(base, change);
  if ('reason' in edit) return decline(edit.reason);
  const graph = graphOf(base);
  let names: Names = base.statements[edit.edited]!;
  let kept = new Set<number>();
  let pass: MaskedPass | undefined;
  for (let round = 0; round <= MAX_PASSES; round++) {
    const plan = planCheck(graph, base.statements, edit.edited, names);
    if (pass && [...plan.kept].every((index) => kept.has(index))) return answerOf(base, text, { ...edit, ...pass, affected: plan.affected, kept, graph });
    kept = new Set([...kept, ...plan.kept]);
    const next = lintKept(base, text, edit, kept, lintMasked, maxKeptShare);
    if ('reason' in next) return decline(next.reason);
    pass = next;
    names = unionOf(base.statements[edit.edited]!, pass.editedNow);
  }
  return decline('the edit keeps changing which statements depend on it');
}

/** Where the edit since the outline lies, and where each statement moved to. */
interface EditAt {
  change: TextChange;
  delta: number;
  edited: number;
  moved: (index: number) => Span;
}

/**
 * The smallest change from `before` to `after` (as `minimalChange` finds it), comparing only around `changed` when
 * it is given and consistent with the two lengths: a keystroke then costs what it changed, not the document.
 */
export function changeWithin(before: string, after: string, changed: ChangedSpan | undefined): TextChange {
  const consistent = changed && changed.start <= changed.end && changed.end <= before.length && before.length - (changed.end - changed.start) + changed.length === after.length;
  if (!consistent) return minimalChange(before, after);
  const limit = Math.min(before.length, after.length);
  let prefix = Math.min(changed.start, limit);
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = Math.min(before.length - changed.end, limit - prefix);
  while (suffix < limit - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

function locateEdit(base: Outline, change: TextChange): EditAt | { reason: string } {
  const delta = change.text.length - (change.end - change.start);
  const edited = editedStatement(base.statements, change);
  if (edited === -1) return { reason: 'the edit is not inside one top-level statement' };
  if (base.statements[edited]!.fixed) return { reason: 'an import or directive prologue changed' };
  if (base.directives.some((directive) => directive.start <= change.end && change.start <= directive.end)) {
    return { reason: 'an ESLint directive comment changed' };
  }
  return { change, delta, edited, moved: (index) => movedSpan(base.statements[index]!, index, edited, delta) };
}

/** One lint of the kept statements, checked: they parsed as expected, and the edit wrote no directive. */
interface MaskedPass {
  masked: MaskedLint;
  maskedProblems: readonly Problem[];
  /** The edited statement as it is now. */
  editedNow: StatementFacts;
}

function lintKept(
  base: Outline,
  text: string,
  { change, edited, moved }: EditAt,
  kept: ReadonlySet<number>,
  lintMasked: (masked: MaskedText) => MaskedLint,
  maxKeptShare: number,
): MaskedPass | { reason: string } {
  const statements = base.statements;
  const keptLength = [...kept].reduce((sum, index) => sum + (statements[index]!.end - statements[index]!.start), 0);
  if (keptLength > maxKeptShare * base.text.length) return { reason: 'most of the file depends on the edited statement' };
  const spans = statements.map((_, index) => moved(index));
  if (sharesLine(text, spans, kept)) return { reason: 'a statement left out shares a line with a checked one' };
  const maskedText = maskText(text, spans.filter((_, index) => !kept.has(index)));
  const masked = inDocument(lintMasked(maskedText), maskedText);
  if (!masked) return { reason: 'a problem reaches into a statement left out' };
  if (masked.outcome.kind !== 'problems') return { reason: `the checked statements do not lint cleanly (${masked.outcome.kind})` };
  const editedNow = matchStatements(masked.statements, statements, kept, edited, moved, text.length);
  if (!editedNow) return { reason: 'the edit changed which top-level statements exist' };
  if (editedNow.fixed) return { reason: 'the edit made an import or directive prologue' };
  const inserted = { start: change.start, end: change.start + change.text.length };
  if (masked.directives.some((directive) => directive.start <= inserted.end && inserted.start <= directive.end)) {
    return { reason: 'the edit wrote an ESLint directive comment' };
  }
  return { masked, maskedProblems: masked.outcome.problems, editedNow };
}

/** The masked lint in document offsets; undefined when something it reports lies in a left-out statement. */
function inDocument(lint: MaskedLint, masked: MaskedText): MaskedLint | undefined {
  const map = <T extends Span>(span: T) => masked.toDocument(span);
  const statements = lint.statements.map(map);
  const directives = lint.directives.map(map);
  if (statements.some((statement) => !statement) || directives.some((directive) => !directive)) return undefined;
  let outcome = lint.outcome;
  if (outcome.kind === 'problems') {
    const problems = outcome.problems.map((problem) => mapProblem(problem, map));
    if (problems.some((problem) => !problem)) return undefined;
    outcome = { kind: 'problems', problems: problems as Problem[] };
  }
  return { outcome, statements: statements as StatementFacts[], directives: directives as Span[] };
}

const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** Does a left-out statement share a line with a kept one? Then line-based logic (indentation) would differ. */
function sharesLine(text: string, spans: readonly Span[], kept: ReadonlySet<number>): boolean {
  for (let index = 1; index < spans.length; index++) {
    if (kept.has(index) === kept.has(index - 1)) continue;
    if (!LINE_BREAK.test(text.slice(spans[index - 1]!.end, spans[index]!.start))) return true;
  }
  return false;
}

interface Names {
  declares: readonly string[];
  references: readonly string[];
}

interface Graph {
  declarers: Map<string, number[]>;
  users: Map<string, number[]>;
  /** Statements holding a directive comment: kept, so the directive still applies. */
  holdingDirectives: number[];
}

const graphs = new WeakMap<Outline, Graph>();

function graphOf(outline: Outline): Graph {
  let graph = graphs.get(outline);
  if (graph) return graph;
  const declarers = new Map<string, number[]>();
  const users = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, name: string, index: number) => {
    const list = map.get(name);
    if (list) list.push(index);
    else map.set(name, [index]);
  };
  outline.statements.forEach((statement, index) => {
    for (const name of statement.declares) add(declarers, name, index);
    for (const name of statement.references) add(users, name, index);
  });
  const holdingDirectives = outline.directives.flatMap((directive) => {
    const index = outline.statements.findIndex((statement) => statement.start <= directive.start && directive.end <= statement.end);
    return index === -1 ? [] : [index];
  });
  graph = { declarers, users, holdingDirectives };
  graphs.set(outline, graph);
  return graph;
}

interface Plan {
  /** Statements whose result may change: linted with all they depend on, their problems taken from that lint. */
  affected: Set<number>;
  /** Everything the masked text keeps. */
  kept: Set<number>;
}

/** `editedNames`: what the edited statement declares and uses, before and after the edit. */
function planCheck(graph: Graph, statements: readonly StatementFacts[], edited: number, editedNames: Names): Plan {
  const names = (index: number): Names => (index === edited ? editedNames : statements[index]!);
  const users = (name: string) => withEdited(graph.users.get(name), edited, editedNames.references.includes(name));
  const declarers = (name: string) => withEdited(graph.declarers.get(name), edited, editedNames.declares.includes(name));

  const dependents = new Set([edited]);
  for (const index of dependents) {
    for (const name of names(index).declares) for (const user of users(name)) dependents.add(user);
  }
  const affected = new Set(dependents);
  for (const index of dependents) {
    const { references, declares } = names(index);
    for (const name of [...references, ...declares]) {
      for (const declarer of declarers(name)) if (statements[declarer]!.hasSite && !statements[declarer]!.fixed) affected.add(declarer);
    }
  }
  const kept = new Set(affected);
  for (const index of kept) {
    const { references, declares } = names(index);
    if (affected.has(index)) for (const name of declares) for (const user of users(name)) kept.add(user);
    for (const name of [...references, ...declares]) for (const declarer of declarers(name)) kept.add(declarer);
  }
  statements.forEach((statement, index) => {
    if (statement.fixed) kept.add(index);
  });
  for (const index of graph.holdingDirectives) kept.add(index);
  return { affected, kept };
}

function withEdited(list: readonly number[] | undefined, index: number, include: boolean): readonly number[] {
  if (!include || list?.includes(index)) return list ?? [];
  return [...(list ?? []), index];
}

function unionOf(before: Names, after: Names): Names {
  return {
    declares: [...new Set([...before.declares, ...after.declares])],
    references: [...new Set([...before.references, ...after.references])],
  };
}

/** The statement whose range, stretched back to the end of the one before, holds the whole edit; -1 if none. */
function editedStatement(statements: readonly StatementFacts[], change: TextChange): number {
  let low = 0;
  let high = statements.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (statements[middle]!.end >= change.end) {
      found = middle;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  if (found === -1) return -1;
  const stretchedStart = found === 0 ? 0 : statements[found - 1]!.end;
  return stretchedStart <= change.start ? found : -1;
}

function movedSpan(span: Span, index: number, edited: number, delta: number): Span {
  if (index < edited) return { start: span.start, end: span.end };
  if (index > edited) return { start: span.start + delta, end: span.end + delta };
  return { start: span.start, end: span.end + delta };
}

/**
 * The masked lint parsed exactly the kept statements where they are expected, and one statement between the
 * neighbours of the edited one: that statement's facts. Undefined when the statements changed.
 */
function matchStatements(
  parsed: readonly StatementFacts[],
  statements: readonly StatementFacts[],
  kept: ReadonlySet<number>,
  edited: number,
  moved: (index: number) => Span,
  textLength: number,
): StatementFacts | undefined {
  const expected = [...kept].sort((a, b) => a - b);
  if (parsed.length !== expected.length) return undefined;
  let editedNow: StatementFacts | undefined;
  for (const [position, index] of expected.entries()) {
    const statement = parsed[position]!;
    if (index === edited) {
      const after = edited > 0 ? moved(edited - 1).end : 0;
      const before = edited + 1 < statements.length ? moved(edited + 1).start : textLength;
      if (statement.start < after || statement.end > before) return undefined;
      editedNow = statement;
    } else {
      const span = moved(index);
      if (statement.start !== span.start || statement.end !== span.end) return undefined;
    }
  }
  return editedNow;
}

interface Answer extends EditAt, MaskedPass {
  affected: ReadonlySet<number>;
  kept: ReadonlySet<number>;
  graph: Graph;
}

function answerOf(base: Outline, text: string, answer: Answer): IncrementalCheck {
  const { change, delta, edited, editedNow, affected, kept, graph, masked, maskedProblems, moved } = answer;
  const statements = base.statements.map((statement, index): StatementFacts => {
    if (index === edited) return editedNow;
    const span = moved(index);
    if (!affected.has(index)) return { ...statement, ...span };
    const parsed = masked.statements.find((candidate) => candidate.start === span.start);
    return { ...statement, ...span, hasSite: parsed?.hasSite ?? statement.hasSite };
  });
  const inAffected = (offset: number) => [...affected].some((index) => statements[index]!.start <= offset && offset < statements[index]!.end);
  const fresh = maskedProblems.filter((problem) => inAffected(problem.start));
  const left = statements.filter((_, index) => !kept.has(index));
  if (fresh.some((problem) => changesOf(problem).some((edit) => left.some((span) => span.start < edit.end && edit.start < span.end)))) {
    return decline('a fix spans a statement left out');
  }
  for (const name of fixNames(fresh)) {
    if ((graph.declarers.get(name) ?? []).some((declarer) => !kept.has(declarer))) return decline(`a fix names ${name}, declared in a statement left out`);
  }
  const carried: Problem[] = [];
  for (const problem of base.problems) {
    const index = base.statements.findIndex((statement) => statement.start <= problem.start && problem.start < statement.end);
    if (index !== -1 && affected.has(index)) continue;
    const shifted = mapProblem(problem, (span) => shiftSpan(span, change, delta));
    if (!shifted) return decline('a kept problem refers to the edited text');
    carried.push(shifted);
  }
  const problems = [...fresh, ...carried].sort(byPosition);
  const directives = base.directives.map((directive) => shiftSpan(directive, change, delta)!);
  return { kind: 'answer', outline: { text, statements, directives, problems } };
}

function changesOf(problem: Problem): TextChange[] {
  return [...(problem.fix ? [problem.fix] : []), ...problem.suggestions.map((suggestion) => suggestion.change)];
}

/** Identifiers in the text fixes and suggestions insert: a fix may depend on whether such a name is declared. */
function fixNames(problems: readonly Problem[]): Set<string> {
  const names = new Set<string>();
  for (const change of problems.flatMap(changesOf)) for (const match of change.text.matchAll(/[A-Za-z_$][\w$]*/g)) names.add(match[0]);
  return names;
}

/** Undefined when the span overlaps the replaced text (its meaning there is unknown). */
function shiftSpan<T extends Span>(span: T, change: TextChange, delta: number): T | undefined {
  if (span.end <= change.start) return span;
  if (span.start >= change.end) return { ...span, start: span.start + delta, end: span.end + delta };
  return undefined;
}

/** Every offset of a problem (range, fix, suggestions, evidence) mapped; undefined when one cannot be. */
function mapProblem(problem: Problem, map: <T extends Span>(span: T) => T | undefined): Problem | undefined {
  const range = map(problem);
  const fix = problem.fix && map(problem.fix);
  const suggestions = problem.suggestions.map((suggestion) => ({ ...suggestion, change: map(suggestion.change)! }));
  const evidence = problem.explanation?.evidence.map((span) => map(span)!);
  if (!range || (problem.fix && !fix) || suggestions.some((suggestion) => !suggestion.change) || evidence?.some((span) => !span)) {
    return undefined;
  }
  return {
    ...range,
    fix,
    suggestions,
    ...(problem.explanation ? { explanation: { ...problem.explanation, evidence: evidence! } } : {}),
  };
}
