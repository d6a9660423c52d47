import type { Catalog } from '../catalog';
import { table } from '../export/markdownTable';
import type { Diagram } from '../model/schema';
import { formatMs, formatQps, formatUsd } from '../units';
import { everyFailure } from './failures';
import { labelOf, type PlanFigures } from './figures';
import { sensitivity, type InputEffect } from './sensitivity';
import { formatMultiplier, sweep, type Knee, type Sweep } from './sweep';

/** Inputs listed per figure in the design document. */
export const TOP_INPUTS = 5;
/** Sweep points for the document: its knees are refined between points to 0.01% as in any sweep, so fewer points only save time. */
export const DOC_SWEEP_POINTS = 16;
/** Largest design (in components) whose document carries the planner's tables; past it they take too long for an export. */
export const DOC_PLANNER_MAX_NODES = 100;

const p99Text = (ms: number | null) => formatMs(ms);
const costText = (usd: number) => `${formatUsd(usd)}/mo`;

function kneeRows(diagram: Diagram, result: Sweep): string[][] {
  const range = `not between ${formatMultiplier(result.points[0]!.multiplier)} and ${formatMultiplier(result.points.at(-1)!.multiplier)}`;
  const row = (what: string, knee: Knee | undefined) => knee && [what, knee.multiplier === null ? range : formatMultiplier(knee.multiplier), knee.node ? labelOf(diagram, knee.node) : '—'];
  const budgets = diagram.budgets ?? {};
  return [
    row('A node saturates', result.saturation),
    row(`p99 over ${formatMs(budgets.p99Ms ?? null)}`, result.p99Budget),
    row(`Cost over ${costText(budgets.monthlyCostUsd ?? 0)}`, result.costBudget),
  ].filter((r) => r !== undefined);
}

function effectText(ms: number): string {
  return ms === Infinity ? 'saturates' : formatMs(ms);
}

function inputRows(effects: readonly InputEffect[], figure: 'p99' | 'cost'): string[][] {
  return effects.slice(0, TOP_INPUTS).map((e) =>
    figure === 'p99'
      ? [e.label, p99Text(e.low.worstP99Ms), p99Text(e.high.worstP99Ms), effectText(e.p99EffectMs)]
      : [e.label, costText(e.low.costUsdPerMonth), costText(e.high.costUsdPerMonth), costText(e.costEffectUsd)],
  );
}

function figureCells(diagram: Diagram, f: PlanFigures): string[] {
  return [p99Text(f.worstP99Ms), costText(f.costUsdPerMonth), f.saturated.length === 0 ? 'none' : f.saturated.map((id) => labelOf(diagram, id)).join(', ')];
}

/**
 * The design document's capacity-planning sections, as the planner computes
 * them: where the design breaks (the load at which each budget is first
 * missed and the first node to saturate), the inputs that move p99 and cost
 * most (each moved -50% and +50%), and the figures under each failure on the
 * fleet sized for today's load. Empty for a design without traffic.
 */
export function plannerSection(diagram: Diagram, catalog?: Catalog): string[] {
  if (!diagram.nodes.some((n) => n.kind === 'traffic')) return [];
  if (diagram.nodes.length > DOC_PLANNER_MAX_NODES) {
    return ['## Where the design breaks', '', `Left out for a design of more than ${DOC_PLANNER_MAX_NODES} components: \`mlsd sweep\`, \`mlsd sensitivity\` and the app's planner give these figures.`, ''];
  }
  const options = catalog ? { catalog } : {};
  const swept = sweep(diagram, { ...options, points: DOC_SWEEP_POINTS });
  const ranked = sensitivity(diagram, options);
  const failures = everyFailure(diagram, options);
  const right = (...columns: number[]) => new Set(columns);
  const out = ['## Where the design breaks', ''];
  out.push(`Every traffic entry scaled alike from ${formatMultiplier(swept.points[0]!.multiplier)} to ${formatMultiplier(swept.points.at(-1)!.multiplier)} of today's load, "auto" pools resizing up to their limits:`, '');
  out.push(table(['What', 'Breaks at', 'First to saturate'], kneeRows(diagram, swept), right(1)), '');
  out.push('## What matters most', '');
  out.push(`Each input moved ${Math.round(ranked.range * 100)}% down and up, one at a time; today the worst p99 is ${p99Text(ranked.base.worstP99Ms)} and the cost ${costText(ranked.base.costUsdPerMonth)}.`, '');
  const pct = `${Math.round(ranked.range * 100)}%`;
  out.push(table(['Input', `Worst p99 at -${pct}`, `at +${pct}`, 'p99 moves by'], inputRows(ranked.byP99, 'p99'), right(1, 2, 3)), '');
  out.push(table(['Input', `Cost at -${pct}`, `at +${pct}`, 'Cost moves by'], inputRows(ranked.byCost, 'cost'), right(1, 2, 3)), '');
  out.push('## Failures', '');
  out.push('Each failure on the fleet sized for today\'s peak (no autoscaler answers a failure at once), so the cost is that of the peak fleet all day:', '');
  out.push(table(
    ['Failure', 'Worst p99', 'Cost/month', 'Saturates', 'Calls that fail'],
    [
      ['None', ...figureCells(diagram, failures[0]!.normal), ''],
      ...failures.map((f) => [f.title, ...figureCells(diagram, f.failed), f.failingCalls.map((c) => `${labelOf(diagram, c.from)} → ${labelOf(diagram, c.to)}: ${formatQps(c.peakQps)}`).join('; ')]),
    ],
    right(1, 2),
  ), '');
  return out;
}
