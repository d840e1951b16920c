import type { Locator, Page } from 'playwright-core';

/** What a user does and sees in the VS Code workbench, as selectors (see shared/design/vscode-e2e.md). */
export class Workbench {
  constructor(readonly page: Page) {}

  readonly editor = () => this.page.locator('.editor-instance .monaco-editor').first();
  readonly squiggles = () => this.editor().locator('.squiggly-error, .squiggly-warning');
  readonly problemRows = () => this.page.locator('.markers-panel .monaco-list-row');
  readonly hover = () => this.page.locator('.monaco-hover:not(.hidden)').filter({ visible: true });
  readonly actionWidget = () => this.page.locator('.action-widget').filter({ visible: true });

  async waitReady(timeout: number): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout });
  }

  /** Answers the "Do you trust the authors of the files in this folder?" dialog shown when a folder opens. */
  async answerTrustPrompt(trust: boolean, timeout: number): Promise<void> {
    const label = trust ? 'Yes, I trust the authors' : "No, I don't trust the authors";
    const button = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).first();
    await button.waitFor({ timeout });
    await button.click();
    await button.waitFor({ state: 'detached', timeout });
  }

  /** Trusts the open folder from the Workspace Trust editor, as a user leaving Restricted Mode does. */
  async grantTrust(timeout: number): Promise<void> {
    await this.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().click();
    const trust = this.page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first();
    await trust.waitFor({ timeout });
    await trust.click();
    await this.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).waitFor({ state: 'detached', timeout });
    // The Workspace Trust editor opens as a modal editor over the workbench: a click beside it closes it.
    const backdrop = this.page.locator('.monaco-modal-editor-block');
    await backdrop.click({ position: { x: 5, y: 5 } });
    await backdrop.waitFor({ state: 'detached', timeout });
  }

  /** Runs a command from the Command Palette by its full title, e.g. "Auth Status: Restart server". */
  async runCommand(title: string, timeout: number): Promise<void> {
    await this.page.keyboard.press('Control+Shift+P');
    const input = this.page.locator('.quick-input-widget input').first();
    await input.waitFor({ timeout });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout });
  }

  async showEditorTab(name: string): Promise<void> {
    await this.page.locator('.tabs-container .tab', { hasText: name }).first().click();
  }

  /** Double-clicks the file's row in the Explorer (Quick Open was unreliable) and waits for its text. */
  async openFile(name: string, expectedText: string, timeout: number): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().dblclick();
    await this.editor().locator('.view-lines', { hasText: expectedText }).waitFor({ timeout });
  }

  async editorText(): Promise<string> {
    const lines = await this.editor().locator('.view-lines .view-line').allTextContents();
    return lines.join('\n').replace(/\u00a0/g, ' ');
  }

  /** The on-screen box of `text` in the editor's first line that contains `lineText`. */
  async textBox(lineText: string, text: string): Promise<DOMRect> {
    const box = await this.editor().evaluate(
      // No named helpers in here: tsx would wrap them in a `__name` call the page does not know.
      (editor, [line, needle]) => {
        const view = [...editor.querySelectorAll('.view-lines .view-line')].find((element) =>
          (element.textContent ?? '').replace(/\u00a0/g, ' ').includes(line),
        );
        if (!view) return undefined;
        const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = (node.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + needle.length);
          return range.getBoundingClientRect().toJSON() as DOMRect;
        }
        return undefined;
      },
      [lineText, text] as const,
    );
    if (!box) throw new Error(`"${text}" not found on a line containing "${lineText}"`);
    return box;
  }

  /**
   * How many squiggles lie under `text` on the line containing `lineText`, measured again until there are `expected`
   * or the time is up: the editor may still be laying out (a panel opening, a decoration repainting) when the
   * problem is already listed.
   */
  async settledSquigglesUnder(lineText: string, text: string, expected: number, timeoutMs: number, kind?: 'error' | 'warning'): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const count = await this.squigglesUnder(await this.textBox(lineText, text), kind);
      if (count === expected || Date.now() > deadline) return count;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  /** Squiggles (of one kind, if given) whose box covers the text's box on the same line. */
  private async squigglesUnder(box: DOMRect, kind?: 'error' | 'warning'): Promise<number> {
    const squiggles = kind ? this.editor().locator(`.squiggly-${kind}`) : this.squiggles();
    const boxes = await squiggles.evaluateAll((elements) =>
      elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect),
    );
    const middle = box.top + box.height / 2;
    return boxes.filter(
      (squiggle) =>
        squiggle.left <= box.left + 1 &&
        squiggle.right >= box.right - 1 &&
        Math.abs(squiggle.top + squiggle.height / 2 - middle) < box.height,
    ).length;
  }

  /** Rests the mouse on the box until a hover shows every expected text (its parts arrive one by one). */
  async hoverOver(box: DOMRect, expected: string[], timeout: number): Promise<Locator> {
    await this.page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
    const hover = expected.reduce((locator, text) => locator.filter({ hasText: text }), this.hover()).first();
    await hover.waitFor({ timeout });
    return hover;
  }

  async dismiss(): Promise<void> {
    await this.page.mouse.move(5, 5);
    await this.page.keyboard.press('Escape');
  }

  /** Opens the "{ }" language status hover and returns the entry whose label contains `label`. */
  async openLanguageStatus(label: string, timeout: number): Promise<Locator> {
    await this.page.locator('[id="status.languageStatus"]').click();
    const item = this.page.locator('.hover-language-status', { hasText: label }).first();
    await item.waitFor({ timeout });
    return item;
  }

  async clickLanguageStatusLink(item: Locator, title: string): Promise<void> {
    await item.getByText(title, { exact: true }).click();
  }

  readonly outputView = () => this.page.locator('[id="workbench.panel.output"] .view-lines');

  async showProblems(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor();
  }

  /**
   * Clicks into the text and presses Ctrl+. until the quick-fix menu lists `title` (the first key press is
   * sometimes lost while the TypeScript server warms up).
   */
  async openQuickFix(box: DOMRect, title: string, attempts: number): Promise<Locator> {
    for (let attempt = 1; ; attempt++) {
      await this.page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
      await this.page.keyboard.press('Control+.');
      const item = this.actionWidget().locator('.monaco-list-row', { hasText: title }).first();
      try {
        await item.waitFor({ timeout: 5_000 });
        return item;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }
}
