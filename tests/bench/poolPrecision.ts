/**
 * How close the sampled pools' figures come to a long run of the same pools,
 * and what each run costs, for a few numbers of copies: the measurement to
 * make before changing how many copies a pool run takes (docs/estimator.md,
 * section 3, "Copies that arrive together or in turn"; section 8).
 *
 *   npx esbuild tests/bench/poolPrecision.ts --bundle --platform=node --format=esm --outfile=/tmp/poolPrecision.mjs
 *   node /tmp/poolPrecision.mjs [NODES] [SEED] [COPIES,COPIES,...]
 *
 * The pools are those an estimate of generateDiagram(NODES, SEED) samples,
 * on the grid it is estimated on. Each is run from four seeds at each number
 * of copies and once with 6,400,000 copies from another seed (the reference);
 * the table gives, per figure, the largest and the root-mean-square error
 * against the reference over all pools and seeds, and the CPU of one run.
 */
import { batchCallTime, batchStreams } from '../../shared/estimator/batches';
import { Dist } from '../../shared/estimator/grid';
import { latencyById } from '../../shared/estimator/latency';
import { withGridStep } from '../../shared/estimator/gridPoints';
import { runPool, sampler, type PoolRun } from '../../shared/estimator/poolRun';
import { gridStepFor } from '../../shared/estimator/precision';
import { serviceTime } from '../../shared/estimator/queueing';
import { solve } from '../../shared/estimator/solve';
import { topologicalOrder } from '../../shared/model/graph';
import { generateDiagram } from './generate';

const [nodes = '10000', seed = '2', sizes = '100000,200000,400000'] = process.argv.slice(2);
const diagram = generateDiagram(Number(nodes), Number(seed));
const REFERENCE_COPIES = 6_400_000;
const SEEDS = 4;
const QUANTILES = [0.5, 0.9, 0.99, 0.999];
const NAMES = ['mean', 'p50', 'p90', 'p99', 'p999'];

/** Mean and quantiles of a distribution. */
const figures = (d: Dist) => [d.mean(), ...QUANTILES.map((q) => d.quantile(q))];

withGridStep(gridStepFor(diagram), () => {
  const solution = solve(diagram, topologicalOrder(diagram));
  const simulated = solution.sampled.pools.simulated;
  const streams = batchStreams(diagram, simulated.keys(), solution.rates);
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const errors = new Map<number, number[][]>();
  const cpu = new Map<number, number[]>();
  for (const [id, arrivals] of simulated) {
    const node = byId.get(id)!;
    const service = serviceTime(node.latency!.p50Ms, node.latency!.p99Ms);
    const servers = solution.modelled.get(id)!.servers;
    const missed = latencyById(solution.numbered, id)!.missed;
    const after = arrivals.inTurn > 0 ? sampler(missed) : () => 0;
    // The figures callers read off the run: the pool's own time and the call of its widest batch or longest turn.
    const read = (run: PoolRun) => [
      ...figures(run.own),
      ...figures(arrivals.together > 0 ? batchCallTime(run, arrivals.together, Dist.ZERO) : run.turns.has(arrivals.inTurn) ? Dist.fromSamples(run.turns.get(arrivals.inTurn)!) : Dist.ZERO),
    ];
    const reference = read(runPool(servers, service, streams.get(id)!, after, REFERENCE_COPIES, 1));
    for (const copies of sizes.split(',').map(Number)) {
      for (let s = 0; s < SEEDS; s++) {
        const start = process.cpuUsage();
        const run = runPool(servers, service, streams.get(id)!, after, copies, 20_261 + s);
        const used = process.cpuUsage(start);
        cpu.set(copies, [...(cpu.get(copies) ?? []), (used.user + used.system) / 1000]);
        const error = read(run).map((v, i) => (reference[i]! > 0 ? Math.abs(v / reference[i]! - 1) : 0));
        errors.set(copies, [...(errors.get(copies) ?? []), error]);
      }
    }
  }
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  console.log(`${simulated.size} sampled pools of generateDiagram(${nodes}, ${seed}), ${SEEDS} seeds each, against ${REFERENCE_COPIES.toLocaleString('en')} copies`);
  console.log(`copies     ms/run  ${NAMES.map((n) => `own ${n}`.padStart(9)).join('')}${NAMES.map((n) => `call ${n}`.padStart(10)).join('')}`);
  for (const [copies, list] of errors) {
    const times = cpu.get(copies)!.sort((a, b) => a - b);
    const column = (i: number) => list.map((e) => e[i]!);
    const max = list[0]!.map((_, i) => Math.max(...column(i)));
    const rms = list[0]!.map((_, i) => Math.sqrt(column(i).reduce((a, e) => a + e * e, 0) / list.length));
    const median = times[times.length >> 1]!.toFixed(0).padStart(6);
    console.log(`${String(copies).padEnd(9)}${median}  max ${max.map((x, i) => (i < NAMES.length ? percent(x).padStart(9) : percent(x).padStart(10))).join('')}`);
    console.log(`${''.padEnd(17)}rms ${rms.map((x, i) => (i < NAMES.length ? percent(x).padStart(9) : percent(x).padStart(10))).join('')}`);
  }
});
