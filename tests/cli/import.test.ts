import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers';
import { mlsd } from './run';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-import-'));

describe('mlsd import', () => {
  it.each(['drawio', 'excalidraw', 'mermaid'])('export to %s, import, estimate: the estimate is byte-identical', async (format) => {
    const laid = fixturePath('small-search.laid.mlsd.json');
    const exported = join(dir, `round.${format}`);
    const back = join(dir, `round-${format}.mlsd.json`);
    expect((await mlsd('export', laid, '--format', format, '-o', exported)).code).toBe(0);
    const imported = await mlsd('import', exported, '-o', back);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/kept their kind and figures from MLSD Studio's metadata/);
    const before = await mlsd('estimate', laid, '--json');
    expect((await mlsd('estimate', back, '--json')).stdout).toBe(before.stdout);
  });

  it('reads the page asked for and prints what it guessed', async () => {
    const out = join(dir, 'serving.mlsd.json');
    const result = await mlsd('import', fixturePath('import/search-ranking.drawio'), '-o', out, '--page', 'Serving');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${out}: 8 nodes, 8 edges from a draw.io file\n  page 2 of 2 read ("Serving"); pages: 1 "Overview", 2 "Serving"\n`);
    expect(result.stdout).toContain('  "Elasticsearch" is a Search index (from "Elasticsearch" in its label), with the palette\'s default figures\n');
    expect((await mlsd('estimate', out, '--check')).code).toBe(0);
  });

  it('says where and what when the file cannot be imported', async () => {
    const bad = join(dir, 'bad.excalidraw');
    writeFileSync(bad, '{"type":"excalidraw","elements":[{"type":"arrow"},{"id":"a"}]}');
    expect(await mlsd('import', bad, '-o', join(dir, 'x.mlsd.json'))).toMatchObject({ code: 1, stderr: `${bad}: elements[0]: an element needs a text "id"\n` });
    const page = await mlsd('import', fixturePath('import/search-ranking.drawio'), '-o', join(dir, 'y.mlsd.json'), '--page', '9');
    expect(page.stderr).toContain('no page "9": the file\'s pages are 1 "Overview", 2 "Serving"');
  });
});
