import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';

/** The output channels the test reads: ours, and the ESLint stand-in's (each window writes its own file). */
export type OutputName = 'Auth Status' | 'ESLint stand-in';

/** The text of each log an output channel wrote, one per window, oldest window first, keyed by file. */
export async function outputLogs(userData: string, name: OutputName): Promise<Map<string, string>> {
  const logs = path.join(userData, 'logs');
  const files = (await readdir(logs, { recursive: true }).catch(() => [])).filter((file) => file.endsWith(`${name}.log`)).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(logs, file), 'utf8')] as const)));
}

/** Reads output written after it was created, so one window's lines are never taken for another's. */
export class OutputWatcher {
  private constructor(
    private readonly userData: string,
    private readonly seen: Map<OutputName, Map<string, number>>,
  ) {}

  static async since(userData: string): Promise<OutputWatcher> {
    const seen = new Map<OutputName, Map<string, number>>();
    for (const name of ['Auth Status', 'ESLint stand-in'] as const) {
      const logs = await outputLogs(userData, name);
      seen.set(name, new Map([...logs].map(([file, text]) => [file, text.length])));
    }
    return new OutputWatcher(userData, seen);
  }

  async lines(name: OutputName): Promise<string[]> {
    const offsets = this.seen.get(name)!;
    const logs = await outputLogs(this.userData, name);
    return [...logs].flatMap(([file, text]) => text.slice(offsets.get(file) ?? 0).split('\n'));
  }

  /** Waits for a new line of that output that matches. */
  async waitFor(name: OutputName, match: RegExp, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = (await this.lines(name)).find((text) => match.test(text));
      if (line) return line.replace(/^.*?\[\w+\] /, '');
      if (Date.now() > deadline) throw new Error(`the ${name} output never said ${match}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
