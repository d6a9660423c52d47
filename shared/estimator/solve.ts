/**
 * Rates, servers and latencies together. Where an edge's load depends on the
 * callee's latency (a timeout that triggers retries, a hedge sent after a
 * delay), the two are solved in rounds: latencies at the current copies per
 * call give new copies per call, until they settle.
 */
import type { Diagram } from '../model/schema';
import type { BatchingRun } from './batching';
import { batchingQueue } from './batching';
import { callPolicy, hasCallPolicy, loadDependsOnLatency, staticAmplification, type CallPolicyOutcome } from './callPolicy';
import type { Dist } from './grid';
import { composeByNumber, sampledParts, type NumberedLatencies, type Sampled } from './latency';
import type { PoolRunner } from './poolJobs';
import { capacityInput, queueing, serviceTime, type Queueing } from './queueing';
import { ratesById, ratesByNumber, type Rate } from './rates';
import { batchingRuns } from './servingFigures';
import { nodeNumbers, nodesById, slots } from './nodeIndex';

/** Rounds of the load-latency iteration before the estimate says it did not settle. */
export const MAX_ROUNDS = 8;
/** Copies per call settle when no edge's changes by more than this share in a round. */
const SETTLED = 1e-3;

export interface Solution {
  rates: Map<string, Rate>;
  /** Queues of nodes modelled by Erlang C / Allen-Cunneen. */
  queues: Map<string, Queueing>;
  /** Batching pools, by node. */
  runs: Map<string, BatchingRun>;
  /** Every modelled node as a queue (batching pools included). */
  modelled: Map<string, Queueing>;
  /** The same rates and queues by node number (nodeNumbers), for the passes that walk every node. */
  rateOf: Rate[];
  modelledOf: (Queueing | undefined)[];
  /** Every node's latency by node number (latencyById finds one by id). */
  numbered: NumberedLatencies;
  /** The pools and chains sampled instead of modelled. */
  sampled: Sampled;
  /** Each policy edge's outcome per call (null where the callee is unbounded). */
  policies: Map<string, CallPolicyOutcome | null>;
  /** Copies per call on each policy edge, as the rates used them. */
  amplification: Map<string, number>;
  settled: boolean;
}

function solveOnce(diagram: Diagram, order: readonly string[], amplification: Map<string, number>, runner: PoolRunner | undefined): Solution {
  const { nodes } = diagram;
  const rateOf = ratesByNumber(diagram, amplification, order);
  const rates = ratesById(nodes, rateOf);
  const runs = batchingRuns(diagram, rates);
  const queues = new Map<string, Queueing>();
  // Every modelled queue: those of queues, in their order, then the batching pools' (filled together, not copied after).
  const modelled = new Map<string, Queueing>();
  // By node number as well: ids are unique in an estimate (each node is its own number), elsewhere an id's last node answers for it.
  const numbers = nodeNumbers(nodes);
  const unique = numbers.size === nodes.length;
  const modelledOf = slots<Queueing>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (!node.latency || !node.capacity || runs.has(node.id)) continue;
    const v = unique ? i : numbers.get(node.id)!;
    const queue = queueing(rateOf[v]!.peak, serviceTime(node.latency.p50Ms, node.latency.p99Ms), capacityInput(node.capacity));
    queues.set(node.id, queue);
    modelled.set(node.id, queue);
    modelledOf[v] = queue;
  }
  const owns = new Map<string, Dist>();
  const byId = runs.size > 0 ? nodesById(nodes) : undefined;
  for (const [id, run] of runs) {
    const queue = batchingQueue(run, capacityInput(byId!.get(id)!.capacity ?? {}));
    modelled.set(id, queue);
    modelledOf[numbers.get(id)!] = queue;
    if (run.own) owns.set(id, run.own);
  }
  const sampled = sampledParts(diagram, modelled);
  const numbered = composeByNumber(diagram, order, { byId: modelled, byNumber: modelledOf }, rates, owns, sampled, runner);
  const policies = new Map<string, CallPolicyOutcome | null>();
  for (const edge of diagram.edges) {
    if (!hasCallPolicy(edge) || (edge.mode ?? 'sync') === 'offline') continue;
    const v = numbers.get(edge.target);
    const callee = (v === undefined ? undefined : numbered.of[v])?.total ?? null;
    policies.set(edge.id, callee ? callPolicy(edge, callee) : null);
  }
  return { rates, rateOf, queues, runs, modelled, modelledOf, numbered, sampled, policies, amplification, settled: true };
}

/** Solves the diagram, iterating where edges' loads depend on latencies; a `runner` makes sampled pools' runs beside it (poolJobs.ts). */
export function solve(diagram: Diagram, order: readonly string[], runner?: PoolRunner): Solution {
  const amplification = new Map(diagram.edges.filter(hasCallPolicy).map((e) => [e.id, staticAmplification(e)]));
  let solution = solveOnce(diagram, order, amplification, runner);
  if (!diagram.edges.some((e) => hasCallPolicy(e) && loadDependsOnLatency(e))) return solution;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const next = new Map(solution.amplification);
    let change = 0;
    for (const [id, outcome] of solution.policies) {
      if (!outcome) continue;
      const before = next.get(id)!;
      change = Math.max(change, Math.abs(outcome.amplification - before) / before);
      next.set(id, outcome.amplification);
    }
    if (change < SETTLED) return solution;
    solution = solveOnce(diagram, order, next, runner);
  }
  return { ...solution, settled: false };
}
