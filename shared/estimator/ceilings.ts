import { instancePrice, type Catalog } from '../catalog';
import type { Diagram } from '../model/schema';
import { formatBytes, formatQps } from '../units';
import type { Diagnostic, NodeEstimate } from './output';
import { passShare, type Rate } from './rates';
import { nodesById } from './nodeIndex';

/** Durable writes one database primary sustains, per second, unless its capacity.writeQpsPerShard says: a well-provisioned single-leader shard on SSD. */
export const WRITES_PER_SHARD_PER_S = 10_000;

const GIB = 2 ** 30;

/**
 * Physical ceilings that replicas alone do not lift, as warnings: a cache
 * whose data is more than its replicas' memory (its hit rate cannot be what
 * the design says; a cache whose bytes carry a storage price buys what holds them), and a database whose writes (requests arriving over async
 * edges, plus stored items growing) pass writeQpsPerShard (default
 * WRITES_PER_SHARD_PER_S) per shard.
 */
export function ceilingDiagnostics(
  diagram: Diagram,
  nodes: readonly NodeEstimate[],
  rates: ReadonlyMap<string, Rate>,
  catalog: Catalog,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // The figures are usually in the diagram's order; a map finds them otherwise.
  const inOrder = nodes.length === diagram.nodes.length && nodes.every((n, i) => n.id === diagram.nodes[i]!.id);
  const byId = inOrder ? undefined : new Map(nodes.map((n) => [n.id, n]));
  const asyncWritesPerS = new Map<string, number>();
  const asyncEdges = diagram.edges.filter((e) => e.mode === 'async');
  const diagramNodes = asyncEdges.length > 0 ? nodesById(diagram.nodes) : undefined;
  for (const e of asyncEdges) {
    // Stryker disable next-line ConditionalExpression,OptionalChaining: the writes are read only for databases, so a target of another kind changes nothing
    if (diagramNodes!.get(e.target)?.kind !== 'database') continue;
    const writes = rates.get(e.source)!.peak * passShare(diagramNodes!.get(e.source)!) * (e.calls ?? 1);
    asyncWritesPerS.set(e.target, (asyncWritesPerS.get(e.target) ?? 0) + writes);
  }
  diagram.nodes.forEach((node, i) => {
    const figures = byId ? byId.get(node.id)! : nodes[i]!;
    // A cache whose bytes are priced (as RAM, SSD) pays for what holds them; otherwise its instances' memory is all it has.
    const pricedStorage = node.cost?.storageClass !== undefined || node.cost?.gbMonthUsd !== undefined;
    if (node.kind === 'cache' && !pricedStorage && node.cost?.instance !== undefined && figures.replicas !== null && figures.storageBytes > 0) {
      const memoryGib = instancePrice(catalog, node.cost.instance)?.memoryGib;
      // Stryker disable next-line ConditionalExpression: without a known memory the product is NaN, which no size exceeds either
      const memoryBytes = memoryGib === undefined ? Infinity : figures.replicas * memoryGib * GIB;
      if (figures.storageBytes > memoryBytes) {
        const needed = Math.ceil(figures.storageBytes / (memoryGib! * GIB));
        diagnostics.push({
          severity: 'warning',
          code: 'cache-memory',
          node: node.id,
          message:
            `"${node.label}" holds ${formatBytes(figures.storageBytes)} but its ${figures.replicas} x ${node.cost.instance} have ${formatBytes(memoryBytes)} of memory: ` +
            `the working set does not fit, so fewer requests hit than its hit rate says. About ${needed} replicas would hold it (minReplicas), or keep less.`,
        });
      }
    }
    if (node.kind === 'database') {
      const writesPerS = (asyncWritesPerS.get(node.id) ?? 0) + growthPerS(node.storage?.growthItemsPerDay, rates.get(node.id)!.avg);
      const shards = node.capacity?.shards ?? 1;
      const perShard = node.capacity?.writeQpsPerShard ?? WRITES_PER_SHARD_PER_S;
      if (writesPerS > shards * perShard) {
        diagnostics.push({
          severity: 'warning',
          code: 'write-ceiling',
          node: node.id,
          message:
            `"${node.label}" takes about ${formatQps(writesPerS)} of writes at peak, more than ${shards} shard${shards === 1 ? '' : 's'} sustain ` +
            `(~${formatQps(perShard)} each on one primary): more replicas only add readers. Shard it (capacity.shards) or batch the writes.`,
        });
      }
    }
  });
  return diagnostics;
}

function growthPerS(growth: number | 'traffic' | undefined, avgQps: number): number {
  if (growth === undefined) return 0;
  return growth === 'traffic' ? avgQps : growth / 86_400;
}
