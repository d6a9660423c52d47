import type { NodeEstimate } from './estimator/output';
import type { DiagramNode } from './model/schema';
import { formatBytes, formatMs, formatQps, formatUsd } from './units';

/** What a node shows under its name: rate, tail latency, servers, data, as they apply. */
export function figureLine(node: DiagramNode, figures: NodeEstimate): { title: string; text: string }[] {
  const parts: { title: string; text: string }[] = [];
  if (figures.qps.peak > 0 || node.kind === 'traffic') parts.push({ title: 'Peak requests per second', text: formatQps(figures.qps.peak) });
  if (node.kind !== 'traffic') {
    if (figures.latencyMs === null) parts.push({ title: 'Latency is unbounded: the node or one it calls is saturated', text: 'p99 ∞' });
    else if (figures.latencyMs.p99 > 0) parts.push({ title: "p99 of this node's latency, including its calls", text: `p99 ${formatMs(figures.latencyMs.p99)}` });
  }
  if (figures.replicas !== null) parts.push({ title: 'Replicas', text: `${figures.replicas}×` });
  if (figures.storageBytes > 0) parts.push({ title: 'Data held', text: formatBytes(figures.storageBytes) });
  if (parts.length < 3 && figures.costUsdPerMonth.total > 0) parts.push({ title: 'Monthly cost', text: `${formatUsd(figures.costUsdPerMonth.total)}/mo` });
  return parts.slice(0, 3);
}
