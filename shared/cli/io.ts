import type { ElkEngine } from '../layout/elkGraph';
import type { PoolRunner } from '../estimator/poolJobs';
import type { ReplicationHost } from '../sim/simulate';

/** What the CLI needs from its host; Node supplies it, tests supply a fake. */
export interface CliIO {
  /** Reads a whole file, or says in a few words why it cannot. */
  readFile(path: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string };
  /** Writes a whole file atomically (text may come in pieces, written as they are made), or says why it cannot. */
  writeFile(path: string, data: string | Uint8Array | Iterable<string>): { ok: true } | { ok: false; message: string };
  /** Whether two paths are the same file on disk (through links); false when either does not exist. */
  sameFile(a: string, b: string): boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Turns SVG into PNG bytes (for PNG and PDF exports). */
  rasterize(svg: string, scale: number): Promise<Uint8Array>;
  /** Lays out ELK graphs (for diagrams without positions). */
  elk: ElkEngine;
  /**
   * Frees memory the program no longer uses, at once (a full collection), where
   * the host can. Between the estimate and the drawing of a large export, so the
   * estimate's work arrays are not still held while the picture is drawn.
   */
  collectGarbage?(): void;
  /**
   * Starts making sampled pools' runs beside an estimate of the design at
   * `path` (on a second thread), before the design is read; undefined where
   * the host cannot or the design is too small for it to help. The figures are
   * the same either way.
   */
  poolRunner?(path: string): PoolRunner | undefined;
  /**
   * Runs a simulation's replications on other threads while the first runs
   * on this one; absent where the host has one core or cannot. The figures
   * are the same either way.
   */
  replicationHost?: ReplicationHost;
}

/** Exit codes of `mlsd` (docs/estimator.md, section 6). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, check: 3 } as const;
