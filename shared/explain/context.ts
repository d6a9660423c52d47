import { DEFAULT_CATALOG, type Catalog } from '../catalog';
import type { Diagnostic, EntryEstimate, Estimate, NodeEstimate } from '../estimator/output';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { evaluate, formatValue, num, type Unit, type ValueTerm } from './expression';
import { noDerivation, type Derivation, type FigureRef, type NodeFigure, type Step } from './figures';

/** What explaining a figure may be told beyond the diagram and its estimate. */
export interface ExplainOptions {
  catalog?: Catalog;
  /** The what-if multiplier the estimate was made at; default 1. */
  trafficMultiplier?: number;
}

/** A diagram and its estimate, indexed for the derivations. */
export interface ExplainContext {
  diagram: Diagram;
  estimate: Estimate;
  catalog: Catalog;
  trafficMultiplier: number;
  node: (id: string) => DiagramNode | undefined;
  figures: (id: string) => NodeEstimate | undefined;
  /** "nodes[3]": where a node sits in the file, for input paths. */
  at: (id: string) => string;
  /** The edges into a node, in file order. */
  edgesInto: (id: string) => readonly DiagramEdge[];
  /** The edges out of a node, in file order. */
  edgesOutOf: (id: string) => readonly DiagramEdge[];
  /** The estimate's diagnostics about a node. */
  diagnosticsOf: (id: string) => readonly Diagnostic[];
  /** The traffic entry a node starts, if it is one. */
  entry: (id: string) => EntryEstimate | undefined;
}

/** Items grouped by a key, in their order. */
function groupedBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A value made on first use, so explaining one figure does not index the whole design. */
function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** Indexes a diagram and the estimate made of it. */
export function explainContext(diagram: Diagram, estimate: Estimate, options: ExplainOptions = {}): ExplainContext {
  const nodes = new Map(diagram.nodes.map((n, i) => [n.id, { node: n, index: i }]));
  const figures = new Map(estimate.nodes.map((n) => [n.id, n]));
  const into = onFirstUse(() => groupedBy(diagram.edges, (e) => e.target));
  const outOf = onFirstUse(() => groupedBy(diagram.edges, (e) => e.source));
  const diagnostics = onFirstUse(() => groupedBy(estimate.diagnostics, (d) => d.node));
  const entries = onFirstUse(() => new Map([...estimate.entries].reverse().map((e) => [e.node, e])));
  return {
    diagram,
    estimate,
    catalog: options.catalog ?? DEFAULT_CATALOG,
    trafficMultiplier: options.trafficMultiplier ?? 1,
    node: (id) => nodes.get(id)?.node,
    figures: (id) => figures.get(id),
    at: (id) => `nodes[${nodes.get(id)?.index ?? -1}]`,
    edgesInto: (id) => into().get(id) ?? [],
    edgesOutOf: (id) => outOf().get(id) ?? [],
    diagnosticsOf: (id) => diagnostics().get(id) ?? [],
    entry: (id) => entries().get(id),
  };
}

/** A node's name in a derivation, quoted so that no label reads as arithmetic: “Ranker”. */
export function quoted(ctx: ExplainContext, id: string): string {
  return `“${ctx.node(id)?.label ?? id}”`;
}

/** "1 replica", "3 replicas". */
export function replicasLabel(count: number): string {
  return count === 1 ? 'replica' : 'replicas';
}

/** A number that is another figure of the estimate, linked to its own derivation. */
export function figureTerm(value: number, unit: Unit, label: string, node: string, figure: NodeFigure): ValueTerm {
  return num(value, unit, label, { figure: { node, figure } as FigureRef });
}

/** How closely a derivation must reproduce the estimator's figure: latencies and utilizations are rounded to 6 digits. */
export const AGREEMENT = 1e-5;

/** Whether a recomputed value is the estimator's figure. */
export function agrees(recomputed: number, figure: number): boolean {
  if (recomputed === figure) return true;
  return Math.abs(recomputed - figure) <= AGREEMENT * Math.max(Math.abs(recomputed), Math.abs(figure));
}

/**
 * An arithmetic derivation, checked: when its last step does not give the
 * estimator's figure (the estimator counts something these steps do not),
 * it says so instead of showing a wrong sum.
 */
export function checkedDerivation(figure: FigureRef, title: string, value: number, unit: Unit, steps: Step[], note?: string): Derivation {
  const last = steps.at(-1);
  const recomputed = last?.expr ? evaluate(last.expr) : Number.NaN;
  if (!agrees(recomputed, value)) {
    return noDerivation(
      figure, title, value, unit,
      `The estimator gives ${formatValue(value, unit)}, which the worksheet formula (${formatValue(recomputed, unit)}) does not reproduce: ` +
        'this figure depends on a part of the model not explained here yet.',
    );
  }
  return { figure, title, value, unit, status: 'arithmetic', steps, ...(note ? { note } : {}) };
}
