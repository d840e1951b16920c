import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { SUMMARY_FOLDER_VARIABLE } from 'eslint-plugin-auth-status/tooling';
import { FileLinter, type LintOutcome, type LintTask } from './lint-file';

export type Concurrency = number | 'auto' | 'off';

/**
 * Source to parse before threads start. A thread spends about a second loading ESLint and the parsers and
 * warming up, and V8's own collector and compiler threads already keep a second core partly busy: below this
 * (a pre-commit hook, a service of a few hundred files) one thread is faster (bench:cli, 0.9 MB: 4.1 s in one
 * thread, 4.5 s with a worker on 2 cores).
 */
const MIN_BYTES_FOR_WORKERS = 2 * 1024 * 1024;
/** Files per message to a worker: enough to amortise messaging, few enough that no lane waits long for the last one. */
const WORKER_BATCH = 4;
/** Batches a worker holds at once, so it never waits for the main thread, which is busy reading files. */
const BATCHES_IN_FLIGHT = 2;
/** Files the main thread lints before it looks at the workers' answers again. */
const MAIN_BATCH = 2;
/**
 * A worker's heap. V8 lets an unlimited heap grow with the garbage that parsing leaves (a thread linting 600 files
 * peaked near 500 MiB); the live data of one file is far smaller. A file that needs more is linted again on the
 * main thread, which has no such limit. The young generation, where a parse's garbage lives and dies, defaults to
 * about 50 MiB per thread; 12 MiB took some 65 MiB off a two-worker run's peak for the same CPU (bench:cli; 6 MiB
 * and 8 MiB cost more collecting).
 */
export const WORKER_RESOURCE_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 12 };

/** CPU time so far (ms): idle and total of all cores, and what this process (all its threads) used. */
export interface CpuSnapshot {
  idle: number;
  total: number;
  own: number;
}

export function cpuSnapshot(): CpuSnapshot {
  let idle = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  const { user, system } = process.cpuUsage();
  return { idle, total, own: (user + system) / 1000 };
}

/**
 * Cores that other processes left free between two snapshots. This process's own threads count as free: while the
 * main thread reads the files, V8's compiler and collector threads keep about half of a second core busy, and
 * counting that as load started one lane instead of two on an idle two-core machine in half the runs.
 */
export function freeCores(since: CpuSnapshot, now: CpuSnapshot, cores: number): number {
  const elapsed = now.total - since.total;
  if (elapsed <= 0) return cores;
  const busy = elapsed - (now.idle - since.idle);
  const others = Math.min(elapsed, Math.max(0, busy - (now.own - since.own)));
  return cores * (1 - others / elapsed);
}

/**
 * Threads that lint at once. `auto` takes one per core that other processes left free while the main thread read
 * the files (`since`): on a saturated machine a second thread's start-up (loading ESLint and the parsers, warming up
 * the JIT, summarizing the same imported modules again) and heap cost more than the CPU share it wins.
 */
export function laneCount(concurrency: Concurrency, since: CpuSnapshot, now = cpuSnapshot(), cores = os.availableParallelism()): number {
  if (concurrency === 'off') return 1;
  if (concurrency !== 'auto') return concurrency;
  return Math.max(1, Math.min(cores, Math.round(freeCores(since, now, cores))));
}

interface WorkerLane {
  thread: Worker;
  /** Until a worker has loaded ESLint and the plugin, it gets nothing to lint. */
  ready: boolean;
  inFlight: number[][];
}

/**
 * Lints tasks as they are added. Small runs are linted on the main thread alone. Once enough files are queued to
 * pay for them, worker threads (one per lane) take batches while the main thread keeps reading files; the main
 * thread then lints only what a worker could not (a file that outgrew a worker's heap), so it never loads the
 * parsers nor grows a heap of its own.
 */
export class LintPool {
  private readonly tasks: LintTask[] = [];
  private readonly outcomes: LintOutcome[] = [];
  private linter: FileLinter | undefined;
  private readonly workers: WorkerLane[] = [];
  /** Tasks a worker took and lost (it ran out of heap): the main thread lints them. */
  private readonly lintHereNext: number[] = [];
  private next = 0;
  private done = 0;
  private bytesQueued = 0;
  private workersStarted = false;
  private readonly cpuAtStart = cpuSnapshot();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  /** Workers started in place of one that ran out of heap, at most one per lane. */
  private replacements = 0;
  private workersWanted = 0;
  private summaryFolder: string | undefined;

  constructor(
    private readonly concurrency: Concurrency,
    private readonly onProgress: (done: number) => void,
    private readonly resourceLimits: ResourceLimits = WORKER_RESOURCE_LIMITS,
  ) {}

  add(task: LintTask): void {
    this.tasks.push(task);
    this.bytesQueued += task.text.length;
    if (!this.workersStarted && this.bytesQueued >= this.minBytesForWorkers()) this.startWorkers();
    this.feedWorkers();
  }

  /** Lints what is left, waits for the workers and returns outcomes in task order. */
  async finish(): Promise<LintOutcome[]> {
    try {
      while (this.done < this.tasks.length) {
        this.throwIfFailed();
        const lost = this.lintHereNext.shift();
        if (lost !== undefined) {
          this.record(lost, this.mainLinter().lint(this.tasks[lost]));
        } else if (this.workers.length === 0 && this.next < this.tasks.length) {
          const end = Math.min(this.tasks.length, this.next + MAIN_BATCH);
          for (; this.next < end; this.next++) this.record(this.next, this.mainLinter().lint(this.tasks[this.next]));
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
          continue;
        }
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      this.throwIfFailed();
      return this.outcomes;
    } finally {
      this.close();
    }
  }

  /** Stops the worker threads; also when linting is abandoned half-way (a configuration error). */
  close(): void {
    for (const { thread } of this.workers.splice(0)) void thread.terminate();
    if (this.summaryFolder) rmSync(this.summaryFolder, { recursive: true, force: true });
    this.summaryFolder = undefined;
  }

  /**
   * Where this run's threads share the summaries of imported modules: each module is summarized once, by the first
   * thread that needs it. Removed when the run ends.
   */
  private sharedSummaryFolder(): string | undefined {
    // Internal: `bench:cli` measures what sharing saves.
    if (process.env.AUTH_STATUS_SHARED_SUMMARIES === 'off') return undefined;
    if (this.summaryFolder === undefined) {
      try {
        this.summaryFolder = mkdtempSync(path.join(os.tmpdir(), 'auth-status-summaries-'));
      } catch {
        return undefined;
      }
    }
    return this.summaryFolder;
  }

  private workerEnvironment(): NodeJS.ProcessEnv {
    const folder = this.sharedSummaryFolder();
    return folder ? { ...process.env, [SUMMARY_FOLDER_VARIABLE]: folder } : { ...process.env };
  }

  private mainLinter(): FileLinter {
    this.linter ??= new FileLinter();
    return this.linter;
  }

  private record(index: number, outcome: LintOutcome): void {
    this.outcomes[index] = outcome;
    this.done++;
    this.onProgress(this.done);
  }

  /** An explicit --concurrency starts threads for any amount of work (the tests use that). */
  private minBytesForWorkers(): number {
    return this.concurrency === 'auto' ? MIN_BYTES_FOR_WORKERS : 0;
  }

  /**
   * Once a run is large, even one lane is a worker: the main thread goes on reading files meanwhile, and a worker's
   * heap can be bounded where the main thread's cannot. `--concurrency 1` (or `off`) keeps everything on the main thread.
   */
  private startWorkers(): void {
    this.workersStarted = true;
    const count = laneCount(this.concurrency, this.cpuAtStart);
    if (this.concurrency !== 'auto' && count < 2) return;
    this.workersWanted = count;
    for (let index = 0; index < count; index++) this.startWorker();
  }

  private startWorker(): void {
    const lane: WorkerLane = {
      thread: new Worker(path.join(__dirname, 'worker.js'), { resourceLimits: this.resourceLimits, env: this.workerEnvironment() }),
      ready: false,
      inFlight: [],
    };
    lane.thread.on('message', (batch: LintOutcome[] | 'ready') => {
      if (batch === 'ready') {
        lane.ready = true;
        this.feedWorkers();
        return;
      }
      const indexes = lane.inFlight.shift()!;
      batch.forEach((outcome, offset) => this.record(indexes[offset], outcome));
      this.feedWorkers();
      this.wake?.();
    });
    lane.thread.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') this.loseLane(lane);
      else this.fail(error);
    });
    lane.thread.on('exit', (code) => {
      if (lane.inFlight.length > 0) this.fail(new Error(`a lint worker stopped with exit code ${code}`));
    });
    this.workers.push(lane);
  }

  /**
   * A worker that ran out of heap: its files go to the main thread. One that had been working (a large file) is
   * replaced, one per lane at most; one that could not even load leaves its share to the main thread.
   */
  private loseLane(lane: WorkerLane): void {
    this.lintHereNext.push(...lane.inFlight.flat());
    lane.inFlight = [];
    this.workers.splice(this.workers.indexOf(lane), 1);
    if (lane.ready && this.replacements < this.workersWanted) {
      this.replacements++;
      this.startWorker();
    }
    this.wake?.();
  }

  private feedWorkers(): void {
    for (const lane of this.workers) {
      while (lane.ready && lane.inFlight.length < BATCHES_IN_FLIGHT && this.next < this.tasks.length) {
        const start = this.next;
        this.next = Math.min(this.tasks.length, start + WORKER_BATCH);
        lane.inFlight.push(Array.from({ length: this.next - start }, (_, offset) => start + offset));
        lane.thread.postMessage(this.tasks.slice(start, this.next));
      }
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
