import type { Catalog } from '../catalog';
import type { Problem } from '../model/problems';
import type { Diagram } from '../model/schema';
import { checkStructure } from '../model/structure';
import { DEFAULT_SCENARIO } from './variants';

/**
 * The problems of a file's other scenarios: names that repeat (the variant
 * shown counts), and in each variant the same structural checks as the
 * file's own graph, at paths such as `scenarios[1].edges[4].target`.
 */
export function scenarioProblems(diagram: Diagram, catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const others = diagram.scenarios?.length ?? 0;
  if ((diagram.scenarioIndex ?? 0) > others) {
    problems.push({ path: 'scenarioIndex', code: 'scenario-index', message: `must be at most the number of other scenarios (${others})` });
  }
  const seen = new Set([diagram.scenario ?? DEFAULT_SCENARIO]);
  (diagram.scenarios ?? []).forEach((variant, index) => {
    const at = `scenarios[${index}]`;
    if (seen.has(variant.name)) problems.push({ path: `${at}.name`, code: 'duplicate-scenario', message: `another scenario is already called "${variant.name}"` });
    seen.add(variant.name);
    const shown = { ...diagram, groups: variant.groups, nodes: variant.nodes, edges: variant.edges, annotations: variant.annotations };
    for (const problem of checkStructure(shown, catalog)) problems.push({ ...problem, path: `${at}.${problem.path}` });
  });
  return problems;
}
