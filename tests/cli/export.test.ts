import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers';
import { mlsd } from './run';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-export-'));

describe('mlsd export and mlsd layout', () => {
  it('exports a diagram without positions by laying it out first', async () => {
    const out = join(dir, 'feed.svg');
    const result = await mlsd('export', 'blueprints/news-feed.mlsd.json', '--format', 'svg', '-o', out);
    expect(result).toMatchObject({ code: 0, stdout: `${out}: SVG picture\n` });
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+"/);
  });

  it('writes PNG bytes headless, and takes --no-figures and --theme', async () => {
    const out = join(dir, 'small.png');
    expect((await mlsd('export', fixturePath('small-search.laid.mlsd.json'), '--format', 'png', '-o', out, '--theme', 'dark', '--no-figures')).code).toBe(0);
    expect(PNG.sync.read(readFileSync(out)).width).toBeGreaterThan(1000);
  });

  it('puts a PDF on A4 landscape with --paper a4', async () => {
    const out = join(dir, 'small.pdf');
    expect((await mlsd('export', fixturePath('small-search.laid.mlsd.json'), '--format', 'pdf', '--paper', 'a4', '-o', out)).code).toBe(0);
    const pdf = await PDFDocument.load(readFileSync(out));
    expect(pdf.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
  });

  it('answers bad formats, themes and missing arguments with exit 2', async () => {
    const paper = await mlsd('export', fixturePath('small-search.mlsd.json'), '--format', 'pdf', '-o', join(dir, 'x'), '--paper', 'a5');
    expect(paper.code).toBe(2);
    expect(paper.stderr).toContain('--paper is fit, a4, letter, not "a5" (did you mean "a4"?)');
    const typo = await mlsd('export', fixturePath('small-search.mlsd.json'), '--format', 'drawoi', '-o', join(dir, 'x'));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('unknown format "drawoi" (did you mean "drawio"?)');
    expect((await mlsd('export', fixturePath('small-search.mlsd.json'), '--format', 'svg', '-o', join(dir, 'x'), '--theme', 'pink')).code).toBe(2);
    expect((await mlsd('export', fixturePath('small-search.mlsd.json'))).code).toBe(2);
  });

  it('imports a Mermaid export back into the same diagram', async () => {
    const mmd = join(dir, 'small.mmd');
    const back = join(dir, 'back.mlsd.json');
    expect((await mlsd('export', fixturePath('small-search.laid.mlsd.json'), '--format', 'mermaid', '-o', mmd)).code).toBe(0);
    expect(await mlsd('import', mmd, '-o', back)).toMatchObject({ code: 0, stdout: `${back}: 10 nodes, 10 edges\n` });
    // Everything but the canvas viewport, which is not part of a picture.
    const { viewport: _viewport, ...original } = JSON.parse(readFileSync(fixturePath('small-search.laid.mlsd.json'), 'utf8'));
    expect(JSON.parse(readFileSync(back, 'utf8'))).toEqual(original);
    const bad = join(dir, 'bad.mmd');
    writeFileSync(bad, 'flowchart LR\n  a ->> b\n');
    expect(await mlsd('import', bad, '-o', back)).toMatchObject({ code: 1, stderr: `${bad}: line 2: cannot read "->> b"\n` });
  });

  it('lays out a diagram and writes every node with a position', async () => {
    const out = join(dir, 'laid.mlsd.json');
    const result = await mlsd('layout', 'blueprints/visual-search.mlsd.json', '-o', out);
    expect(result.code).toBe(0);
    const laid = JSON.parse(readFileSync(out, 'utf8'));
    expect(laid.nodes.every((n: { position?: unknown }) => n.position)).toBe(true);
    expect((await mlsd('validate', out)).code).toBe(0);
  });
});
