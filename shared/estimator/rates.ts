import { carriesLoad, topologicalOrder } from '../model/graph';
import type { Diagram, DiagramNode } from '../model/schema';
import { groupedBy } from '../model/grouped';
import { edgeEnds, idNumbers } from './nodeIndex';

/** A request rate at peak and on average, requests per second. */
export interface Rate {
  peak: number;
  avg: number;
}

/** The load a traffic node emits (docs/estimator.md, section 1). */
export function trafficRate(node: DiagramNode): Rate {
  const t = node.traffic;
  if (!t) return { peak: 0, avg: 0 };
  const ratio = t.peakToAverage ?? 1;
  if (t.qps !== undefined) return { peak: t.qps, avg: t.qps / ratio };
  const avg = ((t.dau ?? 0) * (t.requestsPerUserPerDay ?? 0)) / 86_400;
  return { peak: avg * ratio, avg };
}

/** Share of requests that go on to a node's calls: 1 - hitRate for a cache, else 1. */
export function passShare(node: DiagramNode): number {
  return node.cache ? 1 - node.cache.hitRate : 1;
}

/**
 * The rate every node receives: its own traffic plus, over incoming sync and
 * async edges, the caller's rate x its pass share x the edge's calls (x the
 * copies its retries and hedges send, where given). Peak and average
 * propagate side by side, callers first in `order` (a topological order of the
 * diagram, computed when not given). Assumes no load cycle.
 */
export function propagateRates(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  amplification?: ReadonlyMap<string, number>,
  order: readonly string[] = topologicalOrder(diagram),
): Map<string, Rate> {
  return ratesById(diagram.nodes, ratesByNumber(diagram, amplification, order));
}

/** The rates of propagateRates by node number (nodeNumbers): each id's last node carries the rate the edges fed. */
export function ratesByNumber(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  amplification: ReadonlyMap<string, number> | undefined,
  order: readonly string[],
): Rate[] {
  const { nodes, edges } = diagram;
  const steps = idNumbers(nodes, order);
  const { source, target } = edgeEnds(diagram);
  // By node number (an id's last node, as nodesById): its rate, and its load-carrying edges in edge order, as lists in one array.
  const rate = nodes.map(trafficRate);
  const { starts, items: outgoing } = groupedBy(edges.length, nodes.length, (i) => (target[i]! >= 0 && carriesLoad(edges[i]!) ? source[i]! : -1));
  const amplified = amplification !== undefined && amplification.size > 0 ? amplification : undefined;
  for (let step = 0; step < steps.length; step++) {
    const v = steps[step]!;
    const from = rate[v]!;
    const share = passShare(nodes[v]!);
    for (let k = starts[v]!; k < starts[v + 1]!; k++) {
      const edge = edges[outgoing[k]!]!;
      const to = rate[target[outgoing[k]!]!]!;
      const calls = (edge.calls ?? 1) * (amplified?.get(edge.id) ?? 1);
      to.peak += from.peak * share * calls;
      to.avg += from.avg * share * calls;
    }
  }
  return rate;
}

/** Rates by node number as a map by id, keyed in the order of the nodes; a repeated id ends with its last node's rate, the one the edges fed. */
export function ratesById(nodes: readonly DiagramNode[], rate: readonly Rate[]): Map<string, Rate> {
  const rates = new Map<string, Rate>();
  for (let i = 0; i < nodes.length; i++) rates.set(nodes[i]!.id, rate[i]!);
  return rates;
}
