import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { DOC_DERIVATIONS_MAX_NODES, renderMarkdown } from '../../shared/export/markdown';
import { renderMermaid } from '../../shared/export/mermaid';
import type { Diagram } from '../../shared/model/schema';
import { fixtureJson, mustLoad } from '../helpers';

const fixture = (): Diagram => mustLoad(fixtureJson('small-search.mlsd.json'));
const markdownOf = (d: Diagram) => renderMarkdown({ diagram: d, estimate: estimate(d) });
const mermaidOf = (d: Diagram, figures = true) => renderMermaid({ diagram: d, estimate: estimate(d), figures });

describe('the design document', () => {
  it('lists the notes on the diagram, each as a sticky note or free text', () => {
    const d = fixture();
    d.annotations = [
      { id: 'n1', kind: 'note', text: 'Ask about *peaks*', position: { x: 0, y: 0 } },
      { id: 't1', kind: 'text', text: 'Region: EU', position: { x: 0, y: 50 } },
    ];
    expect(markdownOf(d)).toContain('## Notes on the diagram\n\n- Sticky note: Ask about \\*peaks\\*\n- Text: Region: EU\n');
    expect(markdownOf(fixture())).not.toContain('## Notes on the diagram');
  });

  it('leaves out the sections a design has nothing for', () => {
    const d = fixture();
    delete d.brief;
    delete d.budgets;
    delete d.description;
    for (const node of d.nodes) delete node.notes;
    const md = markdownOf(d);
    for (const heading of ['## The question', '## Requirements', '## Serving', '## Budgets', '## Assumptions', '## Notes\n']) expect(md).not.toContain(heading);
    expect(md).toMatch(/^# Small image search\n\n## Architecture\n/);
    expect(md).toContain('## End-to-end latency');
  });

  it('shows only the budget a design sets', () => {
    const d = fixture();
    d.budgets = { monthlyCostUsd: 1_000_000 };
    const md = markdownOf(d);
    expect(md).toMatch(/## Budgets\n\n- Cost: \$[\d.,k]+\/month against \$1M\/month: within budget\n\n## Diagnostics\n/);
  });

  it('has no latency table and no appendix for a design with no traffic and no nodes', () => {
    const d: Diagram = { ...fixture(), nodes: [], edges: [], groups: [] };
    const md = markdownOf(d);
    expect(md).not.toContain('## End-to-end latency');
    expect(md).toContain('## Components');
    expect(md).toContain('Total storage 0 B; total cost $0 a month.');
  });

  it('derives every figure up to its size limit, and beyond it says where the derivations are', () => {
    const withComponents = (count: number): Diagram => {
      const d = fixture();
      const extra = Array.from({ length: count - d.nodes.length }, (_, i) => ({ id: `extra${i}`, kind: 'service' as const, label: `Extra ${i}` }));
      return { ...d, nodes: [...d.nodes, ...extra] };
    };
    const atLimit = markdownOf(withComponents(DOC_DERIVATIONS_MAX_NODES));
    expect(atLimit).toContain('### Extra 0\n');
    expect(atLimit).toContain(`### Extra ${DOC_DERIVATIONS_MAX_NODES - fixture().nodes.length - 1}\n`);
    const beyond = markdownOf(withComponents(DOC_DERIVATIONS_MAX_NODES + 1));
    expect(beyond).toContain('## How each number was derived\n\nLeft out for a design of more than 2,000 components: `mlsd explain`');
    expect(beyond).not.toContain('### ');
    expect(beyond).toContain('| Extra 0 | Service |');
  });
});

describe('the Mermaid flowchart', () => {
  it('holds no backtick, so the design document fences it with three', () => {
    const d = fixture();
    d.title = 'Search ```js';
    d.nodes[0]!.label = '`users` ```';
    d.nodes[1]!.notes = 'see ```code```';
    d.groups![0]!.label = 'a `group`';
    d.edges[0]!.label = '``rpc``';
    const mmd = mermaidOf(d);
    expect(mmd).not.toContain('`');
    const md = markdownOf(d);
    expect(md).toContain(`## Architecture\n\n\`\`\`mermaid\n${mmd.trimEnd()}\n\`\`\`\n\n##`);
  });

  it('draws no empty group, and draws nodes outside any group at the top level', () => {
    const d = fixture();
    d.groups!.push({ id: 'empty', label: 'Nothing here' });
    delete d.nodes[9]!.group;
    const mmd = mermaidOf(d);
    expect(mmd).not.toContain('Nothing here');
    expect(mmd).toMatch(/^ {2}n_images\["Images\n/m);
    expect(mmd).toMatch(/^ {4}n_monitor\["Drift monitor \(PSI\)\n/m);
    expect(mmd.match(/^ {2}subgraph /gm)).toHaveLength(2);
  });

  it('captions a call with its count, and with its rate only when figures are on', () => {
    expect(mermaidOf(fixture())).toMatch(/n_cache -->\|"×8 · [\d.,k]+ QPS · 8 shards"\| n_ann/);
    expect(mermaidOf(fixture(), false)).toContain('n_cache -->|"×8 · 8 shards"| n_ann');
    expect(mermaidOf(fixture(), false)).toContain('n_users --> n_gateway\n');
  });
});
