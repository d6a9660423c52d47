import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { CASES, exported, hostileRan, squeeze, useConsumerPage } from './corpus';

// Raw HTML on, as many Markdown viewers have it: only the export's own escaping keeps labels and the brief from running.
const markdown = new MarkdownIt({ html: true, linkify: true });

interface Shown {
  title: string;
  headings: string[];
  mermaid: string[];
  cells: string[];
}

const { page: current, errors } = useConsumerPage();

describe('the Markdown design doc renders with raw HTML enabled, and nothing in it runs', () => {
  it.each(CASES.map((c) => [c.name, c.diagram] as const))('%s', async (_, diagram) => {
    errors.length = 0;
    const doc = (await exported(diagram, 'markdown')) as string;
    await current().setContent(`<!doctype html><html><body>${markdown.render(doc)}</body></html>`);
    const shown = await current().evaluate((): Shown => ({
      title: document.querySelector('h1')?.textContent ?? '',
      headings: [...document.querySelectorAll('h2')].map((h) => h.textContent ?? ''),
      mermaid: [...document.querySelectorAll('code.language-mermaid')].map((c) => c.textContent ?? ''),
      cells: [...document.querySelectorAll('td')].map((c) => c.textContent ?? ''),
    }));
    expect(errors).toEqual([]);
    expect(shown.title).toBe(squeeze(diagram.title));
    // The diagram block holds the whole Mermaid export: no label closed the fence early.
    expect(shown.mermaid).toEqual([(await exported(diagram, 'mermaid', { figures: true })) as string]);
    expect(shown.headings).toEqual(expect.arrayContaining(['Architecture', 'Components', 'Diagnostics']));
    // The planner's tables come through as tables: the knees, then each failure by name.
    if (diagram.nodes.some((n) => n.kind === 'traffic')) {
      expect(shown.headings).toEqual(expect.arrayContaining(['Where the design breaks', 'What matters most', 'Failures']));
      expect(shown.cells).toEqual(expect.arrayContaining(['A node saturates', 'None', 'one zone of 3 lost']));
    }
    for (const node of diagram.nodes) expect(shown.cells, node.label).toContain(squeeze(node.label));
    for (const node of diagram.nodes.filter((n) => n.notes)) expect(shown.cells, node.id).toContain(squeeze(node.notes!));
    expect(await hostileRan(current())).toBe(false);
  });
});
