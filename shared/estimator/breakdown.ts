/**
 * Where an entry's tail latency comes from (ESTIMATOR.md section 3,
 * p99Breakdown): over the requests at or above the entry's p99, the mean time
 * spent in each node along the critical path.
 *
 * Why sampling here, when the percentiles use the grid: the breakdown is a
 * conditional mean over a path-dependent event (which branch was slowest),
 * which a grid cannot express without one distribution per pair of nodes.
 * Requests are drawn from the same per-node distributions the grid holds,
 * with a fixed seed per entry, so the figures are identical run to run.
 * The first pass draws only totals; the second replays the slowest 1% (same
 * seeds) and records their critical paths, so bookkeeping is paid only there.
 */

import type { DiagramEdge } from '../model/schema';
import type { Dist } from './grid';
import type { NodeLatency } from './latency';
import { hash32, Random, seedOf } from './random';

/** Mean ms in one node over an entry's slowest requests. */
export interface BreakdownItem {
  node: string;
  ms: number;
}

/** Draws from a distribution by inverting its cumulative masses. */
class Sampler {
  private readonly cumulative: Float64Array;
  constructor(private readonly dist: Dist) {
    this.cumulative = dist.cumulative();
  }
  draw(u: number): number {
    const c = this.cumulative;
    if (c.length === 0 || u <= this.dist.zero) return 0;
    let low = 0;
    let high = c.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (c[mid]! < u) low = mid + 1;
      else high = mid;
    }
    return this.dist.valueAt(low, u, low === 0 ? this.dist.zero : c[low - 1]!);
  }
}

interface Plan {
  index: number;
  pass: number;
  sampler: Sampler;
  stages: { edge: DiagramEdge; target: number }[][];
}

/** Requests drawn per entry: enough for ~100 tail requests, capped by the work per request. */
const VISIT_BUDGET = 400_000;
const MIN_SAMPLES = 2_000;
const MAX_SAMPLES = 10_000;

/**
 * The p99 breakdown of each entry. `latencies` must hold a bounded total for
 * every node reachable from the entries by sync edges.
 */
export function p99Breakdowns(entries: readonly string[], latencies: ReadonlyMap<string, NodeLatency>): Map<string, BreakdownItem[]> {
  const ids = [...latencies.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const plans: Plan[] = ids.map((id, i) => {
    const latency = latencies.get(id)!;
    return {
      index: i,
      pass: latency.pass,
      sampler: new Sampler(latency.own),
      stages: latency.stages.map((stage) => stage.calls.map((call) => ({ edge: call.edge, target: index.get(call.edge.target)! }))),
    };
  });

  // Expected node visits per request, to size the sample.
  const visits = new Float64Array(ids.length).fill(NaN);
  const expectedVisits = (i: number): number => {
    if (!Number.isNaN(visits[i]!)) return visits[i]!;
    const plan = plans[i]!;
    let sum = 0;
    for (const stage of plan.stages) for (const call of stage) sum += (call.edge.calls ?? 1) * expectedVisits(call.target);
    return (visits[i] = 1 + plan.pass * sum);
  };

  const result = new Map<string, BreakdownItem[]>();
  for (const entry of entries) {
    const root = index.get(entry);
    if (root === undefined || latencies.get(entry)!.total === null) {
      result.set(entry, []);
      continue;
    }
    const samples = Math.round(Math.min(MAX_SAMPLES, Math.max(MIN_SAMPLES, VISIT_BUDGET / expectedVisits(root))));
    result.set(entry, breakdownOf(plans, ids, root, seedOf(entry), samples));
  }
  return result;
}

function breakdownOf(plans: readonly Plan[], ids: readonly string[], root: number, seed: number, samples: number): BreakdownItem[] {
  const sampler = new RequestSampler(plans);
  const totals = new Float64Array(samples);
  for (let s = 0; s < samples; s++) totals[s] = sampler.run(root, hash32(seed + s), false);

  const tailCount = Math.max(1, Math.ceil(samples / 100));
  const order = Array.from(totals.keys()).sort((a, b) => totals[b]! - totals[a]! || a - b);
  const perNode = new Float64Array(ids.length);
  for (const s of order.slice(0, tailCount)) {
    sampler.run(root, hash32(seed + s), true);
    for (let t = 0; t < sampler.trailLength; t++) perNode[sampler.trailNode[t]!]! += sampler.trailMs[t]!;
  }
  const items: BreakdownItem[] = [];
  perNode.forEach((sum, i) => {
    if (sum > 0) items.push({ node: ids[i]!, ms: sum / tailCount });
  });
  return items.sort((a, b) => b.ms - a.ms || a.node.localeCompare(b.node));
}

/** Draws one request through the call tree; optionally records the critical path. */
class RequestSampler {
  trailNode = new Int32Array(1024);
  trailMs = new Float64Array(1024);
  trailLength = 0;
  private random = new Random(0);
  private track = false;

  constructor(private readonly plans: readonly Plan[]) {}

  run(root: number, seed: number, track: boolean): number {
    this.random = new Random(seed);
    this.track = track;
    this.trailLength = 0;
    return this.visit(root);
  }

  private record(node: number, ms: number): void {
    if (this.trailLength === this.trailNode.length) {
      const nodes = new Int32Array(this.trailNode.length * 2);
      nodes.set(this.trailNode);
      const times = new Float64Array(this.trailMs.length * 2);
      times.set(this.trailMs);
      this.trailNode = nodes;
      this.trailMs = times;
    }
    this.trailNode[this.trailLength] = node;
    this.trailMs[this.trailLength++] = ms;
  }

  /** Keeps the trail segment [from, to) at `start`, dropping what lay between. */
  private keep(start: number, from: number, to: number): void {
    if (from !== start) {
      this.trailNode.copyWithin(start, from, to);
      this.trailMs.copyWithin(start, from, to);
    }
    this.trailLength = start + (to - from);
  }

  private visit(i: number): number {
    const plan = this.plans[i]!;
    const own = plan.sampler.draw(this.random.next());
    if (this.track) this.record(i, own);
    let total = own;
    if (plan.stages.length === 0 || this.random.next() >= plan.pass) return total;
    for (const stage of plan.stages) {
      const stageStart = this.trailLength;
      let slowest = 0;
      for (const call of stage) {
        const n = call.edge.calls ?? 1;
        const whole = Math.floor(n);
        const copies = whole + (this.random.next() < n - whole ? 1 : 0);
        const callStart = this.trailLength;
        let time = 0;
        if ((call.edge.fanout ?? 'parallel') === 'sequential') {
          for (let c = 0; c < copies; c++) time += this.visit(call.target);
        } else {
          for (let c = 0; c < copies; c++) {
            const copyStart = this.trailLength;
            const t = this.visit(call.target);
            if (t > time || c === 0) {
              time = t;
              if (this.track) this.keep(callStart, copyStart, this.trailLength);
            } else if (this.track) this.trailLength = copyStart;
          }
        }
        if (time > slowest || call === stage[0]) {
          slowest = time;
          if (this.track) this.keep(stageStart, callStart, this.trailLength);
        } else if (this.track) this.trailLength = callStart;
      }
      total += slowest;
    }
    return total;
  }
}
