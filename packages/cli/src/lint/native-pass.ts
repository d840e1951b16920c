/** Files tried before the share of clean ones is trusted. */
const TRIAL_FILES = 16;
/**
 * The native pass costs about two fifths of a full lint and saves a whole one on each clean file, so it pays while
 * at least this share of the files it tries comes out clean.
 */
const MIN_CLEAN_SHARE = 0.4;
/** While off, one file in this many is still tried, so a run whose later files are cleaner turns it on again. */
const PROBE_EVERY = 10;

/**
 * Whether the native pass is worth trying on the next file. On application code most linted files are clean; on
 * code written against these rules (a corpus, a test suite of handlers) most have findings, and the native pass
 * would only parse every file twice.
 */
export class NativePassBudget {
  private tried = 0;
  private clean = 0;
  private skipped = 0;

  worthTrying(): boolean {
    if (this.tried < TRIAL_FILES || this.clean >= this.tried * MIN_CLEAN_SHARE) return true;
    return ++this.skipped % PROBE_EVERY === 0;
  }

  record(clean: boolean): void {
    this.tried++;
    if (clean) this.clean++;
  }
}
