import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { blueprint } from '../../shared/blueprints';
import type { Diagram } from '../../shared/model/schema';
import { estimate } from '../../shared/estimator/estimate';
import { renderMarkdown } from '../../shared/export/markdown';
import { everyFailure, failureChoices } from '../../shared/planner/failures';
import { DOC_PLANNER_MAX_NODES, DOC_SWEEP_POINTS, TOP_INPUTS } from '../../shared/planner/markdown';
import { sensitivity } from '../../shared/planner/sensitivity';
import { formatMultiplier, sweep } from '../../shared/planner/sweep';
import { formatMs, formatUsd } from '../../shared/units';
import { call, diagramOf, svc, users } from '../estimator/build';

/** The tables of a Markdown document as a reader sees them (cell text, unescaped), by the h2 heading above them. */
function tablesBySection(markdown: string): Map<string, string[][][]> {
  const tokens = new MarkdownIt().parse(markdown, {});
  const sections = new Map<string, string[][][]>();
  let section = '';
  let rows: string[][] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'heading_open' && t.tag === 'h2') section = tokens[i + 1]!.content;
    if (t.type === 'table_open') rows = [];
    if (t.type === 'tr_open') rows!.push([]);
    if (t.type === 'inline' && rows && (tokens[i - 1]!.type === 'td_open' || tokens[i - 1]!.type === 'th_open')) {
      rows.at(-1)!.push((t.children ?? []).map((c) => c.content).join(''));
    }
    if (t.type === 'table_close') {
      sections.set(section, [...(sections.get(section) ?? []), rows!]);
      rows = null;
    }
  }
  return sections;
}

const doc = (diagram: Diagram) => renderMarkdown({ diagram, estimate: estimate(diagram) });

describe("the design doc carries the planner's figures", () => {
  const diagram = blueprint('video-recommendation')!;
  const tables = tablesBySection(doc(diagram));

  it('where the design breaks: the load at which each budget is missed and the first node to saturate', () => {
    const swept = sweep(diagram, { points: DOC_SWEEP_POINTS });
    const label = (id?: string) => diagram.nodes.find((n) => n.id === id)?.label ?? '—';
    const [knees] = tables.get('Where the design breaks')!;
    expect(knees).toEqual([
      ['What', 'Breaks at', 'First to saturate'],
      ['A node saturates', formatMultiplier(swept.saturation.multiplier!), label(swept.saturation.node)],
      ['p99 over 200 ms', formatMultiplier(swept.p99Budget!.multiplier!), label(swept.p99Budget!.node)],
      ['Cost over $500k/mo', formatMultiplier(swept.costBudget!.multiplier!), '—'],
    ]);
    // The knees are the ones a full sweep finds, to the digits shown.
    const full = sweep(diagram);
    expect(knees!.slice(1).map((r) => r[1])).toEqual([full.saturation, full.p99Budget!, full.costBudget!].map((k) => formatMultiplier(k.multiplier!)));
  });

  it('what matters most: the inputs that move p99 and cost most, with the figures at -50% and +50%', () => {
    const ranked = sensitivity(diagram);
    const [byP99, byCost] = tables.get('What matters most')!;
    expect(byP99!.slice(1)).toEqual(ranked.byP99.slice(0, TOP_INPUTS).map((e) => [e.label, formatMs(e.low.worstP99Ms), formatMs(e.high.worstP99Ms), formatMs(e.p99EffectMs)]));
    expect(byCost!.slice(1)).toEqual(ranked.byCost.slice(0, TOP_INPUTS).map((e) => [e.label, `${formatUsd(e.low.costUsdPerMonth)}/mo`, `${formatUsd(e.high.costUsdPerMonth)}/mo`, `${formatUsd(e.costEffectUsd)}/mo`]));
  });

  it('failures: every failure the app offers, its figures beside the normal ones', () => {
    const [failures] = tables.get('Failures')!;
    const results = everyFailure(diagram);
    expect(failures!.length).toBe(2 + failureChoices(diagram).length);
    expect(failures![1]!.slice(0, 3)).toEqual(['None', formatMs(results[0]!.normal.worstP99Ms), `${formatUsd(results[0]!.normal.costUsdPerMonth)}/mo`]);
    const cold = results.find((r) => r.failure.kind === 'cold-cache' && r.failed.saturated.length > 0)!;
    const row = failures!.find((r) => r[0] === cold.title)!;
    expect(row.slice(1, 4)).toEqual(['∞', `${formatUsd(cold.failed.costUsdPerMonth)}/mo`, cold.failed.saturated.map((id) => diagram.nodes.find((n) => n.id === id)!.label).join(', ')]);
    const down = results.find((r) => r.failure.kind === 'node-down' && r.failingCalls.length === 1)!;
    const call = down.failingCalls[0]!;
    expect(failures!.find((r) => r[0] === down.title)![4]).toContain(`→ ${diagram.nodes.find((n) => n.id === call.to)!.label}`);
  });

  it('a design too large for an export to plan says where to get the figures instead', () => {
    const many = Array.from({ length: DOC_PLANNER_MAX_NODES }, (_, i) => svc(`s${i}`, 1, 2));
    const large = diagramOf([users(100), ...many], many.map((s) => call('users', s.id)));
    const text = doc(large);
    expect(text).toContain('## Where the design breaks\n\nLeft out for a design of more than 100 components');
    expect(tablesBySection(text).has('What matters most')).toBe(false);
  });
});
