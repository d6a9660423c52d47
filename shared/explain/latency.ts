/**
 * Latency figures are percentiles of distributions, so they are not sums of
 * the numbers shown: these derivations say what was composed (the node's own
 * service time and queueing wait, its calls stage by stage, its hit rate) and
 * that the p99 is read off the composed distribution, with the sum of the
 * parts' p99s beside it to show how far that shortcut would be off.
 */
import { mostCallsInTurn, widestParallelCalls } from '../estimator/batches';
import { syncStages } from '../estimator/latency';
import { formatMs } from '../units';
import { num, op, type Term, type ValueTerm } from './expression';
import { checkedDerivation, figureTerm, quoted, type ExplainContext } from './context';
import { loadSteps } from './servers';
import { noDerivation, type Derivation, type Step } from './figures';

/** A chance of waiting below which the wait is not worth a line. */
const NEGLIGIBLE_WAIT = 1e-9;

/** The node's own time: service (and its queueing wait where it has servers). */
function ownStep(ctx: ExplainContext, id: string): { step: Step; p99Ms: number } | undefined {
  const node = ctx.node(id)!;
  if (!node.latency) return undefined;
  const at = ctx.at(id);
  const parts: ValueTerm[] = [
    num(node.latency.p50Ms, 'ms', 'p50 service', { path: `${at}.latency.p50Ms` }),
    num(node.latency.p99Ms, 'ms', 'p99 service', { path: `${at}.latency.p99Ms` }),
  ];
  let method = 'log-normal service time through its p50 and p99; no servers modelled, so no wait';
  const load = loadSteps(ctx, id);
  if (load && !load.queue.saturated) {
    const q = load.queue;
    parts.push(num(q.servers, 'number', 'servers'), num(q.utilization, 'percent', 'busy'));
    const sampled = (code: string) => ctx.diagnosticsOf(id).some((d) => d.code === code && d.severity === 'info');
    if (sampled('batch-arrivals')) {
      method = `log-normal service plus the wait of ${widestParallelCalls(ctx.diagram).get(id) ?? 0} copies arriving together, simulated with batch arrivals`;
    } else if (sampled('sequential-waits')) {
      method = `log-normal service plus the wait of ${mostCallsInTurn(ctx.diagram).get(id) ?? 0} copies in turn, each finding the queue the one before left, simulated`;
    }
    else if (q.servers === 1) method = 'log-normal service plus the exact single-server wait (Pollaczek-Khinchine)';
    else if (q.waitProbability < NEGLIGIBLE_WAIT) method = 'log-normal service; the chance of waiting for a server (Erlang C) is below one in a billion';
    else {
      parts.push(num(q.waitProbability, 'percent', 'chance of waiting (Erlang C)'), num(q.waitWhenWaitingMs, 'ms', 'mean wait when waiting (Allen-Cunneen)'));
      method = 'log-normal service plus an exponential wait taken with the Erlang C chance';
    }
  }
  return { step: { name: 'Own time', result: num(node.latency.p99Ms, 'ms', 'p99 of service alone'), parts, method }, p99Ms: node.latency.p99Ms };
}

/** The calls on a miss, stage by stage: the slowest call of a stage, then the next stage. */
function callSteps(ctx: ExplainContext, id: string): { steps: Step[]; sumP99Ms: number } {
  const node = ctx.node(id)!;
  const sync = ctx.edgesOutOf(id).filter((e) => (e.mode ?? 'sync') === 'sync' && ctx.node(e.target));
  const steps: Step[] = [];
  let sumP99Ms = 0;
  for (const group of syncStages(sync)) {
    const parts = group.edges.map((edge) => {
      const p99 = ctx.figures(edge.target)?.latencyMs?.p99 ?? 0;
      const n = edge.calls ?? 1;
      const copies = n === 1 ? '' : ` x ${n} ${(edge.fanout ?? 'parallel') === 'parallel' ? 'in parallel' : 'in turn'}`;
      return figureTerm(p99, 'ms', `p99 of ${quoted(ctx, edge.target)}${copies}`, edge.target, 'p99');
    });
    const slowest = Math.max(0, ...parts.map((p) => p.value));
    sumP99Ms += slowest;
    steps.push({
      name: `Calls, stage ${steps.length + 1}`,
      result: num(slowest, 'ms', 'largest callee p99'),
      parts,
      method: parts.length > 1 ? 'issued together: the stage takes the slowest of them, request by request' : 'one call: its whole latency, including what it calls',
    });
  }
  if (steps.length > 0 && node.cache) {
    steps.push({
      name: 'Cache',
      result: num(1 - node.cache.hitRate, 'percent', 'of requests make the calls'),
      parts: [num(node.cache.hitRate, 'percent', 'hit rate', { path: `${ctx.at(id)}.cache.hitRate` })],
      method: 'a hit answers from the node alone, a miss adds every stage',
    });
  }
  return { steps, sumP99Ms };
}

/** ": “Ranker” cannot keep up at peak", naming every saturated server, or nothing when none is. */
export function saturatedNames(ctx: ExplainContext): string {
  const saturated = ctx.estimate.diagnostics.filter((d) => d.code === 'saturated' && d.node).map((d) => quoted(ctx, d.node!));
  return saturated.length > 0 ? `: ${saturated.join(', ')} cannot keep up at peak` : '';
}

/**
 * A node's p99 (for a traffic entry: the end-to-end p99 of its requests):
 * the 99th percentile of own time + (on a miss) the sum over stages of the
 * slowest call, composed as distributions on the latency grid.
 */
export function explainP99(ctx: ExplainContext, id: string): Derivation {
  const figure = { node: id, figure: 'p99' } as const;
  const entry = ctx.node(id)?.kind === 'traffic';
  const title = entry ? `End-to-end p99 of requests from ${quoted(ctx, id)}` : `p99 of ${quoted(ctx, id)}`;
  const figures = ctx.figures(id);
  if (!ctx.node(id) || !figures) return noDerivation(figure, title, null, 'ms', 'No such node in the estimate.');
  if (figures.latencyMs === null) {
    return noDerivation(figure, title, null, 'ms', `Unbounded: this node, or one it calls synchronously, is saturated${saturatedNames(ctx)}. Its queue grows without end.`);
  }
  const p99 = figures.latencyMs.p99;
  if (figures.latencyMs.mean === 0) return noDerivation(figure, title, 0, 'ms', 'Off every request path: no service time and no synchronous calls.');
  const own = ownStep(ctx, id);
  const calls = callSteps(ctx, id);
  const steps = [...(own ? [own.step] : []), ...calls.steps];
  const shortcut = (own?.p99Ms ?? 0) + calls.sumP99Ms;
  steps.push({
    name: entry ? 'End-to-end p99' : 'p99',
    result: num(p99, 'ms'),
    parts: steps.map((s) => s.result).filter((r) => r.unit === 'ms'),
    method:
      'the 99th percentile of own time + calls, composed as whole distributions, since percentiles do not add; ' +
      `adding the p99s above instead would give ${formatMs(shortcut)}`,
  });
  return { figure, title, value: p99, unit: 'ms', status: 'composed', steps };
}

/**
 * Where an entry's slowest 1% of requests spend their time: per node on the
 * critical path, the mean wait plus service over the requests at or above
 * the p99. The parts add up to the mean of those requests, which is above the p99.
 */
export function explainBreakdown(ctx: ExplainContext, id: string): Derivation {
  const figure = { node: id, figure: 'breakdown' } as const;
  const title = `Where the slowest 1% of requests from ${quoted(ctx, id)} spend their time`;
  const entry = ctx.entry(id);
  if (!entry) return noDerivation(figure, title, null, 'ms', 'Only a traffic entry has a p99 breakdown.');
  if (entry.p99Breakdown.length === 0) {
    return noDerivation(figure, title, entry.latencyMs?.p99 ?? null, 'ms', entry.latencyMs ? 'No time on any request path.' : 'Unbounded: something on its path is saturated.');
  }
  const terms: Term[] = entry.p99Breakdown.map((b) => figureTerm(b.ms, 'ms', `in ${quoted(ctx, b.node)}`, b.node, 'p99'));
  const tailMeanMs = entry.p99Breakdown.reduce((sum, b) => sum + b.ms, 0);
  const step: Step = { name: 'Mean time of the slowest 1%', result: num(tailMeanMs, 'ms'), expr: op('+', ...terms) };
  const note =
    `Each part is the mean time spent in that node (its wait and service, not its calls) by the requests at or above the p99 of ` +
    `${formatMs(entry.latencyMs?.p99 ?? null)}, computed on the latency grid; together they make those requests' mean, so the total is above the p99.`;
  return checkedDerivation(figure, title, tailMeanMs, 'ms', [step], note);
}
