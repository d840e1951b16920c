import { clearResolutions, dependantsOf, invalidateModule, setModuleOverlay } from 'eslint-plugin-auth-status/tooling';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { filePathOf } from '../uri';
import type { BufferMirror } from './buffer-mirror';

/** Files the project index reads: sources, and the files that decide how imports resolve. */
export const INDEXED_FILES_GLOB = '**/{*.js,*.jsx,*.mjs,*.cjs,*.ts,*.tsx,*.mts,*.cts,package.json,tsconfig*.json,jsconfig*.json}';
const RESOLUTION_FILE = /(?:^|[\\/])(?:package\.json|[tj]sconfig[^\\/]*\.json)$/;

/**
 * Keeps the project index in step with the editor: an open buffer's text is what its importers see, a change on
 * disk drops the file's summary, and the open documents that import a changed module (directly or through
 * re-exports) are named so that they are checked again.
 */
export class ProjectIndexSync {
  constructor(
    private readonly openUris: () => readonly string[],
    private readonly recheck: (uris: readonly string[]) => void,
    /** The lint worker's view of the open buffers. */
    private readonly mirror: BufferMirror,
  ) {}

  /** An open document's text changed (or it was opened): importers read the buffer, not the disk. */
  bufferChanged(uri: string, text: string): void {
    const file = filePathOf(uri);
    if (!file) return;
    setModuleOverlay(file, text);
    this.mirror.set(file, text);
    this.recheckDependantsOf([file], uri);
  }

  /** Closed: importers read the disk again. */
  bufferClosed(uri: string): void {
    const file = filePathOf(uri);
    if (!file) return;
    setModuleOverlay(file, undefined);
    this.mirror.set(file, undefined);
    this.recheckDependantsOf([file], uri);
  }

  /** `workspace/didChangeWatchedFiles`. */
  filesChanged(changes: readonly FileEvent[]): void {
    const files: string[] = [];
    for (const change of changes) {
      const file = filePathOf(change.uri);
      if (!file) continue;
      invalidateModule(file);
      files.push(file);
      if (change.type !== FileChangeType.Changed || RESOLUTION_FILE.test(file)) clearResolutions();
    }
    this.recheckDependantsOf(files);
  }

  private recheckDependantsOf(files: readonly string[], except?: string): void {
    const dependants = new Set(files.flatMap((file) => dependantsOf(file)));
    const open = this.openUris().filter((uri) => uri !== except && dependants.has(filePathOf(uri) ?? ''));
    this.recheck(open);
  }
}
