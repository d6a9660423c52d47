/** What the CLI needs from its host; Node supplies it, tests supply a fake. */
export interface CliIO {
  /** Reads a whole file, or says in a few words why it cannot. */
  readFile(path: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string };
  /** Writes a whole file atomically, or says why it cannot. */
  writeFile(path: string, data: string | Uint8Array): { ok: true } | { ok: false; message: string };
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes of ESTIMATOR.md section 6. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, check: 3 } as const;
