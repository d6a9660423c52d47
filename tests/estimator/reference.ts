import { CAPACITY_DEFAULTS } from '../../shared/estimator/queueing';
import type { Diagram, DiagramEdge, DiagramNode } from '../../shared/model/schema';
import { Random } from '../random';

/**
 * An independent Monte Carlo reference for the latency model of docs/estimator.md:
 * it draws requests straight from the model (log-normal service, a queueing wait:
 * exact M/G/1 for one server, Allen-Cunneen's for several,
 * Bernoulli misses and fractional calls), with no grid, and records each request's
 * critical path. It shares no estimator code: rates, the service-time fit, server
 * sizing, Erlang C and the staging of calls are written out again here from the
 * document, so a mistake in one copy cannot pass both. Slow, exact in the limit:
 * for tests and benchmarks.
 */
export function sampleRequests(diagram: Diagram, entry: string, count: number, seed: number) {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const rates = peakRates(diagram);
  const random = new Random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(random.next())) * Math.cos(2 * Math.PI * random.next());
  const plan = new Map(
    diagram.nodes.map((node) => {
      const service = node.latency ? logNormalFit(node.latency.p50Ms, node.latency.p99Ms) : undefined;
      const wait = service && node.capacity ? waitModel(rates.get(node.id)!, service, node.capacity) : undefined;
      const sync = diagram.edges.filter((e) => e.source === node.id && byId.has(e.target) && (e.mode ?? 'sync') === 'sync');
      return [node.id, { service, wait, pass: node.cache ? 1 - node.cache.hitRate : 1, stages: stagesOf(sync) }];
    }),
  );

  /**
   * The exact M/G/1 wait (Pollaczek-Khinchine, as a geometric sum): with
   * probability rho^k it is the sum of k residual service times, each a
   * uniform share of a length-biased draw of the service (for a log-normal,
   * the same sigma with the median times e^(sigma^2)).
   */
  const singleServerWait = (utilization: number, p50Ms: number, sigma: number) => {
    let wait = 0;
    while (random.next() < utilization) wait += random.next() * p50Ms * Math.exp(sigma * sigma + sigma * normal());
    return wait;
  };

  type Path = Map<string, number>;
  function visit(id: string, path: Path): number {
    const p = plan.get(id)!;
    if (p.wait?.saturated) throw new Error(`${id} is saturated: the reference samples bounded diagrams only`);
    let own = p.service ? p.service.p50Ms * Math.exp(p.service.sigma * normal()) : 0;
    if (p.wait && p.service && p.wait.servers === 1) own += singleServerWait(p.wait.utilization, p.service.p50Ms, p.service.sigma);
    else if (p.wait && random.next() < p.wait.probability) own += -Math.log(random.next()) * p.wait.meanWhenWaitingMs;
    path.set(id, (path.get(id) ?? 0) + own);
    let total = own;
    if (random.next() >= p.pass) return total;
    for (const stage of p.stages) {
      let slowest = 0;
      let slowestPath: Path | undefined;
      for (const edge of stage) {
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

/** The 99th percentile of the standard normal, to more digits than anyone needs. */
const Z_99 = 2.3263478740408408;

/** A log-normal with the given median and 99th percentile: its sigma, mean and squared coefficient of variation. */
export function logNormalFit(p50Ms: number, p99Ms: number) {
  const sigma = Math.log(p99Ms / p50Ms) / Z_99;
  const meanMs = p50Ms * Math.exp((sigma * sigma) / 2);
  return { p50Ms, sigma, meanMs, cs2: Math.exp(sigma * sigma) - 1 };
}

/**
 * Peak requests per second at every node, by recursion over callers: a node's
 * own traffic plus, for every sync or async edge into it, the caller's rate x
 * the caller's miss share x the edge's calls. Offline edges carry nothing.
 */
export function peakRates(diagram: Pick<Diagram, 'nodes' | 'edges'>): Map<string, number> {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const memo = new Map<string, number>();
  const own = (node: DiagramNode) => {
    const t = node.traffic;
    if (!t) return 0;
    if (t.qps !== undefined) return t.qps;
    return (((t.dau ?? 0) * (t.requestsPerUserPerDay ?? 0)) / (24 * 3600)) * (t.peakToAverage ?? 1);
  };
  const rate = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    let sum = own(byId.get(id)!);
    for (const e of diagram.edges) {
      if (e.target !== id || e.mode === 'offline' || !byId.has(e.source)) continue;
      const caller = byId.get(e.source)!;
      sum += rate(e.source) * (caller.cache ? 1 - caller.cache.hitRate : 1) * (e.calls ?? 1);
    }
    memo.set(id, sum);
    return sum;
  };
  return new Map(diagram.nodes.map((n) => [n.id, rate(n.id)]));
}

/**
 * The wait of an M/G/c queue (Erlang C with the Allen-Cunneen factor), from the
 * textbook sum rather than a recursion: P(wait) = X / (sum_{k<c} a^k / k! + X)
 * with X = a^c / c! x c / (c - a); a saturated queue (utilization >= 1) has no wait figure.
 */
export function waitModel(peakQps: number, service: { meanMs: number; cs2: number }, capacity: NonNullable<DiagramNode['capacity']>) {
  const concurrency = capacity.concurrency ?? CAPACITY_DEFAULTS.concurrency;
  const target = capacity.targetUtilization ?? CAPACITY_DEFAULTS.targetUtilization;
  const floor = capacity.minReplicas ?? CAPACITY_DEFAULTS.minReplicas;
  const erlangs = (peakQps * service.meanMs) / 1000;
  let replicas = capacity.replicas === undefined || capacity.replicas === 'auto' ? floor : capacity.replicas;
  if (capacity.replicas === undefined || capacity.replicas === 'auto') {
    while (erlangs / (replicas * concurrency) > target + 1e-12) replicas++;
  }
  const c = replicas * concurrency;
  const utilization = c > 0 ? erlangs / c : erlangs > 0 ? Infinity : 0;
  const sizing = { replicas, servers: c, utilization, saturated: utilization >= 1 };
  if (erlangs === 0 || sizing.saturated) return { ...sizing, probability: 0, meanWhenWaitingMs: 0 };
  // Terms a^k / k! relative to a^c / c!, summed from k = c - 1 down to 0, so large c does not overflow.
  let below = 0;
  let term = 1;
  for (let k = c; k > 0; k--) {
    term *= k / erlangs;
    below += term;
  }
  const x = c / (c - erlangs);
  const probability = x / (below + x);
  const meanWhenWaitingMs = ((1 + service.cs2) / 2) * (service.meanMs / (c - erlangs));
  return { ...sizing, probability, meanWhenWaitingMs };
}

/** A node's sync calls in stage order: an edge's `stage`, else its position among the node's sync edges. */
export function stagesOf(edges: readonly DiagramEdge[]): DiagramEdge[][] {
  const keyed = edges.map((edge, position) => ({ edge, stage: edge.stage ?? position }));
  const stages = [...new Set(keyed.map((k) => k.stage))].sort((a, b) => a - b);
  return stages.map((s) => keyed.filter((k) => k.stage === s).map((k) => k.edge));
}
