/**
 * Two variants of a design side by side: the nodes and edges added, removed
 * and changed (field by field, positions and routes left out: moving a box
 * changes no figure), and how the headline figures and each node's figures
 * move ("p99 -12 ms, cost +$7.3k/mo, storage +1.2 TB").
 */
import type { Estimate, NodeEstimate } from '../estimator/output';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';
import { formatBytes, formatMs, formatQps, formatUsd } from '../units';

/** One field that differs: its path inside the node or edge, and both values (undefined where absent). */
export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface ItemRef {
  id: string;
  /** A node's label, or an edge's "Caller → Callee". */
  label: string;
}

export interface ItemChange extends ItemRef {
  changes: FieldChange[];
}

/** The figures compared, each in its base unit. */
export type DiffFigure = 'p99Ms' | 'costUsdPerMonth' | 'storageBytes' | 'peakQps' | 'replicas';

export interface FigureDelta {
  figure: DiffFigure;
  /** null where the figure is unbounded (p99 behind a saturated server) or absent (no replicas). */
  before: number | null;
  after: number | null;
  /** after - before; null when either side is null. */
  delta: number | null;
}

export interface DesignDiff {
  before: string;
  after: string;
  nodes: { added: ItemRef[]; removed: ItemRef[]; changed: ItemChange[] };
  edges: { added: ItemRef[]; removed: ItemRef[]; changed: ItemChange[] };
  /** The headline figures: worst entry p99, monthly cost, data held, peak load entering. */
  figures: FigureDelta[];
  /** Per node present in both variants, the figures that moved. */
  nodeFigures: (ItemRef & { deltas: FigureDelta[] })[];
}

/** Every leaf of a JSON value by path: { a: { b: 1 } } -> a.b = 1. */
function leaves(value: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, path ? `${path}.${key}` : key, out);
  } else if (value !== undefined) out.set(path, value);
  return out;
}

function fieldChanges(before: object, after: object, skip: readonly string[]): FieldChange[] {
  const strip = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => !skip.includes(k)));
  const a = leaves(strip(before), '', new Map());
  const b = leaves(strip(after), '', new Map());
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  return paths
    .filter((p) => JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p)))
    .map((p) => ({ path: p, before: a.get(p), after: b.get(p) }));
}

function compareItems<T extends { id: string }>(
  before: readonly T[], after: readonly T[], label: (item: T, side: 'before' | 'after') => string, skip: readonly string[], sameItem?: (a: T, b: T) => boolean,
): { added: ItemRef[]; removed: ItemRef[]; changed: ItemChange[] } {
  const pairs: [T, T][] = [];
  const unmatchedAfter = new Map(after.map((item) => [item.id, item]));
  const unmatchedBefore: T[] = [];
  for (const item of before) {
    const match = unmatchedAfter.get(item.id);
    if (match) {
      pairs.push([item, match]);
      unmatchedAfter.delete(item.id);
    } else unmatchedBefore.push(item);
  }
  // Edges drawn again get new ids: the same caller and callee is the same edge.
  const removed: T[] = [];
  for (const item of unmatchedBefore) {
    const match = sameItem && [...unmatchedAfter.values()].find((other) => sameItem(item, other));
    if (match) {
      pairs.push([item, match]);
      unmatchedAfter.delete(match.id);
    } else removed.push(item);
  }
  return {
    added: [...unmatchedAfter.values()].map((item) => ({ id: item.id, label: label(item, 'after') })),
    removed: removed.map((item) => ({ id: item.id, label: label(item, 'before') })),
    changed: pairs
      .map(([a, b]) => ({ id: b.id, label: label(b, 'after'), changes: fieldChanges(a, b, skip) }))
      .filter((c) => c.changes.length > 0),
  };
}

function delta(figure: DiffFigure, before: number | null, after: number | null): FigureDelta {
  return { figure, before, after, delta: before === null || after === null ? null : after - before };
}

/** The worst entry p99 (null when one is unbounded, 0 without entries), as the headline shows it. */
export function worstP99Ms(estimate: Estimate): number | null {
  const p99s = estimate.entries.map((e) => e.latencyMs?.p99 ?? null);
  return p99s.includes(null) ? null : Math.max(0, ...(p99s as number[]));
}

function headline(estimate: Estimate) {
  return {
    p99Ms: worstP99Ms(estimate),
    costUsdPerMonth: estimate.totals.costUsdPerMonth,
    storageBytes: estimate.totals.storageBytes,
    peakQps: estimate.entries.reduce((sum, e) => sum + e.qps.peak, 0),
  };
}

function nodeDeltas(a: NodeEstimate, b: NodeEstimate): FigureDelta[] {
  const deltas = [
    delta('peakQps', a.qps.peak, b.qps.peak),
    delta('p99Ms', a.latencyMs?.p99 ?? null, b.latencyMs?.p99 ?? null),
    delta('replicas', a.replicas, b.replicas),
    delta('storageBytes', a.storageBytes, b.storageBytes),
    delta('costUsdPerMonth', a.costUsdPerMonth.total, b.costUsdPerMonth.total),
  ];
  return deltas.filter((d) => d.before !== d.after);
}

/**
 * What changes from one variant to the other, with both estimates (made by
 * the caller, at the same load and prices). Every delta is the after
 * estimate's figure minus the before estimate's.
 */
export function diffDesigns(
  before: { name: string; diagram: Diagram; estimate: Estimate },
  after: { name: string; diagram: Diagram; estimate: Estimate },
): DesignDiff {
  const nodeLabel = (side: 'before' | 'after') => new Map((side === 'before' ? before : after).diagram.nodes.map((n) => [n.id, n.label]));
  const labels = { before: nodeLabel('before'), after: nodeLabel('after') };
  const edgeLabel = (e: DiagramEdge, side: 'before' | 'after') => `${labels[side].get(e.source) ?? e.source} → ${labels[side].get(e.target) ?? e.target}`;
  const nodes = compareItems<DiagramNode>(before.diagram.nodes, after.diagram.nodes, (n) => n.label, ['position']);
  const edges = compareItems<DiagramEdge>(before.diagram.edges, after.diagram.edges, edgeLabel, ['id', 'route'], (a, b) => a.source === b.source && a.target === b.target);
  const a = headline(before.estimate);
  const b = headline(after.estimate);
  const figures = (['p99Ms', 'costUsdPerMonth', 'storageBytes', 'peakQps'] as const).map((f) => delta(f, a[f], b[f]));
  const beforeNodes = new Map(before.estimate.nodes.map((n) => [n.id, n]));
  const nodeFigures = after.estimate.nodes
    .filter((n) => beforeNodes.has(n.id))
    .map((n) => ({ id: n.id, label: labels.after.get(n.id) ?? n.id, deltas: nodeDeltas(beforeNodes.get(n.id)!, n) }))
    .filter((n) => n.deltas.length > 0);
  return { before: before.name, after: after.name, nodes, edges, figures, nodeFigures };
}

const FIGURE_NAMES: Record<DiffFigure, string> = { p99Ms: 'p99', costUsdPerMonth: 'cost', storageBytes: 'storage', peakQps: 'peak', replicas: 'replicas' };

/** A compared figure in its unit: "45 ms", "$7.3k/mo", "1.2 TB", "11.6k QPS", "22". */
export function formatFigure(figure: DiffFigure, value: number): string {
  switch (figure) {
    case 'p99Ms': return formatMs(value);
    case 'costUsdPerMonth': return `${formatUsd(value)}/mo`;
    case 'storageBytes': return formatBytes(value);
    case 'peakQps': return formatQps(value);
    case 'replicas': return String(value);
  }
}

/** A figure's change in words: "p99 -12 ms", "cost +$7.3k/mo", "p99 ∞ → 45 ms"; undefined when it does not move. */
export function deltaText(d: FigureDelta): string | undefined {
  if (d.before === d.after) return undefined;
  const name = FIGURE_NAMES[d.figure];
  if (d.delta === null) {
    const side = (v: number | null) => (v === null ? (d.figure === 'p99Ms' ? '∞' : 'none') : formatFigure(d.figure, v));
    return `${name} ${side(d.before)} → ${side(d.after)}`;
  }
  if (d.delta === 0) return undefined;
  return `${name} ${d.delta > 0 ? '+' : '-'}${formatFigure(d.figure, Math.abs(d.delta))}`;
}

/** The headline changes in one line: "p99 -12 ms, cost +$7.3k/mo, storage +1.2 TB"; says so when none moves. */
export function diffSummary(diff: DesignDiff): string {
  const parts = diff.figures.map(deltaText).filter((t): t is string => t !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'no change in p99, cost, storage or peak load';
}
