import { PerformanceObserver, constants as perfConstants, type PerformanceEntry } from 'node:perf_hooks';

/** What the server spent on one edit, from its `didChange` to the answer that carried its diagnostics. */
export interface EditTimingEntry {
  uri: string;
  version: number;
  /** Milliseconds on the server's clock between handling the `didChange` and handing the answer to the connection. */
  serverMs: number;
  /** Garbage-collection pauses of this thread inside that time, in milliseconds, and how many were full (mark-compact) ones. */
  gcMs: number;
  majorGcs: number;
  /** A full lint ran in the lint worker at some point in that time (the confirming lint, competing for a core). */
  workerBusy: boolean;
}

/** Name of the entry in `$/logTrace`: its `verbose` field holds the entry as JSON. */
export const EDIT_TIMING_TRACE = 'auth-status edit timing';

/** How long the garbage-collection entries stay: longer than any edit's answer takes. */
const GC_HISTORY_MS = 30_000;

/** V8 reports a collection to observers shortly after it ends: the entry waits this long for them. */
const GC_DELIVERY_MS = 50;

interface GcPause {
  start: number;
  end: number;
  major: boolean;
}

/**
 * Tells scheduler delay and our own work apart: per document, when the server handled the last edit, and, once its
 * answer is given, how long that took on the server's clock and how much of it was garbage collection or overlapped
 * a full lint in the worker. Entries go to `report` only while a client listens (`$/setTrace`), shortly after the
 * answer, once V8 has delivered the collections that happened inside it.
 */
export class EditTiming {
  private readonly pending = new Map<string, { version: number; at: number; workerBusy: boolean }>();
  private readonly pauses: GcPause[] = [];
  private observer: PerformanceObserver | undefined;

  constructor(
    private readonly report: (entry: EditTimingEntry) => void,
    private readonly workerBusy: () => boolean,
  ) {}

  /** Starts recording collection pauses (from the first edit on: an idle server observes nothing). */
  private observe(): void {
    if (this.observer) return;
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) this.pauses.push(pauseOf(entry));
      const horizon = performance.now() - GC_HISTORY_MS;
      while (this.pauses.length > 0 && this.pauses[0]!.end < horizon) this.pauses.shift();
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** A `didChange` of this document was handled now. */
  changed(uri: string, version: number): void {
    this.observe();
    this.pending.set(uri, { version, at: performance.now(), workerBusy: this.workerBusy() });
  }

  /** The diagnostics of this version were handed to the connection now (pulled or pushed): true when they answer an edit. */
  answered(uri: string, version: number): boolean {
    const started = this.pending.get(uri);
    if (!started || started.version !== version) return false;
    this.pending.delete(uri);
    const end = performance.now();
    const workerBusy = started.workerBusy || this.workerBusy();
    setTimeout(() => {
      const inside = this.pauses.filter((pause) => pause.end > started.at && pause.start < end);
      const gcMs = inside.reduce((sum, pause) => sum + Math.min(pause.end, end) - Math.max(pause.start, started.at), 0);
      this.report({ uri, version, serverMs: end - started.at, gcMs, majorGcs: inside.filter((pause) => pause.major).length, workerBusy });
    }, GC_DELIVERY_MS).unref();
    return true;
  }

  forget(uri: string): void {
    this.pending.delete(uri);
  }

  dispose(): void {
    this.observer?.disconnect();
    this.pending.clear();
  }
}

function pauseOf(entry: PerformanceEntry): GcPause {
  const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
  return { start: entry.startTime, end: entry.startTime + entry.duration, major: kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR };
}
