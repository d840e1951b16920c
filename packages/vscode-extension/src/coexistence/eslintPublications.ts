/** The parts of a diagnostic that say who reported it; `vscode.Diagnostic` has them, and so has an LSP one. */
export interface DiagnosticOrigin {
  readonly source?: string;
  readonly code?: string | number | { readonly value: string | number };
}

const ESLINT_SOURCE = 'eslint';
const OUR_RULE_PREFIX = 'auth-status/';

/** True for a problem that ESLint itself reports from one of our rules (`eslint(auth-status/…)` in Problems). */
export function isEslintReportOfOurRule({ source, code }: DiagnosticOrigin): boolean {
  const rule = typeof code === 'object' ? code.value : code;
  return source === ESLINT_SOURCE && typeof rule === 'string' && rule.startsWith(OUR_RULE_PREFIX);
}

/**
 * Which documents ESLint currently reports our rules' problems for, as last observed. Fed with each changed
 * document's full diagnostics list; tells whether that document's answer flipped.
 */
export class EslintPublications {
  private readonly documents = new Set<string>();

  /** Records what a document's diagnostics now say; true when ESLint started or stopped reporting our rules there. */
  observe(document: string, diagnostics: readonly DiagnosticOrigin[]): boolean {
    const publishes = diagnostics.some(isEslintReportOfOurRule);
    if (publishes === this.documents.has(document)) return false;
    if (publishes) this.documents.add(document);
    else this.documents.delete(document);
    return true;
  }

  publishesOurRules(document: string): boolean {
    return this.documents.has(document);
  }
}
