/**
 * The order composition reaches the nodes that wait on sampled pools' runs
 * made ahead (poolJobs.ts): each as soon as what it needs is ready, so that
 * composition waits for a run, or makes one itself, only when it has nothing
 * else left to compose.
 */
import type { RunsAhead } from './poolJobs';

/**
 * Composes (`compose`, by step of `order`) every node that `waits` marks (by
 * node number): each one once its sync calls to other such nodes are
 * composed and, for a pool made ahead, once its run is ready; when none is
 * left to compose, `ahead.next()` makes one more run ready. A node's latency
 * depends only on its callees' and on its own run, so this order gives the
 * figures the order's own would, whenever each run comes.
 */
export function composeAsRunsArrive(
  order: readonly string[],
  steps: ArrayLike<number>,
  syncOut: readonly (number[] | undefined)[],
  target: ArrayLike<number>,
  waits: Uint8Array,
  ahead: RunsAhead,
  compose: (step: number) => void,
): void {
  // Each waiting node's needs not met yet: its own run, where it is made ahead, and each sync call to another waiting node.
  const unmet = new Int32Array(waits.length);
  const stepOf = new Int32Array(waits.length).fill(-1);
  const callers: (number[] | undefined)[] = new Array(waits.length);
  // The pools made ahead whose runs composition has not seen ready, by step.
  let pools: number[] = [];
  let left = 0;
  for (let i = order.length - 1; i >= 0; i--) {
    const v = steps[i]!;
    if (waits[v] !== 1 || stepOf[v]! >= 0) continue;
    stepOf[v] = i;
    left++;
    if (ahead.ids.has(order[i]!)) {
      unmet[v]!++;
      pools.push(i);
    }
    for (const e of syncOut[v] ?? []) {
      if (waits[target[e]!] !== 1) continue;
      unmet[v]!++;
      (callers[target[e]!] ??= []).push(v);
    }
  }
  const ready: number[] = [];
  const met = (v: number) => {
    if (--unmet[v]! === 0) ready.push(v);
  };
  while (left > 0) {
    pools = pools.filter((i) => {
      if (!ahead.ready(order[i]!)) return true;
      met(steps[i]!);
      return false;
    });
    if (ready.length === 0) ahead.next();
    while (ready.length > 0) {
      const v = ready.pop()!;
      compose(stepOf[v]!);
      left--;
      for (const caller of callers[v] ?? []) met(caller);
    }
  }
}
