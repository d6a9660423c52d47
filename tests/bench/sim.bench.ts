import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blueprint } from '../../shared/blueprints';
import { simulate } from '../../shared/sim/simulate';
import { generateDiagram } from './generate';
import { report } from './measure';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Wall time of one whole `mlsd` process (what a person waits for), in ms. */
function mlsdProcessMs(args: string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'bin/mlsd.mjs'), ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - start;
}

function medianOf(runs: number, work: () => number): number {
  const times = Array.from({ length: runs }, work).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** The simulator's speed, and the command line's start-up and a 10,000-node estimate as whole processes. */
export function benchSimulatorAndCli(): void {
  const design = blueprint('video-recommendation')!;
  const start = performance.now();
  const cpu = process.cpuUsage();
  simulate(design, { requests: 1_000_000, seed: 1 });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  report(`simulate, 1M requests, ${design.nodes.length}-node blueprint`, `${seconds.toFixed(2)} s`, `< 10 s (${cpuSeconds.toFixed(2)} s CPU)`, seconds < 10);

  const news = join(ROOT, 'blueprints/news-feed.mlsd.json');
  const startupMs = medianOf(5, () => mlsdProcessMs(['estimate', news]));
  report('mlsd estimate news-feed (whole process)', `${startupMs.toFixed(0)} ms`, '< 300 ms', startupMs < 300);

  const folder = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));
  const large = join(folder, 'large.mlsd.json');
  writeFileSync(large, JSON.stringify(generateDiagram(10_000, 2)));
  const largeMs = medianOf(3, () => mlsdProcessMs(['estimate', '--json', large]));
  report('mlsd estimate --json, 10,000 nodes (process)', `${(largeMs / 1000).toFixed(2)} s`, '< 1.5 s', largeMs < 1500);
}
