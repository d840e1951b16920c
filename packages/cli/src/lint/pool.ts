import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
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
/** Batches a worker holds at once, so it never waits while the main thread is busy linting. */
const BATCHES_IN_FLIGHT = 2;
/** Files the main thread lints before it looks at the workers' answers again. */
const MAIN_BATCH = 2;

/** Idle and total CPU time of all cores so far (ms). */
function cpuTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    idle += times.idle;
    total += times.user + times.nice + times.sys + times.idle + times.irq;
  }
  return { idle, total };
}

/**
 * Lanes that parse at once: the main thread is one, worker threads are the rest. `auto` adds a thread per core
 * that was idle while the main thread read the files (`since`): on a saturated machine a thread's start-up
 * (loading ESLint and the parsers, warming up the JIT) costs more than the CPU share it wins.
 */
export function laneCount(concurrency: Concurrency, since: { idle: number; total: number }): number {
  if (concurrency === 'off') return 1;
  if (concurrency !== 'auto') return concurrency;
  const cores = os.availableParallelism();
  const now = cpuTimes();
  const elapsed = now.total - since.total;
  const idleCores = elapsed > 0 ? Math.round(((now.idle - since.idle) / elapsed) * cores) : cores;
  return Math.max(1, Math.min(cores, idleCores + 1));
}

interface WorkerLane {
  thread: Worker;
  /** Until a worker has loaded ESLint and the plugin, the main thread takes its share. */
  ready: boolean;
  inFlight: number[][];
}

/**
 * Lints tasks as they are added. The main thread always lints too; worker threads start only once enough
 * files are queued to pay for them, and then take batches while the main thread keeps reading files.
 */
export class LintPool {
  private readonly tasks: LintTask[] = [];
  private readonly outcomes: LintOutcome[] = [];
  private readonly linter = new FileLinter();
  private readonly workers: WorkerLane[] = [];
  private next = 0;
  private done = 0;
  private bytesQueued = 0;
  private workersStarted = false;
  private readonly cpuAtStart = cpuTimes();
  private failure: Error | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly concurrency: Concurrency,
    private readonly onProgress: (done: number) => void,
  ) {}

  add(task: LintTask): void {
    this.tasks.push(task);
    this.bytesQueued += task.text.length;
    if (!this.workersStarted && this.bytesQueued >= this.minBytesForWorkers()) this.startWorkers();
    this.feedWorkers();
  }

  /** Lints what is left (the main thread helping), waits for the workers and returns outcomes in task order. */
  async finish(): Promise<LintOutcome[]> {
    try {
      while (this.done < this.tasks.length) {
        this.throwIfFailed();
        if (this.next < this.tasks.length) {
          this.lintHere(Math.min(this.tasks.length, this.next + MAIN_BATCH));
          await new Promise<void>((resolve) => setImmediate(resolve));
        } else {
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
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
  }

  private lintHere(end: number): void {
    for (; this.next < end; this.next++) this.record(this.next, this.linter.lint(this.tasks[this.next]));
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

  private startWorkers(): void {
    this.workersStarted = true;
    const count = laneCount(this.concurrency, this.cpuAtStart) - 1;
    for (let index = 0; index < count; index++) {
      const lane: WorkerLane = { thread: new Worker(path.join(__dirname, 'worker.js')), ready: false, inFlight: [] };
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
      lane.thread.on('error', (error) => this.fail(error));
      lane.thread.on('exit', (code) => {
        if (lane.inFlight.length > 0) this.fail(new Error(`a lint worker stopped with exit code ${code}`));
      });
      this.workers.push(lane);
    }
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
