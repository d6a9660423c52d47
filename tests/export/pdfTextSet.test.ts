import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { setText, type TextPen } from '../../shared/export/pdfText';

async function pen(): Promise<TextPen> {
  const doc = await PDFDocument.create();
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const known = new Set([...'abcdefghijklmnopqrstuvwxyz0123456789 '].map((c) => c.codePointAt(0)!));
  return { fonts, known, texts: { regular: new Map(), bold: new Map() }, codes: { regular: [], bold: [] } };
}

describe('setText', () => {
  it('sets a text as the font encodes it, the same after thousands of others as in a fresh page', async () => {
    const busy = await pen();
    for (let i = 0; i < 6000; i++) setText(busy, `node ${i}`, i % 2 === 0);
    const fresh = await pen();
    for (const [text, bold] of [['node 5999', false], ['node 5998', true], ['node 1', false], ['node 0', true]] as const) {
      expect(setText(busy, text, bold), text).toEqual(setText(fresh, text, bold));
    }
    expect(setText(fresh, 'node 5999', false)).toEqual({ text: 'node 5999', encoded: '<6E6F64652035393939>' });
    expect(setText(fresh, 'no↑de', false).text).toBe('no?de');
  });

  it('sets a character the font lacks as its stand-in or "?" even after that stand-in was written for another', async () => {
    const fresh = await pen();
    // "≈" is written "~", which this font's characters do not hold: "~" itself is set as "?".
    expect(setText(fresh, 'a≈b', false)).toEqual({ text: 'a~b', encoded: '<617E62>' });
    expect(setText(fresh, 'a~b', false)).toEqual({ text: 'a?b', encoded: '<613F62>' });
    expect(setText(fresh, 'ab', false)).toEqual({ text: 'ab', encoded: '<6162>' });
  });

  it('keeps the texts a picture repeats: the first texts met are set once', async () => {
    const busy = await pen();
    const first = setText(busy, 'service', true);
    for (let i = 0; i < 6000; i++) setText(busy, `node ${i}`, true);
    expect(setText(busy, 'service', true)).toBe(first);
    expect(busy.texts.bold.size).toBeLessThan(6001);
  });
});
