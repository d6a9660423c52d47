import { estimate } from '../estimator/estimate';
import type { Diagnostic } from '../estimator/output';
import { findKind } from '../kinds';
import type { Budgets, Diagram } from '../model/schema';
import { formatMs, formatUsd } from '../units';
import { PATH_CHECKS } from './paths';

export interface KindCount {
  kind: string;
  label: string;
}

export interface FigureRow {
  label: string;
  /** null where a design has no value (no entry, unbounded latency). */
  user: number | null;
  reference: number | null;
  unit: 'qps' | 'ms' | 'bytes' | 'usd';
}

/** A practice design set against the case's reference blueprint. */
export interface Comparison {
  missingKinds: KindCount[];
  extraKinds: KindCount[];
  paths: { id: string; label: string; user: boolean; reference: boolean }[];
  figures: FigureRow[];
  findings: Diagnostic[];
  /** The reference's budgets the design misses, in words ("cost $49.6k/mo against a $10k/mo budget"). */
  overBudget: string[];
  score: { total: number; kinds: number; paths: number; lint: number; budget: number };
}

/** Points per part of the score (out of 100). */
export const SCORE_WEIGHTS = { kinds: 40, paths: 30, lint: 20, budget: 10 } as const;
/** The budget part is shared equally by the p99 budget and the cost budget. */
export const BUDGET_POINTS = { p99: SCORE_WEIGHTS.budget / 2, cost: SCORE_WEIGHTS.budget / 2 } as const;
/** Points lost per design warning, from the lint part. */
export const POINTS_PER_FINDING = 4;

const kindSet = (d: Diagram) => new Set(d.nodes.map((n) => n.kind).filter((k) => k !== 'traffic'));

function headline(d: Diagram) {
  const e = estimate(d);
  const p99s = e.entries.map((x) => x.latencyMs?.p99 ?? null);
  return {
    qps: e.entries.length ? Math.max(...e.entries.map((x) => x.qps.peak)) : null,
    p99: p99s.length === 0 || p99s.includes(null) ? null : Math.max(...(p99s as number[])),
    storage: e.totals.storageBytes,
    cost: e.totals.costUsdPerMonth,
    diagnostics: e.diagnostics,
  };
}

/**
 * What a practice design has and lacks against the reference: component kinds
 * missing or extra, the structures a reviewer looks for, the headline
 * figures side by side, the design's own findings, and a score out of 100
 * whose budget part counts only the budgets (p99, cost) the design meets.
 */
export function compareDesigns(user: Diagram, reference: Diagram): Comparison {
  const mine = kindSet(user);
  const theirs = kindSet(reference);
  const described = (k: string): KindCount => ({ kind: k, label: findKind(k)?.label ?? k });
  const missingKinds = [...theirs].filter((k) => !mine.has(k)).sort().map(described);
  const extraKinds = [...mine].filter((k) => !theirs.has(k)).sort().map(described);
  const paths = PATH_CHECKS.map((c) => ({ id: c.id, label: c.label, user: c.holds(user), reference: c.holds(reference) }));
  const a = headline(user);
  const b = headline(reference);
  const findings = a.diagnostics.filter((d) => d.severity !== 'info');

  const expected = paths.filter((p) => p.reference);
  const kinds = theirs.size === 0 ? SCORE_WEIGHTS.kinds : Math.round((SCORE_WEIGHTS.kinds * (theirs.size - missingKinds.length)) / theirs.size);
  const pathScore = expected.length === 0 ? SCORE_WEIGHTS.paths : Math.round((SCORE_WEIGHTS.paths * expected.filter((p) => p.user).length) / expected.length);
  const lint = Math.max(0, SCORE_WEIGHTS.lint - POINTS_PER_FINDING * findings.length);
  const limits = reference.budgets ?? {};
  // An unbounded p99 (a saturated server) meets no latency budget.
  const meetsP99 = a.p99 !== null && (limits.p99Ms === undefined || a.p99 <= limits.p99Ms);
  const meetsCost = limits.monthlyCostUsd === undefined || a.cost <= limits.monthlyCostUsd;
  const budget = user.nodes.length === 0 ? 0 : (meetsP99 ? BUDGET_POINTS.p99 : 0) + (meetsCost ? BUDGET_POINTS.cost : 0);
  const overBudget = user.nodes.length === 0 ? [] : budgetMisses(a, limits);
  return {
    missingKinds,
    extraKinds,
    paths,
    figures: [
      { label: 'Peak requests a second', user: a.qps, reference: b.qps, unit: 'qps' },
      { label: 'Worst p99', user: a.p99, reference: b.p99, unit: 'ms' },
      { label: 'Storage', user: a.storage, reference: b.storage, unit: 'bytes' },
      { label: 'Monthly cost', user: a.cost, reference: b.cost, unit: 'usd' },
    ],
    findings,
    overBudget,
    score: { total: kinds + pathScore + lint + budget, kinds, paths: pathScore, lint, budget },
  };
}

/** The budgets a design's figures miss: p99 and monthly cost, each met when at or under its limit. */
function budgetMisses(figures: { p99: number | null; cost: number }, budgets: Budgets): string[] {
  const misses: string[] = [];
  if (budgets.p99Ms !== undefined && (figures.p99 === null || figures.p99 > budgets.p99Ms)) misses.push(`p99 ${formatMs(figures.p99)} against a ${formatMs(budgets.p99Ms)} budget`);
  if (budgets.monthlyCostUsd !== undefined && figures.cost > budgets.monthlyCostUsd) {
    misses.push(`cost ${formatUsd(figures.cost)}/mo against a ${formatUsd(budgets.monthlyCostUsd)}/mo budget`);
  }
  return misses;
}
