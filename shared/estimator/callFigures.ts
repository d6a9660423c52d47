/**
 * What the estimate reports of each edge with retries or hedges: copies per
 * call, the extra load, the p99 of the call with and without its policy, and
 * the retry-storm diagnostic.
 */
import type { Diagram } from '../model/schema';
import { round6 } from '../numbers';
import { formatPercent, formatQps } from '../units';
import type { CallEstimate, Diagnostic } from './output';
import { passShare } from './rates';
import type { Solution } from './solve';
import { mostAttempts } from './callPolicy';
import { nodesById } from './nodeIndex';
import { latencyById } from './latency';

/** The diagram's nodes and edges by id, so a figure per policy edge costs no search. */
interface Index {
  nodes: ReadonlyMap<string, Diagram['nodes'][number]>;
  edges: Map<string, Diagram['edges'][number]>;
}

function indexOf(diagram: Diagram): Index {
  return { nodes: nodesById(diagram.nodes), edges: new Map(diagram.edges.map((e) => [e.id, e])) };
}

function label(index: Index, id: string): string {
  return index.nodes.get(id)?.label ?? id;
}

/** Peak rate of calls the caller makes on an edge, before retries and hedges. */
function callRate(index: Index, solution: Solution, edgeId: string): { edge: Diagram['edges'][number]; qps: number } {
  const edge = index.edges.get(edgeId)!;
  const caller = index.nodes.get(edge.source)!;
  return { edge, qps: solution.rates.get(edge.source)!.peak * passShare(caller) * (edge.calls ?? 1) };
}

/** One figure set per edge with a retry or hedge policy. */
export function callEstimates(diagram: Diagram, solution: Solution): CallEstimate[] {
  const index = indexOf(diagram);
  return [...solution.policies].map(([id, outcome]) => {
    const { edge, qps } = callRate(index, solution, id);
    const amplification = solution.amplification.get(id) ?? 1;
    const callee = latencyById(solution.numbered, edge.target)?.total ?? null;
    return {
      edge: id,
      amplification: round6(amplification),
      extraPeakQps: round6(qps * (amplification - 1)),
      failedShare: round6(outcome?.failedShare ?? 0),
      hedge: outcome?.hedge ? { afterMs: round6(outcome.hedge.afterMs), share: round6(outcome.hedge.share) } : null,
      p99Ms: outcome ? round6(outcome.time.quantile(0.99)) : null,
      p99WithoutPolicyMs: callee ? round6(callee.quantile(0.99)) : null,
    };
  });
}

/**
 * Retry storms (retries that would saturate the callee if it failed: every
 * attempt retried, R + 1 copies per call), load and latency that did not
 * settle, and calls that still fail after every retry.
 */
export function callPolicyDiagnostics(diagram: Diagram, solution: Solution): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the index is read only for a call with a policy; building it anyway changes nothing
  const index = solution.policies.size > 0 ? indexOf(diagram) : undefined;
  for (const [id, outcome] of solution.policies) {
    const { edge, qps } = callRate(index!, solution, id);
    const callee = label(index!, edge.target);
    const queue = solution.modelled.get(edge.target);
    const amplification = solution.amplification.get(id) ?? 1;
    if (edge.retry && queue && !queue.saturated) {
      const worst = mostAttempts(edge) * (1 + (outcome?.hedge?.share ?? 0));
      const calleeQps = solution.rates.get(edge.target)!.peak;
      const stormUtilization = calleeQps > 0 ? (queue.utilization * (calleeQps + qps * (worst - amplification))) / calleeQps : 0;
      if (stormUtilization >= 1) {
        diagnostics.push({
          severity: 'warning', code: 'retry-storm', node: edge.target, edge: id,
          message:
            `retries from "${label(index!, edge.source)}" could saturate "${callee}": if its calls fail, ${edge.retry.retries ?? 0} retries` +
            `${edge.retry.budget !== undefined ? ` within a ${formatPercent(edge.retry.budget)} budget` : ''} send up to ` +
            `${worst.toFixed(1)}x the ${formatQps(qps)} of calls, taking it to ${formatPercent(stormUtilization)} of its capacity. ` +
            'Cap retries with a retry budget, back off exponentially, or break the circuit.',
        });
      }
    }
    if (outcome && outcome.failedShare >= 1e-3) {
      diagnostics.push({
        severity: 'info', code: 'retries-exhausted', edge: id,
        message: `${formatPercent(outcome.failedShare)} of calls to "${callee}" still fail after ${edge.retry?.retries ?? 0} retries: the caller must answer without it`,
      });
    }
  }
  if (!solution.settled) {
    diagnostics.push({
      severity: 'warning', code: 'retry-feedback',
      message:
        'load and latency do not settle: timeouts and hedges add load, which slows the callees, which adds more timeouts and hedges. ' +
        'The figures shown are after the last round; lengthen timeouts, hedge later, or add capacity.',
    });
  }
  return diagnostics;
}
