import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureJson, fixturePath } from '../helpers';
import { mlsd } from './run';

const dir = mkdtempSync(join(tmpdir(), 'mlsd-validate-'));
function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('mlsd validate', () => {
  it('accepts a valid diagram with exit 0', async () => {
    const result = await mlsd('validate', fixturePath('small-search.mlsd.json'));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('valid (10 nodes, 10 edges)');
  });

  it('rejects a broken diagram with exit 1 and every problem on stderr', async () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[3].latency.p99Ms = 1;
    doc.nodes[4].kind = 'vectorIndx';
    const path = write('broken.mlsd.json', JSON.stringify(doc));
    const result = await mlsd('validate', path);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `${path} is not a valid diagram (2 problems):`,
      'nodes[4].kind: unknown kind "vectorIndx" (did you mean "vectorIndex"?)',
      'nodes[3].latency.p99Ms: must be >= p50Ms (8)',
      '',
    ]);
  });

  it('explains a missing file, a directory, a binary file and truncated JSON without a stack trace', async () => {
    const missing = await mlsd('validate', join(dir, 'nope.mlsd.json'));
    expect(missing).toMatchObject({ code: 1, stderr: `mlsd: cannot read ${join(dir, 'nope.mlsd.json')}: no such file\n` });
    expect((await mlsd('validate', dir)).stderr).toContain('it is a folder');
    const png = write('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect((await mlsd('validate', png)).stderr).toContain('not a text file (binary data at byte 4)');
    const cut = write('cut.mlsd.json', readFileSync(fixturePath('small-search.mlsd.json'), 'utf8').slice(0, 300));
    const truncated = await mlsd('validate', cut);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain('the file ends before the JSON is complete');
  });

  it('answers usage errors with exit 2', async () => {
    expect((await mlsd('validate')).code).toBe(2);
    expect((await mlsd('validate', 'a', 'b')).code).toBe(2);
    expect((await mlsd('validate', '--frobnicate', 'a')).stderr).toContain('unknown option --frobnicate');
    expect((await mlsd('frobnicate')).code).toBe(2);
    expect((await mlsd()).code).toBe(2);
  });

  it('prints help and the version', async () => {
    const help = await mlsd('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/validate\s+check a diagram file/);
    expect(help.stdout).toMatch(/estimate\s+rates, latency percentiles/);
    expect((await mlsd('validate', '--help')).stdout).toContain('mlsd validate FILE');
    expect(await mlsd('--version')).toMatchObject({ code: 0, stdout: 'mlsd 0.0.0-test\n' });
  });
});
