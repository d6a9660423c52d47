/**
 * The estimator's figures beside the simulation's, per entry: where they
 * disagree by more than the simulation's interval plus 5%, the estimate is
 * flagged.
 */
import type { Estimate } from '../estimator/output';
import type { SimulationResult } from './simulate';

/** Relative slack allowed on top of the simulation's interval before a figure is flagged. */
export const DISAGREEMENT_SHARE = 0.05;

export const COMPARED = ['p50', 'p99', 'p999'] as const;
export type ComparedFigure = (typeof COMPARED)[number];

/** One figure of one entry, both ways. */
export interface FigureComparison {
  figure: ComparedFigure;
  /** The estimator's value, ms; null when it reports the latency unbounded. */
  estimatedMs: number | null;
  /** The simulated value and its 95% half-width, ms; null when unbounded. */
  simulatedMs: number | null;
  halfWidthMs: number | null;
  /** (estimate - simulation) / simulation; null when either is missing. */
  relativeError: number | null;
  disagrees: boolean;
}

export interface EntryComparison {
  node: string;
  requests: number;
  figures: FigureComparison[];
}

/** Compares each simulated entry with the estimate of the same diagram. */
export function compareWithEstimate(estimate: Pick<Estimate, 'entries'>, simulation: SimulationResult): EntryComparison[] {
  return simulation.entries.map((entry) => {
    const estimated = estimate.entries.find((e) => e.node === entry.node)?.latencyMs ?? null;
    const figures = COMPARED.map((figure): FigureComparison => {
      const analytic = estimated ? estimated[figure] : null;
      const simulated = entry.latencyMs ? entry.latencyMs[figure] : null;
      if (analytic === null || simulated === null) {
        return {
          figure, estimatedMs: analytic, simulatedMs: simulated?.value ?? null, halfWidthMs: simulated?.halfWidth ?? null,
          relativeError: null, disagrees: (analytic === null) !== (simulated === null),
        };
      }
      const difference = analytic - simulated.value;
      const relativeError = simulated.value > 0 ? difference / simulated.value : difference === 0 ? 0 : Infinity;
      const disagrees = Math.abs(difference) > simulated.halfWidth + DISAGREEMENT_SHARE * simulated.value;
      return { figure, estimatedMs: analytic, simulatedMs: simulated.value, halfWidthMs: simulated.halfWidth, relativeError, disagrees };
    });
    return { node: entry.node, requests: entry.requests, figures };
  });
}
