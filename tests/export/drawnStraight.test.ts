import { describe, expect, it } from 'vitest';
import { sceneOfPlan, scenePlan } from '../../shared/export/drawing';
import { linesPath } from '../../shared/export/drawer';
import { renderPdf, renderPlanPdf } from '../../shared/export/pdf';
import { num, pathOperators } from '../../shared/export/pdfPath';
import { joinPieces } from '../../shared/export/pieces';
import { planSvg, sceneSvg } from '../../shared/export/svg';
import { xmlText } from '../../shared/export/escape';
import { estimate } from '../../shared/estimator/estimate';
import type { ExportInput } from '../../shared/export/types';
import { annotatedSearch, inputOf, stackedSearch } from '../exportInput';

/** Designs that draw every primitive: groups, notes and free text, staged edges with captions, an unknown kind, figures and bars, both themes. */
function inputs(): [string, ExportInput][] {
  const annotated = annotatedSearch();
  annotated.nodes[1]!.label = 'A name with <markup> & "quotes" long enough to wrap';
  annotated.nodes[1]!.notes = 'Notes\nover two lines';
  annotated.edges[0]!.label = 'a label long enough to wrap onto a second line of its box';
  const stacked = stackedSearch();
  return [
    ['annotated, no figures', inputOf(annotated)],
    ['annotated, figures, dark', { ...inputOf(annotated, { theme: 'dark' }), estimate: estimate(annotated), figures: true }],
    ['stacked, figures', { ...inputOf(stacked), estimate: estimate(stacked), figures: true }],
  ];
}

describe('writers that draw the diagram straight, with no shapes', () => {
  it.each(inputs())('write the same SVG as the scene\'s shapes do (%s)', (_, input) => {
    const plan = scenePlan(input);
    const straight = joinPieces(planSvg(plan));
    expect(straight).toBe(joinPieces(sceneSvg(sceneOfPlan(plan))));
    // Every node and edge is in it, each once.
    expect(straight.match(/<g class="node"/g)).toHaveLength(input.diagram.nodes.length);
    expect(straight.match(/<g class="edge"/g)).toHaveLength(input.diagram.edges.length);
    expect(straight.match(/<g class="group"/g)).toHaveLength(input.diagram.groups!.length);
    expect(straight.match(/<g class="annotation"/g)?.length ?? 0).toBe(input.diagram.annotations?.length ?? 0);
    // Stage markers, captions and (with figures) utilization bars are drawn.
    expect(straight).toContain('data-stage="2"');
    expect(straight).toContain('text-anchor="middle" fill=');
    if (input.figures) expect(straight).toMatch(/<path d="M[\d.]+,[\d.]+ h[\d.]+ v3 h-[\d.]+ Z" fill="#/);
  });

  it.each(inputs())('write the same PDF as the scene\'s shapes do (%s)', async (_, input) => {
    const plan = scenePlan(input);
    expect(Buffer.from(await renderPlanPdf(plan, 'fit')).equals(Buffer.from(await renderPdf(sceneOfPlan(plan), 'fit')))).toBe(true);
  });

  it('write straight lines as the operators their path data reads as', () => {
    expect(linesPath([1, 2, 3, 4, 5, 6], true)).toBe('M1,2 L3,4 L5,6 Z');
    expect(linesPath([1.5, -2], false)).toBe('M1.5,-2');
    expect(pathOperators(linesPath([0, 0, 10.5, -3.25, 1 / 3, 1e-7], true))).toBe('0 0 m\n10.5 -3.25 l\n0.333 0 l\nh\n');
  });

  it('write whole numbers as they are and others to a thousandth', () => {
    expect([0, -0, 7, -42, 1_000_000, 9_007_199_254_739].map(num)).toEqual(['0', '0', '7', '-42', '1000000', '9007199254739']);
    expect([0.0004, -0.0004, 2.0006, 1 / 3, -2.5].map(num)).toEqual(['0', '0', '2.001', '0.333', '-2.5']);
  });

  it('escape markup in one pass, dropping what XML forbids', () => {
    expect(xmlText('{"a":"<b> & \'c\'"}\n\t\r')).toBe('{&quot;a&quot;:&quot;&lt;b&gt; &amp; &apos;c&apos;&quot;}&#10;&#9;&#13;');
    expect(xmlText('a\u0001b\uD800c')).toBe('abc');
    expect(xmlText('a\u0001<b')).toBe('a&lt;b');
  });
});
