import { carriesLoad, topologicalOrder } from '../model/graph';
import type { Diagram, DiagramNode } from '../model/schema';
import { nodesById } from './nodeIndex';

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
  const nodes = nodesById(diagram.nodes);
  const rates = new Map<string, Rate>(diagram.nodes.map((n) => [n.id, trafficRate(n)]));
  const outgoing = new Map<string, typeof diagram.edges>();
  for (const edge of diagram.edges) {
    if (!carriesLoad(edge) || !nodes.has(edge.target)) continue;
    const list = outgoing.get(edge.source) ?? [];
    list.push(edge);
    outgoing.set(edge.source, list);
  }
  for (const id of order) {
    const from = rates.get(id)!;
    const share = passShare(nodes.get(id)!);
    for (const edge of outgoing.get(id) ?? []) {
      const to = rates.get(edge.target)!;
      const calls = (edge.calls ?? 1) * (amplification?.get(edge.id) ?? 1);
      to.peak += from.peak * share * calls;
      to.avg += from.avg * share * calls;
    }
  }
  return rates;
}
