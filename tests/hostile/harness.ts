import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One `mlsd` command line, or the app's estimate of a document at a traffic multiplier. */
export type HostileJob = { kind: 'cli'; argv: string[] } | { kind: 'estimate'; doc: unknown; trafficMultiplier: number };

/** What the job showed: exit code (-1: it threw), output, and its time in ms. */
export interface HostileResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Longest one job may take before the test calls it a hang, ms. Generous: a
 * loaded machine is slow, a hang is for ever.
 */
export const HANG_MS = 30_000;
/** V8 heap the worker may use, MB: a job that needs more ends the worker, and the test fails. */
export const HEAP_LIMIT_MB = 1024;

/**
 * Runs jobs in a worker thread with a deadline each and a heap limit, so a
 * hang or a memory blow-up fails the test (saying which job) instead of
 * freezing or killing the test run.
 */
export class HostileRunner {
  private worker: Worker;
  private ready: Promise<void>;
  readonly dir = mkdtempSync(join(tmpdir(), 'mlsd-hostile-'));
  private files = 0;

  constructor() {
    this.worker = new Worker(new URL('./cliWorker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: HEAP_LIMIT_MB } });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
  }

  /** Writes content to a new file in the run's folder and returns its path. */
  file(content: string | Uint8Array, name = `case${++this.files}.mlsd.json`): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  /** Runs one job; rejects naming it when it overruns HANG_MS or the worker dies (out of memory). */
  async run(job: HostileJob, what: string): Promise<HostileResult> {
    await this.ready;
    return new Promise<HostileResult>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        this.worker.off('message', onMessage);
        this.worker.off('error', onError);
      };
      const timer = setTimeout(() => {
        cleanup();
        void this.worker.terminate();
        reject(new Error(`${what}: no verdict within ${HANG_MS / 1000} s (a hang)`));
      }, HANG_MS);
      const onMessage = (result: HostileResult) => {
        cleanup();
        resolve(result);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(new Error(`${what}: the worker died: ${error.message}`));
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', onError);
      this.worker.postMessage(job);
    });
  }

  /** Runs `mlsd ARGS` in process. */
  cli(what: string, ...argv: string[]): Promise<HostileResult> {
    return this.run({ kind: 'cli', argv }, what);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
