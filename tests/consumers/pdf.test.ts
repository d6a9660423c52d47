import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { CASES, exported, ROOT, squeeze } from './corpus';

/** The PDF's text as pdf.js extracts it (what selecting, searching and copying give). */
async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; width: number; height: number }> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false, standardFontDataUrl: `${ROOT}/node_modules/pdfjs-dist/standard_fonts/` }).promise;
  const page = await pdf.getPage(1);
  const content = await page.getTextContent();
  const [, , width, height] = page.view;
  const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  return { pages: pdf.numPages, text, width: width!, height: height! };
}

/** What Helvetica can set: characters outside its encoding are drawn as "?". */
const latin = (text: string) => squeeze(text.replace(/∞/g, 'inf').replace(/[^\u0000-\u00ff€–—‘’“”•…×·]/gu, '?'));

describe('pdf.js reads every PDF export as text', () => {
  it.each(CASES.map((c) => [c.name, c.diagram] as const))('%s', async (_, diagram) => {
    const { pages, text } = await pdfText((await exported(diagram, 'pdf')) as Uint8Array);
    expect(pages).toBe(1);
    const words = latin(text);
    const solid = words.replace(/ /g, '');
    // Labels and the title are wrapped onto lines, never cut: each is there whole, in order.
    for (const label of [diagram.title, ...diagram.nodes.map((n) => n.label)]) expect(solid, label).toContain(latin(label).replace(/ /g, ''));
    for (const legend of ['sync (caller waits)', 'async (queued)', 'offline (batch data)', 'Total storage']) expect(words).toContain(legend);
  });

  it('puts the picture on A4 or Letter landscape, text still searchable', async () => {
    const diagram = CASES[0]!.diagram;
    for (const [paper, size] of [['a4', [841.89, 595.28]], ['letter', [792, 612]]] as const) {
      const { text, width, height } = await pdfText((await exported(diagram, 'pdf', { paper })) as Uint8Array);
      expect([width, height]).toEqual(size);
      expect(latin(text)).toContain(latin(diagram.nodes[0]!.label).split(' ')[0]);
    }
  });
});
