import * as path from 'node:path';
import type { Page } from 'playwright-core';

export interface Result {
  name: string;
  passed: boolean;
  detail: string;
}

export class StepFailed extends Error {}

/** The steps of one run: each a check with a screenshot of the window afterwards, stopping at the first failure. */
export class Scenario {
  readonly results: Result[] = [];
  readonly timings: Record<string, number> = {};
  private screenshots = 0;
  page: Page | undefined;

  constructor(private readonly artifacts: string) {}

  async step(name: string, action: () => Promise<string>): Promise<void> {
    const shot = this.page ? path.join(this.artifacts, `${String(++this.screenshots).padStart(2, '0')}-${name}`) : undefined;
    try {
      const detail = await action();
      if (shot) await this.page?.screenshot({ path: `${shot}.png` });
      this.results.push({ name, passed: true, detail });
      console.log(`  ✔ ${name}: ${detail}`);
    } catch (error) {
      if (shot) await this.page?.screenshot({ path: `${shot}-FAILED.png` }).catch(() => undefined);
      const detail = error instanceof Error ? error.message : String(error);
      this.results.push({ name, passed: false, detail });
      console.log(`  ✘ ${name}: ${detail}`);
      throw new StepFailed();
    }
  }

  async time<T>(name: string, action: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await action();
    } finally {
      this.timings[name] = Math.round(performance.now() - started);
    }
  }
}
