import { instancePrice, storageClassPrice, type Catalog } from '../catalog';
import { findKind } from '../kinds';
import type { DiagramNode } from '../model/schema';

/** Hours in the month used for all monthly figures. */
export const HOURS_PER_MONTH = 730;

/**
 * Bytes a node holds (docs/estimator.md, section 4): `storage.bytes`, else
 * replication x bytesPerItem x (items + growthItemsPerDay x retentionDays) / compression,
 * else what the kind derives from its params, else 0. Growth "traffic" is one
 * item per request received at the average rate.
 */
export function storageBytes(node: DiagramNode, avgQps: number): number {
  const s = node.storage;
  if (s) {
    if (s.bytes !== undefined) return s.bytes;
    const growth = s.growthItemsPerDay === 'traffic' ? avgQps * 86_400 : (s.growthItemsPerDay ?? 0);
    const items = (s.items ?? 0) + growth * (s.retentionDays ?? 0);
    return ((s.replication ?? 1) * (s.bytesPerItem ?? 0) * items) / (s.compression ?? 1);
  }
  const derive = findKind(node.kind)?.params;
  if (derive && node.params) return derive.storageBytes(node.params as Record<string, number>);
  return 0;
}

/** A node's monthly cost in US dollars. */
export interface MonthlyCost {
  compute: number;
  storage: number;
  total: number;
}

/**
 * Compute: instances x hourly price x 730 (a priced node without capacity is one
 * instance); storage: GB x price per GB-month. Overrides win over the catalog.
 */
export function monthlyCost(node: DiagramNode, instances: number, bytes: number, catalog: Catalog): MonthlyCost {
  const cost = node.cost;
  const hourly = cost?.hourlyUsd ?? (cost?.instance !== undefined ? instancePrice(catalog, cost.instance)?.hourlyUsd : undefined);
  const perGb =
    cost?.gbMonthUsd ?? (cost?.storageClass !== undefined ? storageClassPrice(catalog, cost.storageClass)?.gbMonthUsd : undefined);
  const compute = hourly === undefined ? 0 : instances * hourly * HOURS_PER_MONTH;
  const storage = perGb === undefined ? 0 : (bytes / 1e9) * perGb;
  return { compute, storage, total: compute + storage };
}
