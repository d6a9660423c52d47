import { describe, expect, it } from 'vitest';
import { joinPieces, linesAsPieces, onePiece } from '../../shared/export/pieces';
import { AsciiBytes } from '../../shared/export/pdfPath';

describe('a text export written in pieces', () => {
  it('holds every line, each followed by a newline, in pieces of 64 KiB or a little more', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `line ${i} ${'x'.repeat(i % 70)}`);
    const pieces = [...linesAsPieces(lines)];
    expect(joinPieces(pieces)).toBe(lines.map((line) => `${line}\n`).join(''));
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeGreaterThanOrEqual(65_536);
      expect(piece.length).toBeLessThan(65_536 + 80);
    }
    expect(pieces.at(-1)!.length).toBeGreaterThan(0);
  });

  it('ends a piece as soon as it reaches 64 KiB, and writes no empty piece', () => {
    // 1,024 characters a line with its newline: 64 lines make a piece exactly.
    const pieces = [...linesAsPieces(Array.from({ length: 128 }, () => 'y'.repeat(1023)))];
    expect(pieces.map((piece) => piece.length)).toEqual([65_536, 65_536]);
    expect([...linesAsPieces([])]).toEqual([]);
    expect([...linesAsPieces(['a', 'b'])]).toEqual(['a\nb\n']);
  });

  it('gives a whole text as one piece', () => {
    expect([...onePiece('whole')]).toEqual(['whole']);
  });
});

describe('a PDF page\'s content as bytes', () => {
  it('keeps every character written, in order, however large it grows', () => {
    const bytes = new AsciiBytes();
    let expected = '';
    // Small writes, then one larger than twice the starting buffer, then small ones again.
    for (let i = 0; i < 20_000; i++) {
      const text = `${i} 0 0 1 ${i % 97} ${i % 13} cm\n`;
      bytes.write(text);
      expected += text;
    }
    const large = 'q\n'.repeat(150_000);
    bytes.write(large);
    expected += large;
    bytes.write('Q\n');
    expected += 'Q\n';
    const done = bytes.done();
    expect(done.length).toBe(expected.length);
    expect(new TextDecoder().decode(done)).toBe(expected);
  });

  it('is empty when nothing was written, and a short text exactly', () => {
    expect(new AsciiBytes().done()).toEqual(new Uint8Array());
    const bytes = new AsciiBytes();
    bytes.write('0 0 m\n');
    expect(new TextDecoder().decode(bytes.done())).toBe('0 0 m\n');
  });

  it('keeps a character outside ASCII whole, as UTF-8', () => {
    const bytes = new AsciiBytes();
    bytes.write('(é) ');
    bytes.write('x'.repeat(1 << 16));
    const done = bytes.done();
    expect([...done.subarray(0, 5)]).toEqual([0x28, 0xc3, 0xa9, 0x29, 0x20]);
    expect(done.length).toBe(5 + (1 << 16));
  });

  it('writes every character from U+0080 on as UTF-8, however a chunk ends', () => {
    const bytes = new AsciiBytes();
    bytes.write('a\u0080b\u00ff€');
    expect([...bytes.done()]).toEqual([0x61, 0xc2, 0x80, 0x62, 0xc3, 0xbf, 0xe2, 0x82, 0xac]);
    // One byte short of a full chunk, then a character of three bytes: two of them go into the next chunk.
    const across = new AsciiBytes();
    across.write('x'.repeat((1 << 16) - 1));
    across.write('€ done');
    const done = across.done();
    expect(done.length).toBe((1 << 16) - 1 + 3 + 5);
    expect(new TextDecoder().decode(done.subarray((1 << 16) - 3))).toBe('xx€ done');
  });
});
