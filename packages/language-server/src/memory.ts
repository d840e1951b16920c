import * as v8 from 'node:v8';
import * as vm from 'node:vm';

const MB = 1024 * 1024;

export interface HeapLimits {
  /** Growth of the live heap that is collected even in a burst of work (opening hundreds of files at once). */
  burstGrowth: number;
  /** Quiet time before the first collection; longer than the pause before an incremental answer is confirmed. */
  idleMs: number;
  /**
   * While the user types, keystrokes come a few hundred milliseconds to a few seconds apart: a collection then
   * lands on the next keystroke's request. The first collection waits for this much quiet after the last edit.
   */
  typingIdleMs: number;
  /**
   * Quiet time before the second: V8 shrinks the young generation back to its initial size only in a collection
   * that finds a low allocation rate since the previous one, so this one follows the first by a few seconds.
   */
  settleMs: number;
  /**
   * Share of the young generation in use above which an answered keystroke is followed by a young collection
   * right away, in the pause before the next one: otherwise the next keystroke's answer pays for a scavenge of
   * this one's garbage (a keystroke on a 3,000-line file allocates a few MB; a scavenge takes 2–20 ms).
   */
  youngFillBetweenKeystrokes: number;
}

const LIMITS: HeapLimits = { burstGrowth: 128 * MB, idleMs: 1000, typingIdleMs: 8000, settleMs: 8000, youngFillBetweenKeystrokes: 0.25 };

type Collect = (options?: { type: 'major' | 'minor' }) => void;

/** `gc()`, made available at run time the way Jest's `--logHeapUsage` does; null where the runtime refuses. */
export function loadCollector(): Collect | null {
  const existing = (globalThis as { gc?: Collect }).gc;
  if (existing) return existing;
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as Collect;
  } catch {
    return null;
  }
}

/**
 * Keeps the resident size near what is alive without making a request wait for a collection. Each full lint
 * leaves its AST behind as garbage; in a burst (opening 500 files) the heap and the young generation grow, and the
 * process keeps the pages. V8's own collections run incrementally while the server works; a forced collection
 * blocks for 50–150 ms (several times that on a busy machine), so it only comes when the server is idle — once
 * after a second, compacting so freed pages go back to the system, and once more after a few quiet seconds, which
 * also shrinks the young generation — or when a burst has grown the live heap by more than `burstGrowth`. While a
 * document is being edited, "idle" means `typingIdleMs` without an edit: a pause between keystrokes is not idle.
 */
export class HeapKeeper {
  private collect: Collect | null | undefined;
  /** Live heap after the last collection. */
  private baseline = v8.getHeapStatistics().used_heap_size;
  private idleTimer: NodeJS.Timeout | undefined;
  private settleTimer: NodeJS.Timeout | undefined;
  private burstCheck: NodeJS.Immediate | undefined;
  private youngCheck: NodeJS.Immediate | undefined;
  private lastEditAt = -Infinity;

  constructor(private readonly limits: HeapLimits = LIMITS) {}

  /** A document changed: the user is typing. */
  edited(): void {
    this.lastEditAt = performance.now();
  }

  /** After a lint. */
  afterWork(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.settleTimer);
    const typing = performance.now() - this.lastEditAt < this.limits.typingIdleMs;
    if (!typing) this.idleTimer = setTimeout(() => this.run(true), this.limits.idleMs).unref();
    this.settleTimer = setTimeout(() => this.run(true), this.limits.settleMs).unref();
    this.burstCheck ??= setImmediate(() => {
      this.burstCheck = undefined;
      if (v8.getHeapStatistics().used_heap_size >= this.baseline + this.limits.burstGrowth) this.run(false);
    });
  }

  /**
   * The answer to a keystroke has been handed to the connection: once it is on its way, empty the young
   * generation if it is filling up, so the next keystroke starts with room for its garbage.
   */
  keystrokeAnswered(): void {
    this.youngCheck ??= setImmediate(() => {
      this.youngCheck = undefined;
      const young = youngGeneration();
      if (!young || young.space_used_size < (young.space_used_size + young.space_available_size) * this.limits.youngFillBetweenKeystrokes) return;
      this.collect ??= loadCollector();
      this.collect?.({ type: 'minor' });
    });
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.settleTimer);
    clearImmediate(this.burstCheck);
    clearImmediate(this.youngCheck);
  }

  private run(compact: boolean): void {
    this.collect ??= loadCollector();
    if (!this.collect) return;
    if (compact) v8.setFlagsFromString('--compact-on-every-full-gc');
    try {
      this.collect();
    } finally {
      if (compact) v8.setFlagsFromString('--no-compact-on-every-full-gc');
    }
    this.baseline = v8.getHeapStatistics().used_heap_size;
  }
}

function youngGeneration(): v8.HeapSpaceInfo | undefined {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
}
