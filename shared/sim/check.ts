/**
 * "Check by simulation" as one job: validate the structure, simulate in
 * slices (reporting progress, so a host can show it and stop between
 * slices), and compare with the estimate of the same diagram.
 */
import { estimate } from '../estimator/estimate';
import { DEFAULT_CATALOG } from '../catalog';
import { checkStructure } from '../model/structure';
import type { Diagram } from '../model/schema';
import { compareWithEstimate, type EntryComparison } from './compare';
import { startSimulation, type SimulationResult } from './simulate';

/** Events per slice: a few milliseconds of work between progress reports. */
export const SLICE_EVENTS = 50_000;

export type SimulationCheck =
  | { ok: true; simulation: SimulationResult; comparison: EntryComparison[] }
  | { ok: false; message: string };

/** Prepares the check of a diagram; `step` runs one slice and returns the outcome when done. */
export function startCheck(doc: Diagram, requests: number, seed = 1): { progress: () => number; step: () => SimulationCheck | null } {
  const problems = checkStructure(doc, DEFAULT_CATALOG);
  if (problems.length > 0) {
    const message = `the diagram cannot be simulated: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
    return { progress: () => 1, step: () => ({ ok: false, message }) };
  }
  const run = startSimulation(doc, { requests, seed });
  return {
    progress: () => run.progress,
    step: () => {
      if (!run.advance(SLICE_EVENTS)) return null;
      const simulation = run.result();
      return { ok: true, simulation, comparison: compareWithEstimate(estimate(doc), simulation) };
    },
  };
}
