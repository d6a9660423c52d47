import type { Diagram } from '../model/schema';
import { ALL_MODES, numberDiagramEdges, walkFrom } from '../lint/graphQueries';
import type { Problem } from '../model/problems';
import { formatMs, formatPercent, formatQps, formatUsd } from '../units';
import type { Diagnostic, NodeEstimate } from './output';
import type { Queueing } from './queueing';
import { HIGH_UTILIZATION } from './utilization';
import { nodesById } from './nodeIndex';

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

/** Saturated and nearly saturated servers. */
export function queueDiagnostics(diagram: Diagram, queues: ReadonlyMap<string, Queueing>, qps: (id: string) => number): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const node of diagram.nodes) {
    const q = queues.get(node.id);
    // Most nodes get no message: the text of their servers is made only for those that do.
    if (!q || !(q.saturated || q.utilization > HIGH_UTILIZATION)) continue;
    const servers = `${q.replicas} replica${q.replicas === 1 ? '' : 's'} x concurrency ${q.servers / q.replicas}`;
    if (q.saturated) {
      diagnostics.push({ severity: 'error', code: 'saturated', node: node.id, message: saturatedMessage(node.label, q, qps(node.id), servers) });
    } else {
      const capped = q.maxReplicas !== undefined && q.neededReplicas > q.maxReplicas ? `, held at its limit of ${q.maxReplicas} replicas where it needs ${q.neededReplicas}` : '';
      diagnostics.push({
        severity: 'warning',
        code: 'high-utilization',
        node: node.id,
        message:
          `"${node.label}" runs at ${formatPercent(q.utilization)} utilization at peak (${servers}${capped}): queueing delay grows steeply ` +
          `above ${formatPercent(HIGH_UTILIZATION)}. Add replicas or lower targetUtilization.`,
      });
    }
  }
  return diagnostics;
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
  const entries = diagram.nodes.filter((n) => n.kind === 'traffic');
  if (diagram.nodes.length > 0 && entries.length === 0) {
    return [{ severity: 'warning', code: 'no-traffic', message: 'no traffic node: add one to say how much load enters, or every rate is 0' }];
  }
  // Over the node numbers (shared with the lint within an estimate): the entries, and what any edge from them reaches.
  const g = numberDiagramEdges(diagram);
  const start: number[] = [];
  diagram.nodes.forEach((n, i) => {
    if (n.kind === 'traffic') start.push(g.nodeNumber[i]!);
  });
  const reached = walkFrom(g, ALL_MODES, false, start);
  const entryIds = new Set(entries.map((n) => n.id));
  return diagram.nodes
    .filter((n, i) => !entryIds.has(n.id) && reached[g.nodeNumber[i]!] !== 1)
    .map((n) => ({
      severity: 'warning' as const,
      code: 'unreachable',
      node: n.id,
      message: `"${n.label}" is not reachable from any traffic entry: connect it, or it receives no load and may be left over`,
    }));
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

