import type { Diagram } from '../model/schema';
import { formatMs, formatUsd } from '../units';
import { labelOf, p99OrInfinity, planFigures, type PlanFigures, type PlanOptions } from './figures';

/** What to sweep: the load multipliers, from `fromMultiplier` to `toMultiplier`, log-spaced. */
export interface SweepOptions extends PlanOptions {
  /** Default 0.1. */
  fromMultiplier?: number;
  /** Default 100. */
  toMultiplier?: number;
  /** Points on the sweep, both ends included; default 100. */
  points?: number;
  /** Called after each estimate with how many are done out of how many there will be (about). */
  onProgress?: (done: number, total: number) => void;
}

/** The figures at one load multiplier. */
export interface SweepPoint extends PlanFigures {
  multiplier: number;
}

/** Where the design first misses something as the load grows. */
export interface Knee {
  /** The load multiplier, found to within 0.01% between two sweep points; null when it never happens in the range. */
  multiplier: number | null;
  /** The first node to saturate at that load, where one does. */
  node?: string;
  /** One line for a person: "breaks at 3.1x: Ranker saturates". */
  text: string;
}

export interface Sweep {
  points: SweepPoint[];
  /** Where the first node saturates (p99 becomes unbounded). */
  saturation: Knee;
  /** Where the worst entry p99 first exceeds the budget; only with a p99 budget. */
  p99Budget?: Knee;
  /** Where the monthly cost first exceeds the budget; only with a cost budget. */
  costBudget?: Knee;
}

/** Bisection steps between two sweep points: the log spacing shrinks 4096-fold. */
const REFINE_STEPS = 12;
/** Most points a sweep takes. */
export const MAX_SWEEP_POINTS = 1000;

/** Log-spaced multipliers from `from` to `to`, both included. */
export function sweepMultipliers(from: number, to: number, points: number): number[] {
  if (points === 1) return [from];
  const step = Math.log(to / from) / (points - 1);
  return Array.from({ length: points }, (_, i) => (i === points - 1 ? to : from * Math.exp(step * i)));
}

/** Formats a multiplier as people write it: 3.1x, 0.25x, 12x. */
export function formatMultiplier(multiplier: number): string {
  const digits = multiplier >= 10 ? 0 : multiplier >= 1 ? 1 : 2;
  return `${Number(multiplier.toFixed(digits))}x`;
}

/**
 * p99 per entry, monthly cost and saturated nodes against a load multiplier
 * (every traffic entry scaled alike), and the knees: the load at which the
 * first node saturates and each budget is first missed, refined by bisection
 * between the sweep points that straddle it.
 */
export function sweep(diagram: Diagram, options: SweepOptions = {}): Sweep {
  const from = options.fromMultiplier ?? 0.1;
  const to = options.toMultiplier ?? 100;
  const count = options.points ?? 100;
  const budgets = diagram.budgets ?? {};
  const checks = 1 + (budgets.p99Ms !== undefined ? 1 : 0) + (budgets.monthlyCostUsd !== undefined ? 1 : 0);
  const total = count + checks * REFINE_STEPS;
  let done = 0;
  // Knees that share a bracket (a node saturating where p99 passes its budget) bisect through the same loads: each is estimated once.
  const estimated = new Map<number, PlanFigures>();
  const at = (multiplier: number): PlanFigures => {
    const known = estimated.get(multiplier);
    if (known) return known;
    const figures = planFigures(diagram, multiplier, options);
    estimated.set(multiplier, figures);
    done += 1;
    options.onProgress?.(done, total);
    return figures;
  };
  const points = sweepMultipliers(from, to, count).map((multiplier) => ({ multiplier, ...at(multiplier) }));

  const knee = (broken: (f: PlanFigures) => boolean): { multiplier: number | null; figures?: PlanFigures } => {
    const index = points.findIndex(broken);
    if (index < 0) return { multiplier: null };
    if (index === 0) return { multiplier: points[0]!.multiplier, figures: points[0] };
    let low = points[index - 1]!.multiplier;
    let high = points[index]!.multiplier;
    let figures: PlanFigures = points[index]!;
    for (let step = 0; step < REFINE_STEPS; step++) {
      const middle = Math.sqrt(low * high);
      const here = at(middle);
      if (broken(here)) [high, figures] = [middle, here];
      else low = middle;
    }
    return { multiplier: high, figures };
  };

  const range = `${formatMultiplier(from)} to ${formatMultiplier(to)}`;
  const saturates = knee((f) => f.saturated.length > 0);
  const first = saturates.figures?.saturated[0];
  const result: Sweep = {
    points,
    saturation:
      saturates.multiplier === null
        ? { multiplier: null, text: `nothing saturates from ${range}` }
        : { multiplier: saturates.multiplier, node: first, text: `breaks at ${formatMultiplier(saturates.multiplier)}: ${labelOf(diagram, first!)} saturates` },
  };
  if (budgets.p99Ms !== undefined) {
    const limit = budgets.p99Ms;
    const missed = knee((f) => p99OrInfinity(f) > limit);
    result.p99Budget = missed.multiplier === null
      ? { multiplier: null, text: `p99 stays within ${formatMs(limit)} from ${range}` }
      : { multiplier: missed.multiplier, ...nodeOf(missed.figures), text: `p99 passes ${formatMs(limit)} at ${formatMultiplier(missed.multiplier)}${cause(diagram, missed.figures)}` };
  }
  if (budgets.monthlyCostUsd !== undefined) {
    const limit = budgets.monthlyCostUsd;
    const missed = knee((f) => f.costUsdPerMonth > limit);
    result.costBudget = missed.multiplier === null
      ? { multiplier: null, text: `cost stays within ${formatUsd(limit)}/mo from ${range}` }
      : { multiplier: missed.multiplier, text: `cost passes ${formatUsd(limit)}/mo at ${formatMultiplier(missed.multiplier)}` };
  }
  return result;
}

function nodeOf(figures: PlanFigures | undefined): { node?: string } {
  const node = figures?.saturated[0];
  return node === undefined ? {} : { node };
}

function cause(diagram: Diagram, figures: PlanFigures | undefined): string {
  const node = figures?.saturated[0];
  return node === undefined ? '' : `: ${labelOf(diagram, node)} saturates`;
}
