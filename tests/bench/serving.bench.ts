import { estimate } from '../../shared/estimator/estimate';
import type { Diagram } from '../../shared/model/schema';
import { generateDiagram } from './generate';
import { medianTimes, reportTimes } from './measure';

/** The 30-node bench diagram with its GPU ranker batching, its fan-outs hedged, its calls retried with timeouts, and a daily wave. */
export function servingDiagram(): Diagram {
  const d = generateDiagram(30, 1);
  return {
    ...d,
    nodes: d.nodes.map((n) => {
      if (n.kind === 'model') return { ...n, batching: { maxBatchSize: 32, maxQueueDelayMs: 4, fixedMs: 6, perItemMs: 1, gpu: 'g6.xlarge' }, capacity: { ...n.capacity, scaleUpDelayS: 180 } };
      if (n.kind === 'traffic') return { ...n, traffic: { ...n.traffic!, profile: { peakHour: 20, troughShare: 0.2 } } };
      return n;
    }),
    edges: d.edges.map((e) => {
      if ((e.mode ?? 'sync') !== 'sync') return e;
      if ((e.calls ?? 1) > 1) return { ...e, hedge: {} };
      return { ...e, retry: { timeoutMs: 200, retries: 1, budget: 0.1 } };
    }),
  };
}

/**
 * Full-estimate time with batching, retries, hedges and a day of autoscaling.
 * A day whose busiest moment is busier than its peak is estimated twice (at
 * the peak and at that moment), so its target is twice the plain one.
 */
export async function benchServing(): Promise<void> {
  const d = servingDiagram();
  reportTimes(`estimate, ${d.nodes.length} nodes with batching, retries, hedges, a daily wave (median of 25)`, await medianTimes(() => estimate(d), 25, 5), 32);
}
