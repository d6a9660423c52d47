import type { Catalog } from '../catalog';
import type { Estimate } from '../estimator/output';
import { markdownText } from '../export/escape';
import type { Diagram } from '../model/schema';
import { explainContext } from './context';
import { explainFigure, nodeFigures } from './explain';
import { derivationLines, HEADLINE_FIGURES, type Derivation } from './figures';

/** A derivation's lines, leaving out lines already shown for the same node (the sizing steps replicas and utilization share). */
function freshLines(derivation: Derivation, shown: Set<string>): string[] {
  const lines = derivationLines(derivation).filter((line) => !shown.has(line));
  for (const line of lines) shown.add(line);
  return lines;
}

function* section(title: string, derivations: readonly Derivation[]): Generator<string, void, undefined> {
  const shown = new Set<string>();
  yield `### ${markdownText(title)}`;
  yield '';
  for (const d of derivations) {
    const lines = freshLines(d, shown);
    yield `- **${markdownText(d.title)}**${lines.length === 0 ? ': as above' : ''}`;
    for (const line of lines) yield `  - ${markdownText(line)}`;
  }
  yield '';
}

/**
 * The design document's appendix "How each number was derived": the headline
 * figures, then each component's, every one with its actual inputs. Lines are
 * made a component at a time, so a large design's appendix is never held whole.
 */
export function* derivationAppendix(diagram: Diagram, estimate: Estimate, catalog?: Catalog): Generator<string, void, undefined> {
  const ctx = explainContext(diagram, estimate, catalog ? { catalog } : {});
  yield* ['## How each number was derived', '', 'Latencies are percentiles of composed distributions, so they are shown with the parts that were composed rather than as a sum.', ''];
  yield* section('The whole design', HEADLINE_FIGURES.map((headline) => explainFigure(ctx, { headline })));
  for (const node of diagram.nodes) {
    const derivations = nodeFigures(ctx, node.id).map((figure) => explainFigure(ctx, { node: node.id, figure }));
    if (derivations.length > 0) yield* section(node.label, derivations);
  }
}
