import type { Diagram } from '../model/schema';
import { capacityInput, neededReplicas, serviceTime } from './queueing';
import { propagateRates } from './rates';

/**
 * The diagram with every "auto" pool fixed at the replicas it is sized to at
 * this diagram's own load (capped by maxReplicas): the fleet a what-if holds
 * still while the load moves. Pools with a fixed count, and nodes without
 * latency or capacity, are left as they are. Assumes a structurally valid diagram.
 */
export function holdFleet(diagram: Diagram): Diagram {
  const rates = propagateRates(diagram);
  return {
    ...diagram,
    nodes: diagram.nodes.map((node) => {
      if (!node.latency || !node.capacity || (node.capacity.replicas ?? 'auto') !== 'auto') return node;
      const capacity = capacityInput(node.capacity);
      const service = serviceTime(node.latency.p50Ms, node.latency.p99Ms);
      const replicas = Math.min(capacity.maxReplicas ?? Infinity, neededReplicas(rates.get(node.id)!.peak, service, capacity));
      return { ...node, capacity: { ...node.capacity, replicas } };
    }),
  };
}
