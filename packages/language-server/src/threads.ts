/**
 * Work that must not run on the thread that answers the editor: executing a trusted workspace's
 * `eslint.config.*` (it may loop or never settle) and linting very large documents (seconds of CPU). A helper
 * runs this very file (`__filename`, which is `dist/server.js` when the server is bundled), so no extra entry
 * point has to be shipped; the role it plays comes in `workerData` (a thread) or the environment (a process).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';

export type WorkerRole = 'config' | 'lint';

/** Names the role of a helper process (see `isolation`). */
const ROLE_VARIABLE = 'AUTH_STATUS_HELPER_ROLE';

/** This process or thread is a helper of a server, not a server: it must not start a session. */
export const runsAsHelper = !isMainThread || (process.env[ROLE_VARIABLE] !== undefined && process.send !== undefined);

/** Either kind of helper, as the client drives it. */
interface Helper {
  post(message: object): void;
  end(): void;
}

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
 * One helper, started on the first request and stopped after `idleMs` without work (its heap is memory the server
 * does not hold while idle). A thread by default; with `isolation: 'process'` a child process, whose memory all
 * goes back to the system when it ends (a thread leaves the code it loaded and its allocator's pages in the
 * server). A request that takes longer than its timeout stops the helper — the only way to end a synchronous
 * loop — and fails every request it held; the next request starts a fresh one.
 */
export class WorkerClient {
  private helper: Helper | undefined;
  private sequence = 0;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | undefined;
  private instance = 0;
  private readonly deliveries: (() => void)[] = [];
  private delivering: NodeJS.Immediate | undefined;

  constructor(
    private readonly role: WorkerRole,
    private readonly options: { idleMs: number; resourceLimits?: ResourceLimits; isolation?: 'thread' | 'process' },
  ) {}

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** `message` may depend on which helper gets it: a number that changes whenever a fresh one starts. */
  request<T>(message: object | ((instance: number) => object), timeoutMs?: number): Promise<T> {
    const helper = this.started();
    const body = typeof message === 'function' ? message(this.instance) : message;
    clearTimeout(this.idleTimer);
    const id = ++this.sequence;
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { resolve: resolve as (value: unknown) => void, reject };
      if (timeoutMs !== undefined) {
        entry.timer = setTimeout(() => this.stop(new WorkerGone(`no answer within ${timeoutMs} ms`, 'timeout')), timeoutMs);
      }
      this.pending.set(id, entry);
      helper.post({ id, ...body });
    });
  }

  /** Stops the helper; every request it held fails with `reason`. */
  stop(reason = new WorkerGone('stopped', 'stopped')): void {
    const helper = this.helper;
    this.helper = undefined;
    clearTimeout(this.idleTimer);
    for (const entry of this.pending.values()) {
      clearTimeout(entry.timer);
      entry.reject(reason);
    }
    this.pending.clear();
    helper?.end();
  }

  private started(): Helper {
    if (this.helper) return this.helper;
    this.instance++;
    const helper = this.options.isolation === 'process' ? this.startProcess() : this.startThread();
    this.helper = helper;
    return helper;
  }

  private startThread(): Helper {
    const worker = new Worker(__filename, { workerData: { authStatusRole: this.role }, resourceLimits: this.options.resourceLimits, stdout: true, stderr: true });
    const helper: Helper = { post: (message) => worker.postMessage(message), end: () => void worker.terminate() };
    worker.unref();
    // Workspace code may print: never onto the server's stdout, which carries the protocol.
    worker.stdout.resume();
    worker.stderr.pipe(process.stderr);
    worker.on('message', (message: Answer) => this.answered(helper, message));
    worker.on('error', (error) => this.gone(helper, `the worker failed: ${error.message}`));
    worker.on('exit', (code) => this.gone(helper, `the worker exited with code ${code}`));
    return helper;
  }

  private startProcess(): Helper {
    const child: ChildProcess = fork(__filename, [], {
      env: { ...process.env, [ROLE_VARIABLE]: this.role },
      // The server's own Node options (a debugger port, say) are not the helper's.
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // Structured clones, as between threads.
      serialization: 'advanced',
    });
    const helper: Helper = { post: (message) => child.send(message), end: () => void child.kill('SIGKILL') };
    child.unref();
    child.channel?.unref();
    child.stdout!.resume();
    child.stderr!.pipe(process.stderr);
    child.on('message', (message: Answer) => this.answered(helper, message));
    child.on('error', (error) => this.gone(helper, `the helper process failed: ${error.message}`));
    child.on('exit', (code, signal) => this.gone(helper, `the helper process exited with ${signal ?? `code ${code}`}`));
    return helper;
  }

  private answered(helper: Helper, { id, result, error }: Answer): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    clearTimeout(entry.timer);
    this.deliveries.push(() => (error !== undefined ? entry.reject(new Error(error)) : entry.resolve(result)));
    this.deliverNext();
    if (this.pending.size === 0 && this.helper === helper) this.idleTimer = setTimeout(() => this.stop(), this.options.idleMs).unref();
  }

  /**
   * Hands out answers one per turn of the event loop. A helper process's answers arrive in chunks: a burst of
   * files waiting for the config would otherwise all be linted in one turn, where neither V8's collection tasks
   * nor the heap keeper's checks can run between the lints, and the heap grows to the whole burst's garbage.
   */
  private deliverNext(): void {
    if (this.delivering) return;
    const next = this.deliveries.shift();
    if (!next) return;
    this.delivering = setImmediate(() => {
      this.delivering = undefined;
      next();
      this.deliverNext();
    });
  }

  private gone(helper: Helper, why: string): void {
    if (this.helper === helper) this.stop(new WorkerGone(why, 'died'));
  }
}

interface Answer {
  id: number;
  result?: unknown;
  error?: string;
}

/** Helper side: answers each `{ id, ...message }` with `{ id, result }` or `{ id, error }`. */
export function serve(handle: (message: Record<string, unknown>) => unknown | Promise<unknown>): void {
  const reply = (answer: Answer) => (parentPort ? parentPort.postMessage(answer) : process.send!(answer));
  const receive = (message: Record<string, unknown> & { id: number }) => {
    void (async () => {
      try {
        reply({ id: message.id, result: await handle(message) });
      } catch (error) {
        reply({ id: message.id, error: error instanceof Error ? error.message : String(error) });
      }
    })();
  };
  if (parentPort) parentPort.on('message', receive);
  else process.on('message', receive);
}

const role = isMainThread ? (runsAsHelper ? (process.env[ROLE_VARIABLE] as WorkerRole) : undefined) : (workerData as { authStatusRole?: WorkerRole } | null)?.authStatusRole;
if (role) {
  // A helper process ends with its server: when the channel closes, nothing is left to answer.
  if (isMainThread) process.on('disconnect', () => process.exit(0));
  // Static requires, so a bundler includes both.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  if (role === 'config') (require('./workspace/config-worker') as { start: () => void }).start();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  else (require('./lint/lint-worker') as { start: () => void }).start();
}
