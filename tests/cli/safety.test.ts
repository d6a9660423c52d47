import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlsd } from './run';

const ROOT = resolve(import.meta.dirname, '../..');

/** A fresh folder holding `d.mlsd.json` made by `mlsd new`, and its bytes. */
async function newDiagram() {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-safety-'));
  const path = join(dir, 'd.mlsd.json');
  expect((await mlsd('new', 'video-recommendation', '-o', path)).code).toBe(0);
  return { dir, path, bytes: readFileSync(path) };
}

describe('the command line never loses a diagram', () => {
  it('reports a layout cut short by a file-size limit, exit 1, the file byte for byte as it was', async () => {
    const { dir, path, bytes } = await newDiagram();
    const child = spawnSync('bash', ['-c', 'ulimit -f 8; exec "$0" bin/mlsd.mjs layout "$1" -o "$1"', process.execPath, path], { cwd: ROOT, encoding: 'utf8' });
    expect(child.stderr).toBe(`mlsd layout: cannot write ${path}: file too large\n`);
    expect(child.stdout).toBe('');
    expect(child.status).toBe(1);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['d.mlsd.json']);
  }, 90_000);

  it('refuses to export over its own input, also through a symbolic link', async () => {
    const { dir, path, bytes } = await newDiagram();
    const over = await mlsd('export', path, '--format', 'mermaid', '-o', path);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe(`mlsd export: ${path} is the input diagram itself; exporting over it would destroy it. Choose another -o\n`);
    symlinkSync('d.mlsd.json', join(dir, 'link.json'));
    expect((await mlsd('export', path, '--format', 'mermaid', '-o', join(dir, 'link.json'))).code).toBe(1);
    expect((await mlsd('export', join(dir, 'link.json'), '--format', 'svg', '-o', path)).code).toBe(1);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect((await mlsd('export', path, '--format', 'mermaid', '-o', join(dir, 'd.mmd'))).code).toBe(0);
  });

  it('lays a diagram out over itself, keeping its mode and a symbolic link to it', async () => {
    const { dir, path } = await newDiagram();
    chmodSync(path, 0o600);
    symlinkSync('d.mlsd.json', join(dir, 'link.json'));
    const result = await mlsd('layout', join(dir, 'link.json'), '-o', join(dir, 'link.json'));
    expect(result).toMatchObject({ code: 0, stdout: `${join(dir, 'link.json')}: 20 nodes laid out\n` });
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8')).nodes.every((n: { position?: unknown }) => n.position)).toBe(true);
  });

  it('says a folder is a folder and leaves nothing behind', async () => {
    const { dir, path } = await newDiagram();
    mkdirSync(join(dir, 'out'));
    const result = await mlsd('export', path, '--format', 'mermaid', '-o', join(dir, 'out'));
    expect(result).toMatchObject({ code: 1, stderr: `mlsd export: cannot write ${join(dir, 'out')}: it is a folder\n` });
    expect(readdirSync(dir).sort()).toEqual(['d.mlsd.json', 'out']);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});
