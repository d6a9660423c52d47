import type { Catalog } from '../catalog';
import { didYouMean } from './didYouMean';
import type { Problem } from './problems';
import type { DiagramNode } from './schema';

/** The catalog instance types that hold GPUs (they list `gpus`). */
export function gpuInstances(catalog: Catalog): string[] {
  return Object.entries(catalog.instances).filter(([, i]) => (i.gpus ?? 0) > 0).map(([name]) => name);
}

/**
 * What the batching schema cannot see: the batch latency given one way
 * (fixed + per item, or a table), table sizes rising, preferred sizes within
 * the largest batch, and a GPU type the catalog prices per GPU.
 */
export function checkBatching(node: DiagramNode, at: string, catalog: Catalog, problems: Problem[]): void {
  const b = node.batching;
  if (!b) return;
  const path = `${at}.batching`;
  const linear = b.fixedMs !== undefined || b.perItemMs !== undefined;
  if (linear === (b.table !== undefined)) {
    problems.push({ path, code: 'batching-shape', message: 'give the batch latency either as fixedMs and perItemMs, or as a table of { size, ms }' });
  }
  b.table?.forEach((point, i) => {
    const previous = b.table![i - 1];
    if (previous && (point.size <= previous.size || point.ms < previous.ms)) {
      problems.push({ path: `${path}.table[${i}]`, code: 'batching-table', message: `sizes must rise and times must not fall (after size ${previous.size} at ${previous.ms} ms)` });
    }
  });
  b.preferredBatchSizes?.forEach((size, i) => {
    if (size > b.maxBatchSize) {
      problems.push({ path: `${path}.preferredBatchSizes[${i}]`, code: 'batching-preferred', message: `must be <= maxBatchSize (${b.maxBatchSize})` });
    }
  });
  if (b.gpu !== undefined && !gpuInstances(catalog).includes(b.gpu)) {
    problems.push({ path: `${path}.gpu`, code: 'unknown-price', message: `no GPU instance type "${b.gpu}" in the price catalog${didYouMean(b.gpu, gpuInstances(catalog))}` });
  }
  if (b.gpu === undefined && b.gpusPerReplica !== undefined) {
    problems.push({ path: `${path}.gpusPerReplica`, code: 'batching-gpu', message: 'needs gpu: the catalog instance type whose GPUs the replica uses' });
  }
}
