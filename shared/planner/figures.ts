import type { Catalog } from '../catalog';
import { estimate } from '../estimator/estimate';
import type { Estimate } from '../estimator/output';
import type { Diagram } from '../model/schema';
import { highest } from '../numbers';

/** The figures a planner compares between variants of one design. */
export interface PlanFigures {
  /** p99 of each traffic entry, ms; null where unbounded (something on its path saturates). */
  entries: { node: string; p99Ms: number | null }[];
  /** The worst entry p99, ms; null when any entry is unbounded or there is no entry with a latency. */
  worstP99Ms: number | null;
  costUsdPerMonth: number;
  storageBytes: number;
  /** Ids of the nodes that saturate, in diagram order. */
  saturated: string[];
  /** Error diagnostics, as the estimate words them (a variant that does not validate has only these). */
  errors: string[];
}

/** How variants are estimated: the price catalog, and whether "auto" pools keep their 1x replicas. */
export interface PlanOptions {
  catalog?: Catalog;
  fixedFleet?: boolean;
}

/** Reads the planner's figures off an estimate. */
export function figuresOf(result: Estimate): PlanFigures {
  const entries = result.entries.map((e) => ({ node: e.node, p99Ms: e.latencyMs?.p99 ?? null }));
  const unbounded = entries.length === 0 || entries.some((e) => e.p99Ms === null);
  return {
    entries,
    worstP99Ms: unbounded ? null : Math.max(0, highest(entries.map((e) => e.p99Ms!))),
    costUsdPerMonth: result.totals.costUsdPerMonth,
    storageBytes: result.totals.storageBytes,
    saturated: result.diagnostics.filter((d) => d.code === 'saturated' && d.node !== undefined).map((d) => d.node!),
    errors: result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
  };
}

/** Estimates one variant of a design at a load multiplier, figures only. */
export function planFigures(diagram: Diagram, multiplier: number, options: PlanOptions = {}): PlanFigures {
  return figuresOf(estimate(diagram, { catalog: options.catalog, trafficMultiplier: multiplier, figuresOnly: true, fixedFleet: options.fixedFleet }));
}

/** The worst p99 as a number to compare: unbounded is Infinity. */
export function p99OrInfinity(figures: PlanFigures): number {
  return figures.worstP99Ms ?? Infinity;
}

/** A node's label by id, falling back to the id. */
export function labelOf(diagram: Diagram, id: string): string {
  return diagram.nodes.find((n) => n.id === id)?.label ?? id;
}
