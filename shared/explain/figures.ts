/**
 * What a derivation is: the figure it explains, the steps that produce it,
 * each with its numbers and units, and whether the steps are plain
 * arithmetic (recomputable from the numbers shown) or a composition of
 * distributions (the parts are shown, the tail is read off their composition).
 */
import { render, renderValue, type Term, type Unit, type ValueTerm } from './expression';

/** The figures of a node that can be explained. */
export const NODE_FIGURES = ['peakQps', 'avgQps', 'replicas', 'utilization', 'p99', 'storage', 'cost', 'breakdown'] as const;
export type NodeFigure = (typeof NODE_FIGURES)[number];

/** The headline figures of a whole design. */
export const HEADLINE_FIGURES = ['worstP99', 'totalCost', 'totalStorage', 'peakLoad'] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

/** Names one figure: of a node (an entry's p99 is its traffic node's), or of the whole design. */
export type FigureRef = { node: string; figure: NodeFigure } | { headline: HeadlineFigure };

/** One line of a derivation. */
export interface Step {
  /** What the line works out, in words: "Peak rate", "Mean service time". */
  name: string;
  /** The result, with its unit. */
  result: ValueTerm;
  /** The arithmetic that gives the result; absent where the result is read off a distribution. */
  expr?: Term;
  /** For a composed result: the parts that went into the composition. */
  parts?: ValueTerm[];
  /** For a composed result: how the parts were put together, in words. */
  method?: string;
}

/**
 * How a figure came about. `arithmetic`: the last step's expression, evaluated,
 * gives `value`. `composed`: read off a distribution; the steps list what was
 * composed. `none`: no derivation, `note` says why (no such figure, unbounded,
 * or a part of the model these derivations do not cover).
 */
export interface Derivation {
  figure: FigureRef;
  /** "Peak QPS of Ranker". */
  title: string;
  /** The estimator's figure; null where it has none (unbounded, not modelled). */
  value: number | null;
  unit: Unit;
  status: 'arithmetic' | 'composed' | 'none';
  steps: Step[];
  note?: string;
}

/** One line as a worksheet writes it: "Peak rate: 11.6k QPS = 100M DAU x 5 req/user/day / 86,400 s/day x 2 peak:avg". */
export function stepText(step: Step): string {
  const head = `${step.name}: ${renderValue(step.result)}`;
  if (step.expr) return `${head} = ${render(step.expr)}`;
  const parts = step.parts?.length ? ` from ${step.parts.map(renderValue).join(', ')}` : '';
  return `${head}${parts}${step.method ? ` (${step.method})` : ''}`;
}

/** A derivation as lines of text: its title, each step, its note. */
export function derivationLines(derivation: Derivation): string[] {
  const lines = derivation.steps.map(stepText);
  if (derivation.note) lines.push(derivation.note);
  return lines;
}

/** A stable key for a figure, for maps and element ids: "ranker:p99", "headline:totalCost". */
export function figureKey(ref: FigureRef): string {
  return 'headline' in ref ? `headline:${ref.headline}` : `${ref.node}:${ref.figure}`;
}

/** Derivation of a figure that has none, saying why. */
export function noDerivation(figure: FigureRef, title: string, value: number | null, unit: Unit, note: string): Derivation {
  return { figure, title, value, unit, status: 'none', steps: [], note };
}
