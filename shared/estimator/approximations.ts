/**
 * Diagnostics for the regimes where the estimator's queueing model is known
 * to be approximate, measured against the simulator (docs/accuracy.md): the
 * node says so, and how to check.
 */
import type { Diagram } from '../model/schema';
import type { Diagnostic } from './output';
import { MAX_SIMULATED_POOLS, type PoolArrivals } from './batches';
import type { Queueing } from './queueing';
import { MAX_SIMULATED_CHAIN_NODES } from './chains';
import { sampledParts, type Sampled } from './latency';
import { longestRuns } from '../lint/graphQueries';
import { edgeEnds, nodeNumbers, nodesById } from './nodeIndex';

/** Single-server stages in a row from which a chain is flagged. */
export const CHAIN_LENGTH = 3;

/**
 * Parallel copies of one request reach the same pool at the same instant and
 * queue behind each other; copies in turn find the queue the one before left.
 * Where that matters the estimator samples the pool with those arrivals
 * (poolRun.ts): close, but sampled, so the node says so. Beyond
 * MAX_SIMULATED_POOLS such pools the rest keep the analytic model, which is
 * optimistic there: a warning on each. `sampled` is what the estimate sampled
 * (chosen again from the queues unless given).
 */
export function batchArrivalDiagnostics(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  queues: ReadonlyMap<string, Queueing>,
  sampled: Sampled = sampledParts(diagram, queues),
): Diagnostic[] {
  const byId = nodesById(diagram.nodes);
  const { simulated, skipped } = sampled.pools;
  const servers = (id: string) => {
    const q = queues.get(id)!;
    return `${q.servers} server${q.servers === 1 ? '' : 's'} of "${byId.get(id)?.label}"`;
  };
  const together = (id: string, copies: number) => {
    const q = queues.get(id)!;
    return `${copies} copies arrive together into ${servers(id)} (${(q.servers - q.offeredLoad).toFixed(1)} idle on average) and queue behind each other`;
  };
  const inTurn = (id: string, copies: number) =>
    `${copies} copies in turn into ${servers(id)}, where ${Math.round(queues.get(id)!.waitProbability * 100)}% of requests wait: ` +
    'a copy that waited leaves the next one likely to wait too';
  const described = (id: string, a: PoolArrivals) => [
    ...(a.together ? [{ code: 'batch-arrivals', text: together(id, a.together), how: 'its batch arrivals' }] : []),
    ...(a.inTurn ? [{ code: 'sequential-waits', text: inTurn(id, a.inTurn), how: 'its copies in turn' }] : []),
  ];
  const diagnostics: Diagnostic[] = [];
  for (const [id, arrivals] of simulated) {
    for (const { code, text, how } of described(id, arrivals)) {
      diagnostics.push({
        severity: 'info',
        code,
        node: id,
        message: `${text}: its figures come from a sampled run of this pool with ${how}, good to a few percent. ` +
          'Check the whole design by simulation (mlsd simulate), or add servers.',
      });
    }
  }
  const total = simulated.size + skipped.size;
  for (const [id, arrivals] of skipped) {
    for (const { code, text } of described(id, arrivals)) {
      diagnostics.push({
        severity: 'warning',
        code: `${code}-not-sampled`,
        node: id,
        message:
          `${text}, but the design has ${total} such pools and only the ${MAX_SIMULATED_POOLS} where these arrivals weigh most ` +
          'are sampled: this one keeps the model of independent arrivals, so its callers\' tail figures are optimistic. ' +
          'Check by simulation (mlsd simulate), or add servers.',
      });
    }
  }
  return diagnostics;
}

/**
 * Single-server nodes called one after another: each smooths the arrivals of
 * the next, and a request's waits along them go together. A chain of plain
 * calls (chains.ts) is sampled as a whole: the node says so. Three or more in
 * a row that are not such a chain (a node that also calls others, or is
 * called from elsewhere) keep the stage-by-stage model, whose waits
 * downstream err long (on the safe side): the node says that instead.
 * `sampled` is what the estimate sampled (chosen again unless given).
 */
export function chainDiagnostics(
  diagram: Pick<Diagram, 'nodes' | 'edges'>,
  queues: ReadonlyMap<string, Queueing>,
  sampled: Sampled = sampledParts(diagram, queues),
): Diagnostic[] {
  const byId = nodesById(diagram.nodes);
  const { chains, skipped } = sampled.chains;
  const inChains = new Set(chains.flat());
  const diagnostics: Diagnostic[] = chains.map((chain) => ({
    severity: 'info' as const,
    code: 'single-server-chain',
    node: chain[0]!,
    message:
      `"${byId.get(chain[0]!)?.label}" starts a chain of ${chain.length} single-server nodes: each smooths the arrivals of the next and a ` +
      "request's waits along it go together, so the chain's figures come from a sampled run of it as a whole, good to a few percent. " +
      'Check the whole design by simulation (mlsd simulate).',
  }));
  // By node number: 1 for a single server outside the sampled chains (the queues read once, the few such looked up).
  const { nodes, edges } = diagram;
  const numbers = nodeNumbers(nodes);
  const single = new Uint8Array(nodes.length);
  for (const [id, q] of queues) {
    if (q.saturated || q.servers !== 1 || inChains.has(id)) continue;
    const v = numbers.get(id);
    // Stryker disable next-line ConditionalExpression: a typed array ignores a write at undefined
    if (v !== undefined) single[v] = 1;
  }
  const { source, target } = edgeEnds(diagram);
  const next = new Map<string, string[]>();
  const hasSingleCaller = new Set<string>();
  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]!;
    // An end with no node (-1) reads undefined, not 1.
    if ((edge.mode ?? 'sync') !== 'sync' || single[source[e]!] !== 1 || single[target[e]!] !== 1) continue;
    const list = next.get(edge.source);
    if (list) list.push(edge.target);
    else next.set(edge.source, [edge.target]);
    hasSingleCaller.add(edge.target);
  }
  const length = longestRuns(next);
  const notSampled = new Set(skipped.flat());
  const unique = numbers.size === nodes.length;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (single[unique ? i : numbers.get(node.id)!] !== 1 || hasSingleCaller.has(node.id)) continue;
    const run = length(node.id);
    if (run < CHAIN_LENGTH) continue;
    diagnostics.push({
      severity: 'info',
      code: 'single-server-chain',
      node: node.id,
      message:
        `"${node.label}" starts a chain of ${run} single-server nodes: each smooths the arrivals of the next, so waits ` +
        `further down are shorter than estimated (the figures err on the safe side)${notSampled.has(node.id) ? `; only ${MAX_SIMULATED_CHAIN_NODES} chain members are sampled per estimate` : ''}. ` +
        'Check by simulation (mlsd simulate).',
    });
  }
  return diagnostics;
}
