import type { Estimate } from '../../shared/estimator/output';

/** The latency figures an estimate gives. */
export const FIGURES = ['mean', 'p50', 'p90', 'p99', 'p999'] as const;
export type Figures = Partial<Record<(typeof FIGURES)[number], number>>;

/** Every latency an estimate gives (each entry's and each node's), by where it is. */
export function latencies(e: Estimate): Map<string, Figures> {
  const out = new Map<string, Figures>();
  for (const entry of e.entries) if (entry.latencyMs) out.set(`entry ${entry.node}`, entry.latencyMs);
  for (const node of e.nodes) if (node.latencyMs) out.set(`node ${node.id}`, node.latencyMs);
  return out;
}
