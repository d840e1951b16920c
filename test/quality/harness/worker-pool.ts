import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** A module that processes one input at a time; it may keep state (linters, warm caches) between inputs. */
export interface TaskModule<Input, Output> {
  processItem(input: Input): Output;
}

interface ChunkRequest<Input> {
  start: number;
  inputs: Input[];
}
export interface ChunkResponse<Output> {
  start: number;
  outputs: Output[];
}

const BOOT = path.join(__dirname, 'worker-boot.cjs');

/** Threads worth starting on this machine: one per core, at most `limit`. */
export function defaultWorkerCount(limit = 4): number {
  return Math.max(1, Math.min(limit, os.availableParallelism()));
}

/**
 * Maps inputs through a task module on worker threads (size ≥ 1) or on this thread (size 0). Inputs go out in
 * chunks to whichever worker is idle, so one huge file does not hold up a whole share of the work; outputs come
 * back in input order. Workers stay up between `map` calls, keeping their warm JIT and caches.
 */
export class WorkerPool<Input, Output> {
  private readonly workers: Worker[];

  constructor(
    private readonly taskModule: string,
    size: number,
  ) {
    this.workers = Array.from({ length: size }, () => new Worker(BOOT, { workerData: { taskModule } }));
  }

  async map(inputs: readonly Input[], chunkSize = 25, onProgress?: (done: number) => void): Promise<Output[]> {
    const outputs = new Array<Output>(inputs.length);
    if (this.workers.length === 0) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const task = require(this.taskModule) as TaskModule<Input, Output>;
      inputs.forEach((input, index) => {
        outputs[index] = task.processItem(input);
        if ((index + 1) % chunkSize === 0) onProgress?.(index + 1);
      });
      return outputs;
    }
    let next = 0;
    let done = 0;
    await Promise.all(
      this.workers.map(async (worker) => {
        while (next < inputs.length) {
          const start = next;
          next = Math.min(inputs.length, next + chunkSize);
          const response = await request<Input, Output>(worker, { start, inputs: inputs.slice(start, next) });
          response.outputs.forEach((output, offset) => (outputs[response.start + offset] = output));
          done += response.outputs.length;
          onProgress?.(done);
        }
      }),
    );
    return outputs;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function request<Input, Output>(worker: Worker, chunk: ChunkRequest<Input>): Promise<ChunkResponse<Output>> {
  return new Promise((resolve, reject) => {
    const onMessage = (response: ChunkResponse<Output>) => {
      worker.off('error', onError);
      resolve(response);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage);
      reject(error);
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(chunk);
  });
}
