import type { TestContext } from 'node:test';

/** An input slower than this counts as a hang in the report (not asserted: timings are noise on a shared machine). */
export const HANG_MS = 5_000;

/** Counts of one fuzz target: inputs tried, crashes (an error escaped), hangs (an input over HANG_MS). */
export class Tally {
  inputs = 0;
  crashes = 0;
  hangs = 0;
  slowest = 0;

  constructor(readonly name: string) {}

  /** Runs one input, counting it; an error escaping `fn` is counted and rethrown (it fails the test). */
  async run(input: string, fn: () => Promise<void>): Promise<void> {
    this.inputs++;
    const start = performance.now();
    try {
      await fn();
    } catch (err) {
      this.crashes++;
      throw new Error(`${this.name}: ${JSON.stringify(input.slice(0, 80))}: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    } finally {
      const ms = performance.now() - start;
      this.slowest = Math.max(this.slowest, ms);
      if (ms > HANG_MS) this.hangs++;
    }
  }

  /** The counts as a diagnostic line of the test: "fuzz extract: 900 inputs, 0 crashes, 0 hangs (slowest 41 ms)". */
  report(t: TestContext): void {
    t.diagnostic(`fuzz ${this.name}: ${this.inputs} inputs, ${this.crashes} crashes, ${this.hangs} hangs (slowest ${Math.round(this.slowest)} ms)`);
  }
}
