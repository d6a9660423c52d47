/**
 * Scenarios: named variants of one design in one file. The variant shown is
 * the file's own graph (named by `scenario`, "baseline" when unnamed); the
 * others wait in `scenarios`. Switching swaps them, so every reader of a
 * diagram (estimator, exporters, linter) sees the variant shown, and neither
 * variant's edits are ever lost.
 */
import { LIMITS } from '../model/blocks';
import type { Diagram, Scenario } from '../model/schema';

/** The name a file's own graph has before anyone names it. */
export const DEFAULT_SCENARIO = 'baseline';

/** The name of the variant shown. */
export function activeScenario(diagram: Diagram): string {
  return diagram.scenario ?? DEFAULT_SCENARIO;
}

/** Where the variant shown stands among all of them (`scenarioIndex`, first when the file does not say). */
function shownIndex(diagram: Diagram): number {
  return Math.min(diagram.scenarioIndex ?? 0, diagram.scenarios?.length ?? 0);
}

/** Every variant in the order the person made them, the one shown in its place. */
function orderedVariants(diagram: Diagram): Scenario[] {
  const all = (diagram.scenarios ?? []).slice();
  all.splice(shownIndex(diagram), 0, variantOf(diagram, activeScenario(diagram)));
  return all;
}

/** Every variant's name, in the order the person made them: showing another one never reorders them. */
export function scenarioNames(diagram: Diagram): string[] {
  const names = (diagram.scenarios ?? []).map((s) => s.name);
  names.splice(shownIndex(diagram), 0, activeScenario(diagram));
  return names;
}

/** The part of a diagram that differs between variants. */
function variantOf(diagram: Diagram, name: string): Scenario {
  const variant: Scenario = { name, nodes: diagram.nodes, edges: diagram.edges };
  if (diagram.groups) variant.groups = diagram.groups;
  if (diagram.annotations) variant.annotations = diagram.annotations;
  return variant;
}

/** A diagram showing `variant` at place `index` among all, with `others` waiting in order; without others, no scenario fields at all. */
function showing(diagram: Diagram, variant: Scenario, others: Scenario[], index: number): Diagram {
  const { groups: _g, annotations: _a, scenario: _s, scenarios: _l, scenarioIndex: _i, ...shared } = diagram;
  const next: Diagram = { ...shared, nodes: variant.nodes, edges: variant.edges };
  if (variant.groups) next.groups = variant.groups;
  if (variant.annotations) next.annotations = variant.annotations;
  if (others.length > 0 || variant.name !== DEFAULT_SCENARIO) next.scenario = variant.name;
  if (others.length > 0) next.scenarios = others;
  if (others.length > 0 && index > 0) next.scenarioIndex = Math.min(index, others.length);
  return next;
}

/** The diagram with `name` shown and the variant that was shown kept in its place; unchanged when `name` is already shown or unknown. */
export function switchScenario(diagram: Diagram, name: string): Diagram {
  if (name === activeScenario(diagram)) return diagram;
  const all = orderedVariants(diagram);
  const index = all.findIndex((s) => s.name === name);
  if (index < 0) return diagram;
  return showing(diagram, all[index]!, all.filter((_, i) => i !== index), index);
}

/** Why a text cannot name a scenario at all, or undefined when it can. */
function nameShapeProblem(name: string): string | undefined {
  if (!/^\S(?:.*\S)?$/.test(name)) return 'a scenario needs a name, without spaces at either end';
  if ([...name].length > LIMITS.scenarioName) return `a scenario's name has at most ${LIMITS.scenarioName} characters`;
  return undefined;
}

const taken = (diagram: Diagram, name: string) => (scenarioNames(diagram).includes(name) ? `there is already a scenario "${name}"` : undefined);

/** Why a name cannot be a new scenario's, or undefined when it can. */
export function scenarioNameProblem(diagram: Diagram, name: string): string | undefined {
  const full = (diagram.scenarios?.length ?? 0) >= LIMITS.scenarios ? `a file holds at most ${LIMITS.scenarios + 1} scenarios` : undefined;
  return nameShapeProblem(name) ?? taken(diagram, name) ?? full;
}

/** A new variant, a copy of the one shown, shown under `name`; the one that was shown is kept. Throws on a name `scenarioNameProblem` refuses. */
export function addScenario(diagram: Diagram, name: string): Diagram {
  const problem = scenarioNameProblem(diagram, name);
  if (problem) throw new Error(problem);
  const copy = structuredClone(variantOf(diagram, name));
  const all = orderedVariants(diagram);
  return showing(diagram, copy, all, all.length);
}

/** The diagram with a variant renamed (shown or not). */
export function renameScenario(diagram: Diagram, from: string, to: string): Diagram {
  if (from === to) return diagram;
  const problem = nameShapeProblem(to) ?? taken(diagram, to);
  if (problem) throw new Error(problem);
  if (from === activeScenario(diagram)) return showing(diagram, variantOf(diagram, to), diagram.scenarios ?? [], shownIndex(diagram));
  return { ...diagram, scenarios: (diagram.scenarios ?? []).map((s) => (s.name === from ? { ...s, name: to } : s)) };
}

/** The diagram without a variant; deleting the one shown shows the first other. The last variant cannot be deleted. */
export function deleteScenario(diagram: Diagram, name: string): Diagram {
  const others = diagram.scenarios ?? [];
  if (others.length === 0) return diagram;
  if (name !== activeScenario(diagram)) {
    const all = orderedVariants(diagram).filter((s) => s.name !== name);
    const index = all.findIndex((s) => s.name === activeScenario(diagram));
    return showing(diagram, all[index]!, all.filter((_, i) => i !== index), index);
  }
  return showing(diagram, others[0]!, others.slice(1), 0);
}

/** The diagram as it would be with `name` shown: for estimating or comparing a variant without switching to it. */
export function scenarioDiagram(diagram: Diagram, name: string): Diagram | undefined {
  if (name === activeScenario(diagram)) return diagram;
  const switched = switchScenario(diagram, name);
  return switched === diagram ? undefined : switched;
}
