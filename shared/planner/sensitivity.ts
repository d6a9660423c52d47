import { DEFAULT_CATALOG } from '../catalog';
import { holdFleet } from '../estimator/fleet';
import type { Diagram } from '../model/schema';
import { checkStructure } from '../model/structure';
import { p99OrInfinity, planFigures, type PlanFigures, type PlanOptions } from './figures';
import { designInputs, inputValue, scaleInput } from './inputs';

export interface SensitivityOptions extends PlanOptions {
  /** How far each input moves either way, as a share of its value; default 0.5 (+-50%). */
  range?: number;
  /** Called after each estimate with how many are done out of how many there will be. */
  onProgress?: (done: number, total: number) => void;
}

/** The design's figures with one input moved down or up. */
export interface InputSwing {
  value: number;
  worstP99Ms: number | null;
  costUsdPerMonth: number;
}

/** How much one input moves the worst entry p99 and the monthly cost. */
export interface InputEffect {
  id: string;
  label: string;
  base: number;
  low: InputSwing;
  high: InputSwing;
  /** The larger change of the worst p99 either way, ms; Infinity where a move saturates the design. */
  p99EffectMs: number;
  /** The larger change of the monthly cost either way, dollars. */
  costEffectUsd: number;
}

export interface Sensitivity {
  range: number;
  base: { worstP99Ms: number | null; costUsdPerMonth: number };
  /** Every input, largest effect on the worst p99 first. */
  byP99: InputEffect[];
  /** Every input, largest effect on the monthly cost first. */
  byCost: InputEffect[];
}

function swing(value: number, figures: PlanFigures): InputSwing {
  return { value, worstP99Ms: figures.worstP99Ms, costUsdPerMonth: figures.costUsdPerMonth };
}

function p99Change(base: number, moved: number): number {
  if (base === moved) return 0;
  return Math.abs(moved - base);
}

/**
 * Moves every numeric input of the design down and up by `range` (one at a
 * time, the others as they are) and ranks the inputs by how far each moves
 * the worst entry p99 and the monthly cost. An unbounded p99 (a move that
 * saturates something) ranks first. With `fixedFleet`, every "auto" pool is
 * first held at the replicas the design has today, so a move runs on the
 * same servers (and their replica counts are inputs).
 */
export function sensitivity(input: Diagram, options: SensitivityOptions = {}): Sensitivity {
  const range = options.range ?? 0.5;
  const valid = checkStructure(input, options.catalog ?? DEFAULT_CATALOG).length === 0;
  const diagram = options.fixedFleet && valid ? holdFleet(input) : input;
  const inputs = designInputs(diagram);
  const total = 1 + inputs.length * 2;
  let done = 0;
  const at = (variant: Diagram): PlanFigures => {
    const figures = planFigures(variant, 1, { catalog: options.catalog });
    done += 1;
    options.onProgress?.(done, total);
    return figures;
  };
  const base = at(diagram);
  const baseP99 = p99OrInfinity(base);
  const effects: InputEffect[] = inputs.map((input) => {
    const lowDiagram = scaleInput(diagram, input, 1 - range);
    const highDiagram = scaleInput(diagram, input, 1 + range);
    const low = at(lowDiagram);
    const high = at(highDiagram);
    return {
      id: input.id,
      label: input.label,
      base: input.base,
      low: swing(inputValue(lowDiagram, input), low),
      high: swing(inputValue(highDiagram, input), high),
      p99EffectMs: Math.max(p99Change(baseP99, p99OrInfinity(low)), p99Change(baseP99, p99OrInfinity(high))),
      costEffectUsd: Math.max(Math.abs(low.costUsdPerMonth - base.costUsdPerMonth), Math.abs(high.costUsdPerMonth - base.costUsdPerMonth)),
    };
  });
  return {
    range,
    base: { worstP99Ms: base.worstP99Ms, costUsdPerMonth: base.costUsdPerMonth },
    byP99: [...effects].sort((a, b) => b.p99EffectMs - a.p99EffectMs),
    byCost: [...effects].sort((a, b) => b.costEffectUsd - a.costEffectUsd),
  };
}
