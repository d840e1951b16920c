import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { ChangedSpan } from '../lint/incremental';

/** One `didChange` from version `from` to `to`: what it changed, as one span (see `ChangedSpan`). */
interface Entry {
  from: number;
  to: number;
  span: ChangedSpan;
}

/** Enough for the edits between two checks of a document; older ones are dropped (the caller then compares texts). */
const KEPT_ENTRIES = 64;

/**
 * Where each open document changed, version by version, as the client's content changes said: the incremental
 * check learns where an edit lies from it instead of comparing two whole texts on every keystroke. It is the
 * `TextDocuments` configuration, so it sees every change exactly as the documents apply it.
 */
export class EditJournal {
  private readonly entries = new Map<string, Entry[]>();

  readonly create = (uri: string, languageId: string, version: number, content: string): TextDocument => {
    this.entries.delete(uri);
    return TextDocument.create(uri, languageId, version, content);
  };

  readonly update = (document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument => {
    const from = document.version;
    let span: ChangedSpan | undefined;
    for (const change of changes) {
      const before = document.getText().length;
      const [start, end] = 'range' in change ? ordered(document.offsetAt(change.range.start), document.offsetAt(change.range.end)) : [0, before];
      TextDocument.update(document, [change], version);
      // What replaced [start, end), measured on the document: offsets past its end are clamped as they are in it.
      span = merged(span, { start, end, length: document.getText().length - before + (end - start) });
    }
    let entries = this.entries.get(document.uri);
    if (!entries) this.entries.set(document.uri, (entries = []));
    entries.push({ from, to: version, span: span ?? { start: 0, end: 0, length: 0 } });
    if (entries.length > KEPT_ENTRIES) entries.shift();
    return document;
  };

  forget(uri: string): void {
    this.entries.delete(uri);
  }

  /**
   * The span that changed between `fromVersion` and `toVersion`: outside it the two texts are the same. Undefined
   * when the journal does not reach back that far (the document was reopened, or too many changes came between).
   */
  changedBetween(uri: string, fromVersion: number, toVersion: number): ChangedSpan | undefined {
    if (fromVersion === toVersion) return { start: 0, end: 0, length: 0 };
    const entries = this.entries.get(uri) ?? [];
    let index = entries.findIndex((entry) => entry.from === fromVersion);
    if (index === -1) return undefined;
    let span: ChangedSpan | undefined;
    let version = fromVersion;
    for (; index < entries.length && version !== toVersion; index++) {
      const entry = entries[index]!;
      if (entry.from !== version) return undefined;
      span = merged(span, entry.span);
      version = entry.to;
    }
    return version === toVersion ? span : undefined;
  }
}

function ordered(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}

/**
 * `span` (base offsets `[start, end)`, now `length` characters long) followed by `entry` (offsets of the text
 * after `span`'s change): the one span of the base that holds both.
 */
function merged(span: ChangedSpan | undefined, entry: ChangedSpan): ChangedSpan {
  if (!span) return entry;
  const spanEndNow = span.start + span.length;
  const start = Math.min(span.start, entry.start);
  const endNow = Math.max(spanEndNow, entry.end);
  // Past the span's end, the base and the current text differ by the span's growth.
  const end = endNow - (spanEndNow - span.end);
  const length = endNow + (entry.length - (entry.end - entry.start)) - start;
  return { start, end, length };
}
