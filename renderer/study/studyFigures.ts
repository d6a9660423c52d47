import type { Estimate } from '../../shared/estimator/output';
import type { FigureRef } from '../../shared/explain';
import type { Diagram, StepKey } from '../../shared/model/schema';
import { formatBytes, formatLatencyMs, formatQps, formatUsd } from '../../shared/units';
import { worstP99Ms } from '../../shared/scenarios/diff';

/** One number beside the write-up, with the figure whose derivation its "why" link opens. */
export interface StudyFigure {
  label: string;
  text: string;
  figure: FigureRef;
  /** What the derivation is called: "the peak load". */
  name: string;
}

/** The largest few nodes by some figure, for "where the data / the money goes". */
function largest(estimate: Estimate, by: (n: Estimate['nodes'][number]) => number, count = 3) {
  return [...estimate.nodes].filter((n) => by(n) > 0).sort((a, b) => by(b) - by(a)).slice(0, count);
}

/**
 * The numbers each step of the method is about, from the live estimate:
 * requirements the load, data the storage, model the models' servers,
 * serving the latency, and the cost at the end. Steps about ideas rather
 * than capacity (framing, evaluation, monitoring) have none.
 */
export function studyFigures(diagram: Diagram, estimate: Estimate): Partial<Record<StepKey | 'cost', StudyFigure[]>> {
  const label = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const kinds = new Map(diagram.nodes.map((n) => [n.id, n.kind]));
  const peak = estimate.entries.reduce((sum, e) => sum + e.qps.peak, 0);
  const requirements: StudyFigure[] = [
    { label: 'Peak load', text: formatQps(peak), figure: { headline: 'peakLoad' }, name: 'the peak load' },
    ...estimate.entries.map((e) => ({ label: `Average at ${label.get(e.node)}`, text: formatQps(e.qps.avg), figure: { node: e.node, figure: 'avgQps' as const }, name: `the average load at ${label.get(e.node)}` })),
  ];
  const data: StudyFigure[] = [
    { label: 'Data held', text: formatBytes(estimate.totals.storageBytes), figure: { headline: 'totalStorage' }, name: 'the data held' },
    ...largest(estimate, (n) => n.storageBytes).map((n) => ({ label: label.get(n.id)!, text: formatBytes(n.storageBytes), figure: { node: n.id, figure: 'storage' as const }, name: `the storage of ${label.get(n.id)}` })),
  ];
  const model: StudyFigure[] = estimate.nodes
    .filter((n) => kinds.get(n.id) === 'model' && n.replicas !== null && n.qps.peak > 0)
    .map((n) => ({ label: `${label.get(n.id)} replicas`, text: String(n.replicas), figure: { node: n.id, figure: 'replicas' as const }, name: `the replicas of ${label.get(n.id)}` }));
  const serving: StudyFigure[] = [
    { label: 'Worst p99', text: formatLatencyMs(worstP99Ms(estimate)), figure: { headline: 'worstP99' }, name: 'the worst p99' },
    ...estimate.entries
      .filter((e) => e.p99Breakdown.length > 0)
      .map((e) => ({ label: `Slowest 1% from ${label.get(e.node)}`, text: 'breakdown', figure: { node: e.node, figure: 'breakdown' as const }, name: `where the slowest requests from ${label.get(e.node)} spend their time` })),
  ];
  const cost: StudyFigure[] = [
    { label: 'Monthly cost', text: `${formatUsd(estimate.totals.costUsdPerMonth)}/mo`, figure: { headline: 'totalCost' }, name: 'the monthly cost' },
    ...largest(estimate, (n) => n.costUsdPerMonth.total).map((n) => ({ label: label.get(n.id)!, text: `${formatUsd(n.costUsdPerMonth.total)}/mo`, figure: { node: n.id, figure: 'cost' as const }, name: `the cost of ${label.get(n.id)}` })),
  ];
  return { requirements, data, model, serving, cost };
}
