import type { Diagram } from '../model/schema';
import { ALL_MODES, numberDiagramEdges, walkFrom } from '../lint/graphQueries';
import type { Problem } from '../model/problems';
import { formatMs, formatPercent, formatQps, formatUsd } from '../units';
import type { Diagnostic, NodeEstimate } from './output';
import type { Queueing } from './queueing';
import { HIGH_UTILIZATION } from './utilization';
import { nodeNumbers, nodesById } from './nodeIndex';

/** Structural problems of an in-memory diagram as error diagnostics, located on their node or edge. */
export function structureDiagnostics(diagram: Diagram, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((problem) => {
    const diagnostic: Diagnostic = { severity: 'error', code: problem.code ?? 'invalid-diagram', message: `${problem.path}: ${problem.message}` };
    const match = /^(nodes|edges)\[(\d+)\]/.exec(problem.path);
    if (match?.[1] === 'nodes') diagnostic.node = diagram.nodes[Number(match[2])]?.id;
    if (match?.[1] === 'edges') diagnostic.edge = diagram.edges[Number(match[2])]?.id;
    return diagnostic;
  });
}

/** Saturated and nearly saturated servers, in the order of their nodes. */
export function queueDiagnostics(diagram: Diagram, queues: ReadonlyMap<string, Queueing>, qps: (id: string) => number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const { nodes } = diagram;
  const numbers = nodeNumbers(nodes);
  // Most nodes get no message: with each id once, the queues are read first and only the nodes of those that get one are
  // taken, by node number (the nodes' order), without looking every node's id up.
  // Stryker disable next-line ConditionalExpression,BlockStatement: the loop over every node below gives the same messages
  if (numbers.size === nodes.length) {
    const busy: number[] = [];
    for (const [id, q] of queues) {
      if (!(q.saturated || q.utilization > HIGH_UTILIZATION)) continue;
      const v = numbers.get(id);
      if (v !== undefined) busy.push(v);
    }
    busy.sort((a, b) => a - b);
    for (const v of busy) diagnostics.push(queueDiagnostic(nodes[v]!, queues.get(nodes[v]!.id)!, qps));
    return diagnostics;
  }
  for (const node of nodes) {
    const q = queues.get(node.id);
    if (!q || !(q.saturated || q.utilization > HIGH_UTILIZATION)) continue;
    diagnostics.push(queueDiagnostic(node, q, qps));
  }
  return diagnostics;
}

/** The message of one saturated or nearly saturated server. */
function queueDiagnostic(node: Diagram['nodes'][number], q: Queueing, qps: (id: string) => number): Diagnostic {
  const servers = `${q.replicas} replica${q.replicas === 1 ? '' : 's'} x concurrency ${q.servers / q.replicas}`;
  if (q.saturated) return { severity: 'error', code: 'saturated', node: node.id, message: saturatedMessage(node.label, q, qps(node.id), servers) };
  const capped = q.maxReplicas !== undefined && q.neededReplicas > q.maxReplicas ? `, held at its limit of ${q.maxReplicas} replicas where it needs ${q.neededReplicas}` : '';
  return {
    severity: 'warning',
    code: 'high-utilization',
    node: node.id,
    message:
      `"${node.label}" runs at ${formatPercent(q.utilization)} utilization at peak (${servers}${capped}): queueing delay grows steeply ` +
      `above ${formatPercent(HIGH_UTILIZATION)}. Add replicas or lower targetUtilization.`,
  };
}

/** Why a node is saturated: its replica limit, its shards, or its fixed servers. */
function saturatedMessage(label: string, q: Queueing, peakQps: number, servers: string): string {
  const unbounded = 'its latency and that of everything calling it is unbounded';
  if (q.shardCeilingQps !== undefined && !(peakQps < q.shardCeilingQps)) {
    return `"${label}" needs ${formatQps(peakQps)}, its shards serve at most ${formatQps(q.shardCeilingQps)}: saturated; ${unbounded}. Add shards.`;
  }
  if (q.maxReplicas !== undefined && q.neededReplicas > q.maxReplicas) {
    return `"${label}" needs ${q.neededReplicas} replicas, limit ${q.maxReplicas}: saturated; ${unbounded}. Raise maxReplicas or cut its load.`;
  }
  return (
    `"${label}" is saturated: ${formatQps(peakQps)} at peak needs ${q.offeredLoad.toFixed(1)} busy servers but it has ` +
    `${servers}; ${unbounded}. Add replicas, use "auto", or cut its load with a cache.`
  );
}

/** Nodes that no traffic entry reaches by any edge, or a diagram with no traffic at all. */
export function reachDiagnostics(diagram: Diagram): Diagnostic[] {
  if (diagram.nodes.length > 0 && !diagram.nodes.some((n) => n.kind === 'traffic')) {
    return [{ severity: 'warning', code: 'no-traffic', message: 'no traffic node: add one to say how much load enters, or every rate is 0' }];
  }
  // Over the node numbers (shared with the lint within an estimate): the entries, and what any edge from them reaches.
  // A node whose number is an entry's has an entry's id (an id has one number).
  const g = numberDiagramEdges(diagram);
  const start: number[] = [];
  const isEntry = new Uint8Array(diagram.nodes.length);
  diagram.nodes.forEach((n, i) => {
    if (n.kind !== 'traffic') return;
    start.push(g.nodeNumber[i]!);
    isEntry[g.nodeNumber[i]!] = 1;
  });
  const reached = walkFrom(g, ALL_MODES, false, start);
  const diagnostics: Diagnostic[] = [];
  diagram.nodes.forEach((n, i) => {
    const v = g.nodeNumber[i]!;
    if (isEntry[v] === 1 || reached[v] === 1) return;
    diagnostics.push({
      severity: 'warning',
      code: 'unreachable',
      node: n.id,
      message: `"${n.label}" is not reachable from any traffic entry: connect it, or it receives no load and may be left over`,
    });
  });
  return diagnostics;
}

/** p99 and cost against the diagram's budgets. */
export function budgetDiagnostics(
  diagram: Diagram,
  entries: readonly { node: string; p99Ms: number | null }[],
  totalCostUsd: number,
  nodes: readonly NodeEstimate[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const limit = diagram.budgets?.p99Ms;
  const byId = nodesById(diagram.nodes);
  if (limit !== undefined) {
    for (const entry of entries) {
      if (entry.p99Ms !== null && entry.p99Ms <= limit) continue;
      diagnostics.push({
        severity: 'error',
        code: 'p99-over-budget',
        node: entry.node,
        message:
          `requests from "${byId.get(entry.node)?.label}" take ${formatMs(entry.p99Ms)} at p99, over the ${formatMs(limit)} budget: ` +
          'see where the tail comes from (p99 breakdown), then cache, parallelise stages or cut fan-out.',
      });
    }
  }
  const costLimit = diagram.budgets?.monthlyCostUsd;
  if (costLimit !== undefined && totalCostUsd > costLimit) {
    const top = [...nodes].sort((a, b) => b.costUsdPerMonth.total - a.costUsdPerMonth.total).slice(0, 3);
    diagnostics.push({
      severity: 'error',
      code: 'cost-over-budget',
      message:
        `the design costs ${formatUsd(totalCostUsd)}/mo, over the ${formatUsd(costLimit)}/mo budget; the largest items: ` +
        top.map((n) => `"${byId.get(n.id)?.label}" ${formatUsd(n.costUsdPerMonth.total)}`).join(', '),
    });
  }
  return diagnostics;
}

