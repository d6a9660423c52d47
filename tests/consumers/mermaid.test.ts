import { describe, expect, it } from 'vitest';
import { CASES, exported, hostileRan, ROOT, squeeze, useConsumerPage } from './corpus';

interface Rendered {
  nodes: string[];
  clusters: string[];
  edges: number;
  edgeLabels: string[];
}

const { page: current, errors } = useConsumerPage(async (page) => {
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: `${ROOT}/node_modules/mermaid/dist/mermaid.min.js` });
  // The most permissive setting: labels reach the page as HTML, so only the export's own escaping keeps them text.
  await page.evaluate(() => (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'loose', flowchart: { htmlLabels: true } }));
});

describe('Mermaid parses and draws every export', () => {
  it.each(CASES.map((c, i) => [c.name, c.diagram, i] as const))('%s', async (_, diagram, index) => {
    errors.length = 0;
    const text = (await exported(diagram, 'mermaid')) as string;
    const rendered = await current().evaluate(async ({ text, index }): Promise<Rendered> => {
      const { mermaid } = window as unknown as { mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } };
      await mermaid.parse(text);
      const { svg } = await mermaid.render(`diagram${index}`, text);
      const host = document.createElement('div');
      host.innerHTML = svg;
      document.body.append(host);
      const all = (selector: string) => [...host.querySelectorAll(selector)].map((e) => e.textContent ?? '');
      return { nodes: all('g.node'), clusters: all('g.cluster'), edges: host.querySelectorAll('path.flowchart-link').length, edgeLabels: all('g.edgeLabel') };
    }, { text, index });
    expect(errors).toEqual([]);
    expect(rendered.nodes).toHaveLength(diagram.nodes.length);
    expect(rendered.edges).toBe(diagram.edges.length);
    // Each label shows exactly as typed: the entity codes come back as the characters.
    for (const node of diagram.nodes) expect(rendered.nodes.some((t) => squeeze(t).includes(squeeze(node.label))), `${node.label} in ${JSON.stringify(rendered.nodes)}`).toBe(true);
    for (const edge of diagram.edges.filter((e) => e.label)) expect(rendered.edgeLabels.some((t) => squeeze(t).includes(squeeze(edge.label!))), edge.label).toBe(true);
    for (const group of (diagram.groups ?? []).filter((g) => diagram.nodes.some((n) => n.group === g.id))) {
      expect(rendered.clusters.some((t) => squeeze(t).includes(squeeze(group.label))), group.label).toBe(true);
    }
    expect(await hostileRan(current())).toBe(false);
  });
});
