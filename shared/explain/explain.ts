import type { Estimate } from '../estimator/output';
import type { Diagram } from '../model/schema';
import { checkedDerivation, explainContext, figureTerm, quoted, type ExplainContext, type ExplainOptions } from './context';
import { num, op } from './expression';
import { noDerivation, type Derivation, type FigureRef, type HeadlineFigure, type NodeFigure } from './figures';
import { explainBreakdown, explainP99 } from './latency';
import { explainRate } from './rates';
import { explainReplicas, explainUtilization } from './servers';
import { explainCost, explainStorage } from './storage';

const NODE_EXPLAINERS: Record<NodeFigure, (ctx: ExplainContext, id: string) => Derivation> = {
  peakQps: (ctx, id) => explainRate(ctx, id, 'peak'),
  avgQps: (ctx, id) => explainRate(ctx, id, 'avg'),
  replicas: explainReplicas,
  utilization: explainUtilization,
  p99: explainP99,
  storage: explainStorage,
  cost: explainCost,
  breakdown: explainBreakdown,
};

const HEADLINE_TITLES: Record<HeadlineFigure, string> = {
  worstP99: 'Worst p99 over the traffic entries',
  totalCost: 'Monthly cost of the design',
  totalStorage: 'Data held by the design',
  peakLoad: 'Peak load entering the design',
};

/** The headline figures: the worst entry p99, and sums over nodes or entries. */
function explainHeadline(ctx: ExplainContext, which: HeadlineFigure): Derivation {
  const figure = { headline: which };
  const title = HEADLINE_TITLES[which];
  const { estimate } = ctx;
  if (which === 'worstP99') {
    const p99s = estimate.entries.map((e) => ({ id: e.node, ms: e.latencyMs?.p99 ?? null }));
    if (p99s.length === 0) return noDerivation(figure, title, null, 'ms', 'No traffic entry: nothing to estimate.');
    const unbounded = p99s.find((p) => p.ms === null);
    if (unbounded) return noDerivation(figure, title, null, 'ms', `Unbounded: requests from ${quoted(ctx, unbounded.id)} reach a saturated server.`);
    const worst = Math.max(0, ...p99s.map((p) => p.ms!));
    const terms = p99s.map((p) => figureTerm(p.ms!, 'ms', `from ${quoted(ctx, p.id)}`, p.id, 'p99'));
    const expr = terms.length === 1 ? terms[0]! : { kind: 'fn' as const, fn: 'max' as const, args: terms };
    return checkedDerivation(figure, title, worst, 'ms', [{ name: 'Worst entry p99', result: num(worst, 'ms'), expr }]);
  }
  if (which === 'peakLoad') {
    const total = estimate.entries.reduce((sum, e) => sum + e.qps.peak, 0);
    const terms = estimate.entries.map((e) => figureTerm(e.qps.peak, 'qps', `at ${quoted(ctx, e.node)}`, e.node, 'peakQps'));
    if (terms.length === 0) return noDerivation(figure, title, 0, 'qps', 'No traffic entry: nothing enters the design.');
    const note = terms.length > 1 ? 'Peaks of different entries are added as if they coincide.' : undefined;
    return checkedDerivation(figure, title, total, 'qps', [{ name: 'Peak load', result: num(total, 'qps'), expr: op('+', ...terms) }], note);
  }
  const cost = which === 'totalCost';
  const value = cost ? estimate.totals.costUsdPerMonth : estimate.totals.storageBytes;
  const unit = cost ? 'usd' : 'bytes';
  const terms = estimate.nodes
    .filter((n) => (cost ? n.costUsdPerMonth.total : n.storageBytes) > 0)
    .map((n) => figureTerm(cost ? n.costUsdPerMonth.total : n.storageBytes, unit, quoted(ctx, n.id), n.id, cost ? 'cost' : 'storage'));
  if (terms.length === 0) return noDerivation(figure, title, value, unit, cost ? 'No component has a price.' : 'No component holds data.');
  return checkedDerivation(figure, title, value, unit, [{ name: cost ? 'Monthly cost' : 'Data held', result: num(value, unit), expr: op('+', ...terms) }]);
}

/** The derivation of one figure of an estimate, with the actual inputs. Never throws: a figure it cannot explain says why. */
export function explainFigure(ctx: ExplainContext, ref: FigureRef): Derivation {
  if ('headline' in ref) return explainHeadline(ctx, ref.headline);
  const explain = Object.hasOwn(NODE_EXPLAINERS, ref.figure) ? NODE_EXPLAINERS[ref.figure] : undefined;
  if (!explain || !ctx.node(ref.node)) return noDerivation(ref, `${ref.figure} of ${ref.node}`, null, 'number', 'No such figure.');
  return explain(ctx, ref.node);
}

/** The figures a node has, in the order a reader meets them: rate, servers, latency, data, cost. */
export function nodeFigures(ctx: ExplainContext, id: string): NodeFigure[] {
  const f = ctx.figures(id);
  if (!f) return [];
  const list: NodeFigure[] = ['peakQps', 'avgQps'];
  if (f.replicas !== null) list.push('replicas');
  if (f.utilization !== null) list.push('utilization');
  if (f.latencyMs === null || f.latencyMs.mean > 0) list.push('p99');
  if (ctx.node(id)?.kind === 'traffic') list.push('breakdown');
  if (f.storageBytes > 0) list.push('storage');
  if (f.costUsdPerMonth.total > 0) list.push('cost');
  return list;
}

/** Every derivation of one node's figures. */
export function explainNode(diagram: Diagram, estimate: Estimate, id: string, options: ExplainOptions = {}): Derivation[] {
  const ctx = explainContext(diagram, estimate, options);
  return nodeFigures(ctx, id).map((figure) => explainFigure(ctx, { node: id, figure }));
}

/** Every derivation of a design: the headline figures, then each node's. */
export function explainAll(diagram: Diagram, estimate: Estimate, options: ExplainOptions = {}): { headline: Derivation[]; nodes: { id: string; derivations: Derivation[] }[] } {
  const ctx = explainContext(diagram, estimate, options);
  return {
    headline: (['worstP99', 'totalCost', 'totalStorage', 'peakLoad'] as const).map((h) => explainHeadline(ctx, h)),
    nodes: diagram.nodes.map((n) => ({ id: n.id, derivations: nodeFigures(ctx, n.id).map((figure) => explainFigure(ctx, { node: n.id, figure })) })),
  };
}
