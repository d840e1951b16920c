import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkResponse, TaskModule } from './worker-pool';

const { taskModule } = workerData as { taskModule: string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const task = require(taskModule) as TaskModule<unknown, unknown>;

parentPort!.on('message', ({ start, inputs }: { start: number; inputs: unknown[] }) => {
  const response: ChunkResponse<unknown> = { start, outputs: inputs.map((input) => task.processItem(input)) };
  parentPort!.postMessage(response);
});
