import type { Catalog } from '../catalog';
import { markdownText } from '../export/escape';
import type { Diagram } from '../model/schema';
import { diffAgainstShown } from './index';
import { diffLines } from './report';
import { activeScenario } from './variants';

/**
 * The design document's "Scenarios" section: which scenario the document
 * shows, then every other one compared with it (changes and figure deltas).
 * Empty for a file without scenarios.
 */
export function scenarioSection(diagram: Diagram, catalog?: Catalog): string[] {
  if (!diagram.scenarios?.length) return [];
  const out = ['## Scenarios', '', `This document shows the scenario “${markdownText(activeScenario(diagram))}”. The others, compared with it:`, ''];
  for (const diff of diffAgainstShown(diagram, catalog ? { catalog } : {})) {
    const [summary, ...rest] = diffLines(diff);
    out.push(`### ${markdownText(diff.after)}`, '', markdownText(summary!), '');
    if (rest.length > 0) out.push(...rest.map((line) => `- ${markdownText(line)}`), '');
  }
  return out;
}
