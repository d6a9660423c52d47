import type { Estimate } from '../estimator/output';
import { markdownText } from '../export/escape';
import type { Diagram } from '../model/schema';
import { explainAll } from './explain';
import { derivationLines, type Derivation } from './figures';

/** A derivation's lines, leaving out lines already shown for the same node (the sizing steps replicas and utilization share). */
function freshLines(derivation: Derivation, shown: Set<string>): string[] {
  const lines = derivationLines(derivation).filter((line) => !shown.has(line));
  for (const line of lines) shown.add(line);
  return lines;
}

function section(title: string, derivations: readonly Derivation[]): string[] {
  const shown = new Set<string>();
  const out = [`### ${markdownText(title)}`, ''];
  for (const d of derivations) {
    const lines = freshLines(d, shown);
    out.push(`- **${markdownText(d.title)}**${lines.length === 0 ? ': as above' : ''}`);
    for (const line of lines) out.push(`  - ${markdownText(line)}`);
  }
  out.push('');
  return out;
}

/**
 * The design document's appendix "How each number was derived": the headline
 * figures, then each component's, every one with its actual inputs.
 */
export function derivationAppendix(diagram: Diagram, estimate: Estimate): string[] {
  const all = explainAll(diagram, estimate);
  const label = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const out = ['## How each number was derived', '', 'Latencies are percentiles of composed distributions, so they are shown with the parts that were composed rather than as a sum.', ''];
  out.push(...section('The whole design', all.headline));
  for (const node of all.nodes) if (node.derivations.length > 0) out.push(...section(label.get(node.id) ?? node.id, node.derivations));
  return out;
}
