/**
 * A diagram's nodes by id, looked up by every pass of an estimate (rates,
 * queueing, latencies, breakdown, diagnostics, lint). Within one estimate the
 * diagram does not change, so the index is built once per list of nodes and
 * shared; outside an estimate each call builds its own, so a caller that
 * edits a list of nodes in place is never answered from a stale index.
 */
import { Memo } from '../memo';
import type { DiagramNode } from '../model/schema';

/** Indexes of the lists of nodes one estimate looks at: the design, and its variants (scaled traffic, the busiest hour). */
const indexes = new Memo<readonly DiagramNode[], ReadonlyMap<string, DiagramNode>>(8);
let estimating = 0;

/**
 * Runs `work` (one estimate) with the nodes' indexes shared by its passes;
 * they are dropped when it ends.
 */
export function withNodeIndex<T>(work: () => T): T {
  estimating++;
  try {
    return work();
  } finally {
    if (--estimating === 0) indexes.clear();
  }
}

/** The nodes by id (the last one, should an id repeat), for the list as it is now. */
export function nodesById(nodes: readonly DiagramNode[]): ReadonlyMap<string, DiagramNode> {
  if (estimating === 0) return indexOf(nodes);
  let index = indexes.get(nodes);
  if (!index) {
    index = indexOf(nodes);
    indexes.set(nodes, index);
  }
  return index;
}

function indexOf(nodes: readonly DiagramNode[]): Map<string, DiagramNode> {
  const index = new Map<string, DiagramNode>();
  for (const node of nodes) index.set(node.id, node);
  return index;
}
