/** Files tried before the share of kept native results is trusted. */
const TRIAL_FILES = 16;
/**
 * A native lint that is not kept (a parse error in every dialect, a rule throwing) costs about two fifths of a full
 * lint on top of it, and a kept one saves a whole one, so the native pass pays while at least this share of the
 * files it tries keeps its result.
 */
const MIN_KEPT_SHARE = 0.4;
/** While off, one file in this many is still tried, so a run whose later files parse natively turns it on again. */
const PROBE_EVERY = 10;

/**
 * Whether the native pass is worth trying on the next file. Nearly every file of real code parses natively; a
 * tree of files oxc refuses (JavaScript with decorators, JSX with HTML entities) would only be parsed twice.
 */
export class NativePassBudget {
  private tried = 0;
  private kept = 0;
  private skipped = 0;

  worthTrying(): boolean {
    if (this.tried < TRIAL_FILES || this.kept >= this.tried * MIN_KEPT_SHARE) return true;
    return ++this.skipped % PROBE_EVERY === 0;
  }

  record(kept: boolean): void {
    this.tried++;
    if (kept) this.kept++;
  }
}
