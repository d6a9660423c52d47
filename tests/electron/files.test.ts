import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDiagramFile, RecentFiles, RecoveryStore, saveAtomically } from '../../electron/files';

const folder = () => mkdtempSync(join(tmpdir(), 'mlsd-files-'));

describe('saving files', () => {
  it('writes the content and keeps the previous version as a backup', () => {
    const dir = folder();
    const path = join(dir, 'design.mlsd.json');
    expect(saveAtomically(path, 'first')).toEqual({ ref: path, name: 'design.mlsd.json' });
    expect(saveAtomically(path, 'second')).toEqual({ ref: path, name: 'design.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('first');
    expect(readdirSync(dir).sort()).toEqual(['design.mlsd.json', 'design.mlsd.json.bak']);
  });

  it('leaves the previous file intact when a save is interrupted half-way', () => {
    const dir = folder();
    const path = join(dir, 'design.mlsd.json');
    writeFileSync(path, 'the work so far');
    const result = saveAtomically(path, 'x'.repeat(100_000), {
      afterTemporaryWritten: () => {
        throw new Error('power cut');
      },
    });
    expect(result).toEqual({ error: 'cannot save design.mlsd.json: power cut' });
    expect(readFileSync(path, 'utf8')).toBe('the work so far');
    expect(readdirSync(dir)).toEqual(['design.mlsd.json']);
  });

  it('explains why a save failed, without a stack trace', () => {
    const dir = folder();
    expect(saveAtomically(join(dir, 'missing', 'x.json'), '{}')).toEqual({ error: 'cannot save x.json: no such file' });
  });
});

describe('reading files', () => {
  it('reads a file as text, and says why when it cannot', () => {
    const dir = folder();
    const path = join(dir, 'a.mlsd.json');
    writeFileSync(path, '{"format":1}');
    expect(readDiagramFile(path)).toEqual({ ref: path, name: 'a.mlsd.json', content: '{"format":1}' });
    expect(readDiagramFile(join(dir, 'none.json'))).toEqual({ error: 'cannot open none.json: no such file' });
    expect(readDiagramFile(dir)).toMatchObject({ error: expect.stringContaining('it is a folder') });
  });
});

describe('recovery and recent files', () => {
  it('keeps one recovery copy until it is cleared, and survives a corrupt one', () => {
    const dir = folder();
    const store = new RecoveryStore(dir);
    expect(store.read()).toBeNull();
    const entry = { name: 'a.mlsd.json', ref: null, content: '{}', savedAtMs: 1 };
    store.write(entry);
    expect(new RecoveryStore(dir).read()).toEqual(entry);
    writeFileSync(join(dir, 'recovery.json'), '{ truncated');
    expect(store.read()).toBeNull();
    store.write(entry);
    store.clear();
    expect(existsSync(join(dir, 'recovery.json'))).toBe(false);
  });

  it('lists recent files newest first, without repeats, up to the limit', () => {
    const recent = new RecentFiles(folder(), 3);
    for (const p of ['/a/one.json', '/a/two.json', '/a/one.json', '/a/three.json', '/a/four.json']) recent.add(p);
    expect(recent.list()).toEqual([
      { ref: '/a/four.json', name: 'four.json' },
      { ref: '/a/three.json', name: 'three.json' },
      { ref: '/a/one.json', name: 'one.json' },
    ]);
  });
});
