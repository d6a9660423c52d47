import type { Diagram } from '../model/schema';
import type { Estimate } from './output';
import { passShare } from './rates';

/**
 * The rate each sync or async edge carries, requests per second at peak and
 * on average: the caller's rate x its pass share x the edge's calls (x the
 * copies its retries and hedges send). Offline
 * edges carry no rate and are left out.
 */
export function edgeRates(diagram: Pick<Diagram, 'nodes' | 'edges'>, estimate: Pick<Estimate, 'nodes' | 'calls'>): Map<string, { peak: number; avg: number }> {
  const nodes = new Map(diagram.nodes.map((n) => [n.id, n]));
  const figures = new Map(estimate.nodes.map((n) => [n.id, n]));
  const copies = new Map((estimate.calls ?? []).map((c) => [c.edge, c.amplification]));
  const rates = new Map<string, { peak: number; avg: number }>();
  for (const edge of diagram.edges) {
    if ((edge.mode ?? 'sync') === 'offline') continue;
    const source = nodes.get(edge.source);
    const qps = figures.get(edge.source)?.qps;
    if (!source || !qps) continue;
    const factor = passShare(source) * (edge.calls ?? 1) * (copies.get(edge.id) ?? 1);
    rates.set(edge.id, { peak: qps.peak * factor, avg: qps.avg * factor });
  }
  return rates;
}
