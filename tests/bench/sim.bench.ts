import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDiagram } from './generate';
import { formatMs, report, reportTimes, timed, type Times } from './measure';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Median CPU and wall time of `runs` whole `mlsd ARGS` (or `node SCRIPT ARGS`) processes, ms (what a person waits for, on an idle machine). */
function mlsdProcess(args: string[], runs: number, script?: string[], env?: NodeJS.ProcessEnv): Times {
  const usage = Array.from({ length: runs }, () => timed(args, script, env));
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(runs / 2)]! * 1000;
  return { cpuMs: median(usage.map((u) => u.cpuS)), wallMs: median(usage.map((u) => u.wallS)) };
}

/** The environment without NODE_EXTRA_CA_CERTS where it is set (a machine without it starts node faster), else undefined. */
function withoutExtraCerts(): NodeJS.ProcessEnv | undefined {
  if (!process.env.NODE_EXTRA_CA_CERTS) return undefined;
  const { NODE_EXTRA_CA_CERTS: _certs, ...rest } = process.env;
  return rest;
}

/** The simulator's speed, and the command line's start-up and a 10,000-node estimate as whole processes. */
export function benchSimulatorAndCli(): void {
  // The whole command: reading, checking, simulating (about 25 visits a request, a hedged fan-out of 16) and comparing with the estimate.
  const video = join(ROOT, 'blueprints/video-recommendation.mlsd.json');
  // Its two replications run side by side on a machine of two cores (cli/replicationRunner.ts): what a person waits for is the wall clock.
  const video1M = mlsdProcess(['simulate', video, '--requests', '1000000'], 3);
  report('mlsd simulate video-rec, 1M requests (process)', `${formatMs(video1M.cpuMs)} CPU (${formatMs(video1M.wallMs)} wall)`, `< ${formatMs(10_000)} wall`, video1M.wallMs < 10_000);

  // Node's own start-up, which every command pays before its first line runs: the floor under the figures below.
  const floor = mlsdProcess(['-e', '0'], 5, []);
  report('node -e 0 (the floor under every command)', `${formatMs(floor.cpuMs)} CPU (${formatMs(floor.wallMs)} wall)`, 'none', true);
  const news = join(ROOT, 'blueprints/news-feed.mlsd.json');
  reportTimes('mlsd estimate news-feed (whole process)', mlsdProcess(['estimate', news], 5), 300);
  // Node parses every certificate NODE_EXTRA_CA_CERTS names before a script's first line (for a
  // bundle of a few hundred, about half the news-feed estimate's instructions): where it is set, the same without it.
  const withoutCerts = withoutExtraCerts();
  if (withoutCerts) {
    report('node -e 0 without NODE_EXTRA_CA_CERTS', formatMs(mlsdProcess(['-e', '0'], 5, [], withoutCerts).cpuMs) + ' CPU', 'none', true);
    reportTimes('mlsd estimate news-feed, no extra CA certs', mlsdProcess(['estimate', news], 5, undefined, withoutCerts), 300);
  }
  reportTimes('mlsd --help (whole process)', mlsdProcess(['--help'], 5), 250);

  const folder = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));
  const large = join(folder, 'large.mlsd.json');
  writeFileSync(large, JSON.stringify(generateDiagram(10_000, 2)));
  const tenThousand = mlsdProcess(['estimate', '--json', large], 3);
  reportTimes('mlsd estimate --json, 10,000 nodes (process)', tenThousand, 1500);
  // What a person waits for: the sampled pools' runs share the machine's second core (cli/poolRunner.ts), which adds CPU and takes off wall time.
  report('the same, wall clock', `${formatMs(tenThousand.wallMs)} wall`, `< ${formatMs(1500)}`, tenThousand.wallMs < 1500);
  if (withoutCerts) {
    const plain = mlsdProcess(['estimate', '--json', large], 3, undefined, withoutCerts);
    report('the same, no extra CA certs', `${formatMs(plain.cpuMs)} CPU (${formatMs(plain.wallMs)} wall)`, `< ${formatMs(1500)} wall`, plain.wallMs < 1500);
  }
}
