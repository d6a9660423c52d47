/**
 * The latency grid's precision on very large designs (docs/estimator.md
 * "Precision on very large designs"): from COARSE_FROM_NODES nodes the
 * distributions live on a grid of steps twice as wide, which makes latency
 * composition and the p99 breakdown about twice as fast, and the design says so.
 */
import type { Diagram } from '../model/schema';
import { groupThousands } from '../numbers';
import { FINE_RATIO } from './gridPoints';
import type { Diagnostic } from './output';

/**
 * Designs with at least this many nodes are estimated on the coarse grid:
 * above it an estimate on the fine grid takes over a second of CPU, and the
 * app estimates again on every edit.
 */
export const COARSE_FROM_NODES = 5_000;
/** Fine steps per step of the coarse grid. */
export const COARSE_STEP = 2;
/**
 * How far figures on the coarse grid may fall from the fine grid's, relative
 * (the test of the coarse grid checks them on the blueprints, the test
 * designs and generated designs): means; p50 to p999 of a latency that
 * spreads (p99 at least SPREAD times p50); of a narrower one, whose few grid
 * steps are blurred by each sum.
 */
export const COARSE_TOLERANCE = { mean: 0.005, spread: 0.02, narrow: 0.1 } as const;
/** From this p99/p50 ratio a latency counts as spread. */
export const SPREAD = 2;

/** The grid step (in fine steps) a design is estimated on. */
export function gridStepFor(diagram: Pick<Diagram, 'nodes'>): number {
  return diagram.nodes.length >= COARSE_FROM_NODES ? COARSE_STEP : 1;
}

const percent = (share: number) => `${+(share * 100).toFixed(1)}%`;

/** A note on the design when its latencies were worked out on a coarser grid than the fine one. */
export function precisionDiagnostics(diagram: Pick<Diagram, 'nodes'>, gridStep: number): Diagnostic[] {
  if (gridStep === 1) return [];
  return [{
    severity: 'info',
    code: 'coarse-latency-grid',
    message:
      `this design has ${groupThousands(diagram.nodes.length)} nodes, so its latencies are worked out on a coarser grid ` +
      `(${percent(Math.pow(FINE_RATIO, gridStep) - 1)} steps instead of ${percent(FINE_RATIO - 1)}) to keep the estimate fast. ` +
      `Against the fine grid: means within ${percent(COARSE_TOLERANCE.mean)}; p50 to p999 within ${percent(COARSE_TOLERANCE.spread)} ` +
      `where p99 is at least ${SPREAD}x p50, within ${percent(COARSE_TOLERANCE.narrow)} where the latency is narrower. ` +
      'Estimate a part of the design on its own for the fine figures.',
  }];
}
