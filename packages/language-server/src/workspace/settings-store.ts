import type { Connection } from 'vscode-languageserver';
import { CONFIGURATION_SECTION } from '../protocol';
import { readSettings, type Settings } from '../settings';

/**
 * Settings per document: asked of the client with `workspace/configuration` (scoped to the document, so
 * multi-root workspaces may differ), or, for clients without it, taken from the initialization options and
 * `workspace/didChangeConfiguration`. Each complaint about a value is logged once.
 */
export class SettingsStore {
  private readonly perDocument = new Map<string, Promise<Settings>>();
  private readonly complaints = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly clientHasConfiguration: boolean,
    private pushedSettings: unknown,
    private readonly log: (message: string) => void,
  ) {}

  settingsFor(uri: string): Promise<Settings> {
    let settings = this.perDocument.get(uri);
    if (!settings) {
      settings = this.fetch(uri);
      this.perDocument.set(uri, settings);
    }
    return settings;
  }

  /** `workspace/didChangeConfiguration`: its payload counts only for clients that cannot be asked. */
  changed(payload: unknown): void {
    if (!this.clientHasConfiguration) {
      const section = (payload as Record<string, unknown> | null | undefined)?.[CONFIGURATION_SECTION];
      if (section !== undefined) this.pushedSettings = section;
    }
    this.perDocument.clear();
    this.complaints.clear();
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
  }

  private async fetch(uri: string): Promise<Settings> {
    let raw = this.pushedSettings;
    if (this.clientHasConfiguration) {
      try {
        raw = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: CONFIGURATION_SECTION });
      } catch (error) {
        this.complain(`Could not read the ${CONFIGURATION_SECTION} settings (${String(error)}); using the defaults.`);
        raw = undefined;
      }
    }
    const { settings, problems } = readSettings(raw);
    for (const problem of problems) this.complain(problem);
    return settings;
  }

  private complain(message: string): void {
    if (this.complaints.has(message)) return;
    this.complaints.add(message);
    this.log(message);
  }
}
