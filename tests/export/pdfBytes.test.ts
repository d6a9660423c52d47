import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../shared/export/pdf';
import type { Shape } from '../../shared/export/scene';

/** The page's own content (not its shared copies), as text. */
async function pageContent(shapes: Shape[]): Promise<string> {
  const pdf = await PDFDocument.load(await renderPdf({ width: 400, height: 200, title: 'Bytes', background: '#ffffff', shapes }, 'fit'));
  const contents = pdf.getPage(0).node.Contents()!;
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref) as PDFRawStream) : [contents as PDFRawStream];
  return streams.map((stream) => new TextDecoder().decode(inflateSync(stream.contents))).join('');
}
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('a PDF page\'s content', () => {
  it('sets a stroke colour, width, dash, fill and font only when they change', async () => {
    const line = (y: number, stroke: string, dash?: number[]): Shape => ({ type: 'path', d: `M0,${y} L100,${y}`, stroke, strokeWidth: 2, ...(dash && { dash }) });
    const text = (y: number, colour: string): Shape => ({ type: 'text', x: 10, y, text: 'label', size: 11, colour });
    const content = await pageContent([line(10, '#ff0000'), line(20, '#ff0000'), line(30, '#ff0000', [6, 4]), line(40, '#00ff00', [6, 4]), text(50, '#333333'), text(60, '#333333'), text(70, '#000000')]);
    expect(count(content, / RG\n/g)).toBe(2);
    expect(count(content, /^2 w$/gm)).toBe(1);
    expect(count(content, /\] 0 d\n/g)).toBe(1);
    expect(count(content, / rg\n/g)).toBe(1 + 2);
    expect(count(content, / Tf\n/g)).toBe(1);
  });
});
