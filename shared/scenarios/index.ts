/** Scenarios: named variants of one design in one file, switched and compared. */
import type { Catalog } from '../catalog';
import { estimate } from '../estimator/estimate';
import type { Diagram } from '../model/schema';
import { diffDesigns, type DesignDiff } from './diff';
import { activeScenario, scenarioDiagram } from './variants';

export * from './diff';
export * from './variants';

/** Compares two scenarios of one file, each estimated at the same load and prices; undefined when either name is unknown. */
export function diffScenarios(diagram: Diagram, before: string, after: string, options: { catalog?: Catalog; trafficMultiplier?: number } = {}): DesignDiff | undefined {
  const a = scenarioDiagram(diagram, before);
  const b = scenarioDiagram(diagram, after);
  if (!a || !b) return undefined;
  return diffDesigns({ name: before, diagram: a, estimate: estimate(a, options) }, { name: after, diagram: b, estimate: estimate(b, options) });
}

/** Each other scenario compared with the one shown, in file order. */
export function diffAgainstShown(diagram: Diagram, options: { catalog?: Catalog } = {}): DesignDiff[] {
  const shown = activeScenario(diagram);
  return (diagram.scenarios ?? []).map((s) => diffScenarios(diagram, shown, s.name, options)!);
}
