import { topologicalOrder } from '../model/graph';
import type { Diagram } from '../model/schema';
import { solve } from './solve';

/**
 * The diagram with every "auto" pool fixed at the replicas it is sized to at
 * this diagram's own load (capped by maxReplicas; batching pools as the
 * batcher sizes them): the fleet a what-if holds still while the load moves.
 * Pools with a fixed count, and nodes without latency or capacity, are left
 * as they are. Assumes a structurally valid diagram.
 */
export function holdFleet(diagram: Diagram): Diagram {
  const { modelled } = solve(diagram, topologicalOrder(diagram));
  return {
    ...diagram,
    nodes: diagram.nodes.map((node) => {
      const queue = modelled.get(node.id);
      if (!queue || !node.capacity || (node.capacity.replicas ?? 'auto') !== 'auto') return node;
      return { ...node, capacity: { ...node.capacity, replicas: queue.replicas } };
    }),
  };
}
