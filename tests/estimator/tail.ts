import { p99Breakdowns } from '../../shared/estimator/breakdown';
import { latencyById, type NodeLatency } from '../../shared/estimator/latency';
import { solve } from '../../shared/estimator/solve';
import { tailWeight, weightedMass, weightedMean } from '../../shared/estimator/weights';
import { topologicalOrder } from '../../shared/model/graph';
import type { Diagram } from '../../shared/model/schema';

/** One entry's p99 breakdown, unrounded, and the mean latency of its requests at or above p99. */
export interface EntryTail {
  entry: string;
  /** Mean ms per node over the tail requests, as the breakdown gives them. */
  shares: Map<string, number>;
  /** The breakdown's order: largest share first. */
  nodes: string[];
  tailMeanMs: number;
}

/** The p99 breakdown of every traffic entry with a latency, straight from the grid (no rounding). */
export function entryTails(diagram: Diagram): Map<string, EntryTail> {
  const order = topologicalOrder(diagram);
  const { numbered } = solve(diagram, order);
  const latencies = { get: (id: string) => latencyById(numbered, id) };
  const entries = diagram.nodes.filter((n) => n.kind === 'traffic' && latencies.get(n.id)?.total && !latencies.get(n.id)!.total!.isZero).map((n) => n.id);
  const breakdowns = p99Breakdowns(entries, numbered, order);
  return new Map(entries.map((entry) => {
    const items = breakdowns.get(entry)!;
    return [entry, { entry, shares: new Map(items.map((b) => [b.node, b.ms])), nodes: items.map((b) => b.node), tailMeanMs: tailMeanMs(latencies.get(entry)!) }];
  }));
}

/** The mean latency of a node's requests at or above its p99, on the grid. */
export function tailMeanMs(latency: NodeLatency): number {
  const total = latency.total!;
  const tail = tailWeight(total, total.quantile(0.99));
  return weightedMean(total, tail) / weightedMass(total, tail);
}

/** How far a breakdown's sum is from its tail's mean, relative. */
export function sumGap(tail: EntryTail): number {
  const sum = [...tail.shares.values()].reduce((s, ms) => s + ms, 0);
  return (sum - tail.tailMeanMs) / tail.tailMeanMs;
}
