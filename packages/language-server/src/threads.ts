/**
 * Work that must not run on the thread that answers the editor: executing a trusted workspace's
 * `eslint.config.*` (it may loop or never settle) and linting very large documents (seconds of CPU). A worker
 * runs this very file (`__filename`, which is `dist/server.js` when the server is bundled), so no extra entry
 * point has to be shipped; the role it plays comes in `workerData`.
 */
import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';

export type WorkerRole = 'config' | 'lint';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/** The request failed because the worker ran out of time, died, or was stopped. */
export class WorkerGone extends Error {
  constructor(
    message: string,
    readonly why: 'timeout' | 'stopped' | 'died',
  ) {
    super(message);
  }
}

/**
 * One worker thread, started on the first request and stopped after `idleMs` without work (its heap is memory
 * the server does not hold while idle). A request that takes longer than its timeout stops the worker — the only
 * way to end a synchronous loop — and fails every request it held; the next request starts a fresh worker.
 */
export class WorkerClient {
  private worker: Worker | undefined;
  private sequence = 0;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | undefined;
  private instance = 0;

  constructor(
    private readonly role: WorkerRole,
    private readonly options: { idleMs: number; resourceLimits?: ResourceLimits },
  ) {}

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** `message` may depend on which worker gets it: a number that changes whenever a fresh worker starts. */
  request<T>(message: object | ((instance: number) => object), timeoutMs?: number): Promise<T> {
    const worker = this.started();
    const body = typeof message === 'function' ? message(this.instance) : message;
    clearTimeout(this.idleTimer);
    const id = ++this.sequence;
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { resolve: resolve as (value: unknown) => void, reject };
      if (timeoutMs !== undefined) {
        entry.timer = setTimeout(() => this.stop(new WorkerGone(`no answer within ${timeoutMs} ms`, 'timeout')), timeoutMs);
      }
      this.pending.set(id, entry);
      worker.postMessage({ id, ...body });
    });
  }

  /** Stops the worker; every request it held fails with `reason`. */
  stop(reason = new WorkerGone('stopped', 'stopped')): void {
    const worker = this.worker;
    this.worker = undefined;
    clearTimeout(this.idleTimer);
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(reason);
    }
    this.pending.clear();
    if (worker) void worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    this.instance++;
    const worker = new Worker(__filename, { workerData: { authStatusRole: this.role }, resourceLimits: this.options.resourceLimits, stdout: true, stderr: true });
    worker.unref();
    // Workspace code may print: never onto the server's stdout, which carries the protocol.
    worker.stdout.resume();
    worker.stderr.pipe(process.stderr);
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const entry = this.pending.get(id);
      if (!entry) return;
      this.pending.delete(id);
      clearTimeout(entry.timer);
      if (error !== undefined) entry.reject(new Error(error));
      else entry.resolve(result);
      if (this.pending.size === 0 && this.worker === worker) this.idleTimer = setTimeout(() => this.stop(), this.options.idleMs).unref();
    });
    const gone = (why: string) => {
      if (this.worker === worker) this.stop(new WorkerGone(why, 'died'));
    };
    worker.on('error', (error) => gone(`the worker failed: ${error.message}`));
    worker.on('exit', (code) => gone(`the worker exited with code ${code}`));
    this.worker = worker;
    return worker;
  }
}

/** Worker side: answers each `{ id, ...message }` with `{ id, result }` or `{ id, error }`. */
export function serve(handle: (message: Record<string, unknown>) => unknown | Promise<unknown>): void {
  parentPort!.on('message', (message: Record<string, unknown> & { id: number }) => {
    void (async () => {
      try {
        parentPort!.postMessage({ id: message.id, result: await handle(message) });
      } catch (error) {
        parentPort!.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
}

if (!isMainThread && (workerData as { authStatusRole?: WorkerRole } | null)?.authStatusRole) {
  const role = (workerData as { authStatusRole: WorkerRole }).authStatusRole;
  // Static requires, so a bundler includes both.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (role === 'config') (require('./workspace/config-worker') as { start: () => void }).start();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  else (require('./lint/lint-worker') as { start: () => void }).start();
}
