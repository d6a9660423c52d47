import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Wall and CPU time of one piece of work, ms. */
export interface Times {
  wallMs: number;
  cpuMs: number;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)]!;
}

/**
 * Runs `work` a few times to warm up, then `runs` times; returns the median
 * wall time and the median CPU time of this process (what the work costs,
 * without the wait for a free core on a shared machine).
 */
export async function medianTimes(work: () => unknown, runs: number, warmUp = 2): Promise<Times> {
  for (let i = 0; i < warmUp; i++) await work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    await work();
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

/** A time as "12.3 ms" or, from 1 s, "1.23 s". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/**
 * Reports times against a limit, judged on CPU time: on an idle machine the
 * wall clock equals it for this single-threaded work, and on a shared one the
 * wall clock also counts the wait for a core.
 */
export function reportTimes(name: string, times: Times, limitMs: number): void {
  report(name, `${formatMs(times.cpuMs)} CPU (${formatMs(times.wallMs)} wall)`, `< ${formatMs(limitMs)}`, times.cpuMs < limitMs);
}

/** Prints one benchmark line: name, figure, and the target it is held to. */
export function report(name: string, figure: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'ok  ' : 'SLOW'}  ${name.padEnd(44)} ${figure.padStart(12)}   target ${target}`);
}

/** What one process used: wall and CPU time, peak resident memory, exit code. */
export interface Usage {
  wallS: number;
  cpuS: number;
  maxRssMb: number;
  code: number;
}

/** Runs `mlsd ARGS` (or `node SCRIPT ARGS`, in `env`) under GNU time -v and reads its wall time, CPU time and peak resident memory. */
export function timed(args: string[], script: string[] = ['bin/mlsd.mjs'], env: NodeJS.ProcessEnv = process.env): Usage {
  const run = spawnSync('/usr/bin/time', ['-v', 'node', ...script, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30, env });
  const field = (name: string) => Number(new RegExp(`${name}: ([\\d.:]+)`).exec(run.stderr)?.[1]?.split(':').reduce((a, b) => a * 60 + Number(b), 0) ?? NaN);
  return {
    wallS: field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
    cpuS: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    maxRssMb: field('Maximum resident set size \\(kbytes\\)') / 1024,
    code: run.status ?? -1,
  };
}

