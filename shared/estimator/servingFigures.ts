/**
 * The batching pools of a diagram: one run per model node with a batching
 * block, what the estimate reports of it, and its diagnostics.
 */
import { instancePrice, type Catalog } from '../catalog';
import type { Diagram, DiagramNode } from '../model/schema';
import { round6 } from '../numbers';
import { formatMs, formatPercent, formatQps } from '../units';
import { batchCap, batchingRun, batchLatencyMs, costPer1kRequestsUsd, gpuReplicaHourlyUsd, queueDelayWhatIf, type BatchingRun, type DelayPoint } from './batching';
import type { Diagnostic } from './output';
import { capacityInput } from './queueing';
import type { Rate } from './rates';

/** What the estimate reports of a batching node. */
export interface BatchingFigures {
  batchSize: number;
  batchMs: number;
  /** Mean time a request waits for its batch to form and for an executor, ms. */
  waitMs: number;
  /** Share of time the GPUs run batches. */
  gpuUtilization: number;
  /** Share of the pool's most throughput (every batch full) the peak load uses. */
  throughputShare: number;
  regime: 'delay' | 'busy';
  gpus: number;
  costPer1kRequestsUsd: number | null;
  queueDelayWhatIf: DelayPoint[];
}

/** Utilization shown for a pool whose GPUs run batch after batch but keep up: busy, not saturated. */
export const BUSIEST_BATCHING = 0.999;

/** The node as priced: a batching node without a price of its own is priced by its GPUs. */
export function pricedNode(node: DiagramNode, catalog: Catalog): DiagramNode {
  if (!node.batching || node.cost?.hourlyUsd !== undefined || node.cost?.instance !== undefined) return node;
  const hourly = gpuReplicaHourlyUsd(node.batching, catalog);
  return hourly === undefined ? node : { ...node, cost: { ...node.cost, hourlyUsd: hourly } };
}

/** The figures with 6 significant digits. */
export function roundFigures(f: BatchingFigures): BatchingFigures {
  const r = (v: number | null) => (v === null ? null : round6(v));
  return {
    ...f, batchSize: round6(f.batchSize), batchMs: round6(f.batchMs), waitMs: round6(f.waitMs), gpuUtilization: round6(f.gpuUtilization),
    throughputShare: round6(f.throughputShare), costPer1kRequestsUsd: r(f.costPer1kRequestsUsd),
    queueDelayWhatIf: f.queueDelayWhatIf.map((p) => ({ ...p, batchSize: round6(p.batchSize), p99Ms: r(p.p99Ms), costPer1kRequestsUsd: r(p.costPer1kRequestsUsd) })),
  };
}

/** The batching run of every node with a batching block, at its peak rate. */
export function batchingRuns(diagram: Pick<Diagram, 'nodes'>, rates: ReadonlyMap<string, Rate>): Map<string, BatchingRun> {
  const runs = new Map<string, BatchingRun>();
  for (const node of diagram.nodes) {
    if (node.batching) runs.set(node.id, batchingRun(rates.get(node.id)!.peak, node.batching, capacityInput(node.capacity ?? {})));
  }
  return runs;
}

/** Hourly price of one replica of a node: its cost block, else its GPUs at the catalog's price per GPU. */
export function replicaHourlyUsd(node: DiagramNode, catalog: Catalog): number | undefined {
  if (node.cost?.hourlyUsd !== undefined) return node.cost.hourlyUsd;
  if (node.cost?.instance !== undefined) return instancePrice(catalog, node.cost.instance)?.hourlyUsd;
  return node.batching ? gpuReplicaHourlyUsd(node.batching, catalog) : undefined;
}

/** The figures of one batching node. */
export function batchingFigures(node: DiagramNode, run: BatchingRun, peakQps: number, catalog: Catalog): BatchingFigures {
  const spec = node.batching!;
  const hourly = replicaHourlyUsd(node, catalog);
  const executors = run.executors;
  return {
    batchSize: run.batchSize,
    batchMs: run.batchMs,
    waitMs: run.own ? run.own.mean() - run.batchMs : Infinity,
    gpuUtilization: run.utilization,
    throughputShare: executors > 0 ? (peakQps / 1000) * batchLatencyMs(spec, spec.maxBatchSize) / (spec.maxBatchSize * executors) : Infinity,
    regime: run.regime,
    gpus: run.replicas * (spec.gpusPerReplica ?? 1),
    costPer1kRequestsUsd: hourly === undefined ? null : costPer1kRequestsUsd(run.replicas, hourly, peakQps),
    queueDelayWhatIf: queueDelayWhatIf(peakQps, spec, capacityInput(node.capacity ?? {}), hourly),
  };
}

/**
 * Past this executor utilization, where batches close on the delay and items
 * make more than TAIL_ITEM_SHARE of a batch's run time, the simulated batcher's
 * p99 runs 2-12% above the estimate (2,000 QPS into 4 executors at 83%: 8%).
 */
const TAIL_UTILIZATION = 0.75;
const TAIL_ITEM_SHARE = 0.3;

/**
 * A saturated batching pool (an error), one whose tail the estimate may
 * understate (a warning), and one whose batches grow with the load (what that
 * means).
 */
export function batchingDiagnostics(diagram: Pick<Diagram, 'nodes'>, runs: ReadonlyMap<string, BatchingRun>, qps: (id: string) => number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of diagram.nodes) {
    const run = runs.get(node.id);
    if (!run) continue;
    const spec = node.batching!;
    const full = batchLatencyMs(spec, spec.maxBatchSize);
    const most = (run.executors * spec.maxBatchSize * 1000) / full;
    if (run.saturated) {
      diagnostics.push({
        severity: 'error', code: 'saturated', node: node.id,
        message:
          `"${node.label}" is saturated: ${run.executors} executor${run.executors === 1 ? '' : 's'} running full batches of ${spec.maxBatchSize} ` +
          `(${formatMs(full)} each) serve at most ${formatQps(most)}, below the ${formatQps(qps(node.id))} at peak; its latency and that of everything ` +
          'calling it is unbounded. Add replicas, raise maxBatchSize, or use "auto".',
      });
    } else if (run.regime === 'delay' && run.batchSize < batchCap(spec) && run.utilization > TAIL_UTILIZATION && 1 - batchLatencyMs(spec, 1) / run.batchMs > TAIL_ITEM_SHARE) {
      diagnostics.push({
        severity: 'warning', code: 'batching-tail', node: node.id,
        message:
          `"${node.label}" closes its batches on the queue delay with its executors ${formatPercent(run.utilization)} busy, and a batch's run time ` +
          `grows with its size (${formatMs(run.batchMs)} for ${run.batchSize.toFixed(1)} on average): requests queue behind the larger batches more ` +
          'than the estimate counts, so its p99 may be 5-15% optimistic. Check by simulation (mlsd simulate), or add replicas.',
      });
    } else if (run.regime === 'busy') {
      diagnostics.push({
        severity: 'info', code: 'batching-busy', node: node.id,
        message:
          `"${node.label}" keeps its GPUs busy (${formatPercent(run.utilization)}): batches grow with the load, ${run.batchSize.toFixed(1)} on average ` +
          `(${formatMs(run.batchMs)} each), up to ${spec.maxBatchSize}; it can take up to ${formatQps(most)}, and its latency grows with the batch.`,
      });
    }
  }
  return diagnostics;
}
