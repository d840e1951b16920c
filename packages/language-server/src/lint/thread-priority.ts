import * as fs from 'node:fs';
import * as os from 'node:os';

/**
 * Nice value of the lint worker thread. On a busy machine every runnable thread competes for the cores; the
 * worker's full lints (hundreds of ms) must not slow the thread that answers keystrokes, so it runs behind it.
 */
export const LINT_WORKER_NICE = 10;

/**
 * Lowers the calling thread's scheduling priority to at least `nice`. Linux schedules threads as tasks with nice
 * values of their own (`/proc/thread-self` names this one); elsewhere this does nothing and answers false.
 */
export function lowerThisThreadsPriority(nice: number): boolean {
  try {
    const taskId = Number(fs.readlinkSync('/proc/thread-self').split('/').at(-1));
    if (!Number.isInteger(taskId) || taskId <= 0) return false;
    os.setPriority(taskId, Math.max(os.getPriority(taskId), nice));
    return true;
  } catch {
    return false;
  }
}
