import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { nodeIO } from '../../cli/nodeIO';
import { FREE_AFTER_ESTIMATE } from '../../shared/cli/commands/export';
import { runCli } from '../../shared/cli/main';
import { fixturePath } from '../helpers';
import { mlsd } from './run';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-export-'));

describe('mlsd export and mlsd layout', () => {
  it('exports a diagram without positions by laying it out first', async () => {
    const out = join(dir, 'feed.svg');
    const result = await mlsd('export', 'blueprints/news-feed.mlsd.json', '--format', 'svg', '-o', out);
    expect(result).toMatchObject({ code: 0, stdout: `${out}: SVG picture\n` });
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" xmlns:xlink="http:\/\/www.w3.org\/1999\/xlink" width="\d+"/);
  });

  it('writes PNG bytes headless, drawn on dark with --theme dark', async () => {
    const laid = fixturePath('small-search.laid.mlsd.json');
    const light = join(dir, 'light.png');
    const dark = join(dir, 'dark.png');
    expect((await mlsd('export', laid, '--format', 'png', '-o', light)).code).toBe(0);
    expect((await mlsd('export', laid, '--format', 'png', '-o', dark, '--theme', 'dark', '--no-figures')).code).toBe(0);
    const corner = (path: string) => [...PNG.sync.read(readFileSync(path)).data.subarray(0, 3)];
    expect(PNG.sync.read(readFileSync(dark)).width).toBeGreaterThan(1000);
    expect(corner(light)).toEqual([255, 255, 255]);
    expect(corner(dark)).toEqual([0x0b, 0x11, 0x20]);
  });

  it('--no-figures leaves the live figures out and --theme dark changes the colours, nothing else', async () => {
    const laid = fixturePath('small-search.laid.mlsd.json');
    const svg = async (...flags: string[]) => {
      const out = join(dir, `${flags.join('') || 'plain'}.svg`);
      expect((await mlsd('export', laid, '--format', 'svg', '-o', out, ...flags)).code).toBe(0);
      return readFileSync(out, 'utf8');
    };
    const withFigures = await svg();
    const without = await svg('--no-figures');
    const dark = await svg('--theme', 'dark');
    expect(withFigures).toMatch(/116 QPS/);
    expect(without).not.toMatch(/QPS|p99/);
    expect(without).toContain('ANN shard');
    expect(withFigures).toContain('fill="#ffffff"');
    expect(dark).toContain('fill="#0b1120"');
    expect(withFigures).not.toContain('fill="#0b1120"');
    const text = (s: string) => [...s.matchAll(/>([^<>]+)</g)].map((m) => m[1]).join('|');
    expect(text(dark)).toBe(text(withFigures));
    const mermaid = join(dir, 'plain.mmd');
    expect((await mlsd('export', laid, '--format', 'mermaid', '-o', mermaid, '--no-figures')).code).toBe(0);
    expect(readFileSync(mermaid, 'utf8')).not.toMatch(/QPS/);
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
    expect(await mlsd('import', mmd, '-o', back)).toMatchObject({ code: 0, stdout: `${back}: 10 nodes, 10 edges from a Mermaid flowchart\n  10 nodes kept their kind and figures from MLSD Studio's metadata\n` });
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

  it('frees the estimate\'s work before drawing a large export with figures, and only then', async () => {
    const lone = (count: number) => {
      const nodes = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, kind: 'service', label: `N${i}`, position: { x: (i % 300) * 220, y: Math.floor(i / 300) * 120 } }));
      const path = join(dir, `lone${count}.mlsd.json`);
      writeFileSync(path, JSON.stringify({ format: 'mlsd-studio/diagram', version: 1, title: 'Lone', nodes, edges: [] }));
      return path;
    };
    const events = (path: string, ...flags: string[]) => {
      const seen: string[] = [];
      const io = {
        ...nodeIO,
        stdout: () => {},
        stderr: () => {},
        collectGarbage: () => void seen.push('free'),
        writeFile: (to: string, data: Parameters<typeof nodeIO.writeFile>[1]) => (seen.push('write'), nodeIO.writeFile(to, data)),
      };
      return runCli(['export', path, '--format', 'svg', '-o', join(dir, 'lone.svg'), ...flags], io, '0.0.0-test').then((code) => ({ code, seen }));
    };
    const large = lone(FREE_AFTER_ESTIMATE);
    expect(await events(large)).toEqual({ code: 0, seen: ['free', 'write'] });
    expect(await events(large, '--no-figures')).toEqual({ code: 0, seen: ['write'] });
    expect(await events(lone(FREE_AFTER_ESTIMATE - 1))).toEqual({ code: 0, seen: ['write'] });
    // The real host's collection runs (V8's own, reached on first use) and leaves the process working.
    expect(() => nodeIO.collectGarbage!()).not.toThrow();
    expect(() => nodeIO.collectGarbage!()).not.toThrow();
  });
});
