import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixUntilStable, minimalChange, type ChangePicker } from '../lint/fix-all';
import type { TextChange } from '../lint/problem';
import type { Checked } from './checker';
import { rangeOf } from './diagnostics';

/** Builds workspace edits in the form the client understands (versioned `documentChanges` when it can). */
export class EditBuilder {
  constructor(private readonly documentChanges: boolean) {}

  edit(document: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (this.documentChanges) {
      return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] };
    }
    return { changes: { [document.uri]: edits } };
  }

  change(document: TextDocument, change: TextChange): WorkspaceEdit {
    return this.edit(document, [textEdit(document, change)]);
  }
}

export function textEdit(document: TextDocument, change: TextChange): TextEdit {
  return { range: rangeOf(document, change.start, change.end), newText: change.text };
}

/**
 * The fix-all edit for a checked document version: fixes (and, when the picker allows, preferred suggestions)
 * applied until the text is stable, each pass parsed, as one minimal edit. Empty when nothing applies, and
 * when the document is no longer at the checked version once the passes are done (the edit would not fit it).
 */
export async function fixAllEdits(document: TextDocument, checked: Checked, pick: ChangePicker, isCurrent: (checked: Checked) => boolean): Promise<TextEdit[]> {
  if (!checked.relint || checked.outcome.kind !== 'problems' || !isCurrent(checked)) return [];
  const text = document.getText();
  const fixed = await fixUntilStable(text, checked.relint, pick, checked.outcome);
  if (fixed === undefined || !isCurrent(checked)) return [];
  return [textEdit(document, minimalChange(text, fixed))];
}
