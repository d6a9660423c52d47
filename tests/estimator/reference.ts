import { queueing, serviceTime } from '../../shared/estimator/queueing';
import { propagateRates, passShare } from '../../shared/estimator/rates';
import { syncStages } from '../../shared/estimator/latency';
import type { Diagram, DiagramEdge } from '../../shared/model/schema';
import { Random } from '../random';

/**
 * An independent Monte Carlo reference for ESTIMATOR.md section 3: draws
 * requests straight from the model (log-normal service, Erlang-C wait,
 * Bernoulli misses and fractional calls), with no grid, and records each
 * request's critical path. Slow, exact in the limit: for tests and benchmarks.
 */
export function sampleRequests(diagram: Diagram, entry: string, count: number, seed: number) {
  const rates = propagateRates(diagram);
  const random = new Random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(random.next())) * Math.cos(2 * Math.PI * random.next());
  const plan = new Map(
    diagram.nodes.map((node) => {
      const service = node.latency ? serviceTime(node.latency.p50Ms, node.latency.p99Ms) : undefined;
      const q = service && node.capacity
        ? queueing(rates.get(node.id)!.peak, service, {
            replicas: node.capacity.replicas ?? 'auto', concurrency: node.capacity.concurrency ?? 1,
            targetUtilization: node.capacity.targetUtilization ?? 0.6, minReplicas: node.capacity.minReplicas ?? 1,
          })
        : undefined;
      const sync = diagram.edges.filter((e) => e.source === node.id && (e.mode ?? 'sync') === 'sync');
      return [node.id, { service, q, pass: passShare(node), stages: syncStages(sync) }];
    }),
  );

  type Path = Map<string, number>;
  function visit(id: string, path: Path): number {
    const p = plan.get(id)!;
    let own = p.service ? p.service.p50Ms * Math.exp(p.service.sigma * normal()) : 0;
    if (p.q && random.next() < p.q.waitProbability) own += -Math.log(random.next()) * p.q.waitWhenWaitingMs;
    path.set(id, (path.get(id) ?? 0) + own);
    let total = own;
    if (random.next() >= p.pass) return total;
    for (const stage of p.stages) {
      let slowest = 0;
      let slowestPath: Path | undefined;
      for (const edge of stage.edges as DiagramEdge[]) {
        const n = edge.calls ?? 1;
        const copies = Math.floor(n) + (random.next() < n - Math.floor(n) ? 1 : 0);
        let time = 0;
        let callPath: Path = new Map();
        for (let c = 0; c < copies; c++) {
          const copyPath: Path = new Map();
          const t = visit(edge.target, copyPath);
          if ((edge.fanout ?? 'parallel') === 'sequential') {
            time += t;
            for (const [k, v] of copyPath) callPath.set(k, (callPath.get(k) ?? 0) + v);
          } else if (t > time || c === 0) {
            time = t;
            callPath = copyPath;
          }
        }
        if (time > slowest || !slowestPath) {
          slowest = time;
          slowestPath = callPath;
        }
      }
      total += slowest;
      for (const [k, v] of slowestPath ?? []) path.set(k, (path.get(k) ?? 0) + v);
    }
    return total;
  }

  const totals = new Float64Array(count);
  const paths: Path[] = [];
  for (let i = 0; i < count; i++) {
    const path: Path = new Map();
    totals[i] = visit(entry, path);
    paths.push(path);
  }
  const sorted = Float64Array.from(totals).sort();
  const quantile = (p: number) => sorted[Math.min(count - 1, Math.floor(p * count))]!;
  const mean = totals.reduce((a, b) => a + b, 0) / count;
  const p99 = quantile(0.99);
  const tail = new Map<string, number>();
  let tailCount = 0;
  totals.forEach((t, i) => {
    if (t < p99) return;
    tailCount++;
    for (const [k, v] of paths[i]!) tail.set(k, (tail.get(k) ?? 0) + v);
  });
  for (const [k, v] of tail) tail.set(k, v / tailCount);
  return { mean, p50: quantile(0.5), p90: quantile(0.9), p99, p999: quantile(0.999), breakdown: tail };
}
