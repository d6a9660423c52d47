import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../cli/nodeFileSystem';
import { readDiagramFile, RecentFiles, RecoveryStore, saveAtomically, saveDocument } from '../../electron/files';

const folder = () => mkdtempSync(join(tmpdir(), 'mlsd-files-'));

describe('saving files', () => {
  it('writes the content, and nothing else stays in the folder', () => {
    const dir = folder();
    const path = join(dir, 'design.mlsd.json');
    expect(saveAtomically(path, 'first')).toEqual({ ref: path, name: 'design.mlsd.json' });
    expect(saveAtomically(path, 'second')).toEqual({ ref: path, name: 'design.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readdirSync(dir)).toEqual(['design.mlsd.json']);
  });

  it('leaves the previous file intact when a save is interrupted before it replaces it', () => {
    const dir = folder();
    const path = join(dir, 'design.mlsd.json');
    writeFileSync(path, 'the work so far');
    const powerCut = { ...nodeFileSystem, rename: () => { throw new Error('power cut'); } };
    expect(saveAtomically(path, 'x'.repeat(100_000), powerCut)).toEqual({ error: 'cannot save design.mlsd.json: power cut' });
    expect(readFileSync(path, 'utf8')).toBe('the work so far');
    expect(readdirSync(dir)).toEqual(['design.mlsd.json']);
  });

  it('keeps the version a document save replaces as <name>.bak, and none for a new file', () => {
    const dir = folder();
    const path = join(dir, 'design.mlsd.json');
    expect(saveDocument(path, 'first')).toEqual({ ref: path, name: 'design.mlsd.json' });
    expect(readdirSync(dir)).toEqual(['design.mlsd.json']);
    expect(saveDocument(path, 'second')).toEqual({ ref: path, name: 'design.mlsd.json' });
    expect(readFileSync(path, 'utf8')).toBe('second');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('first');
    expect(readdirSync(dir).sort()).toEqual(['design.mlsd.json', 'design.mlsd.json.bak']);
  });

  it('leaves both the file and its backup as they were when the save fails', () => {
    const dir = folder();
    const path = join(dir, 'design.mlsd.json');
    writeFileSync(path, 'the work so far');
    let writes = 0;
    const fullOnSecond = { ...nodeFileSystem, write: (...args: Parameters<typeof nodeFileSystem.write>) => {
      if (++writes > 1) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      return nodeFileSystem.write(...args);
    } };
    expect(saveDocument(path, 'new work', fullOnSecond)).toEqual({ error: 'cannot save design.mlsd.json: no space left on device' });
    expect(readFileSync(path, 'utf8')).toBe('the work so far');
    expect(readFileSync(`${path}.bak`, 'utf8')).toBe('the work so far');
  });

  it('explains why a save failed, without a stack trace', () => {
    const dir = folder();
    expect(saveAtomically(join(dir, 'missing', 'x.json'), '{}')).toEqual({ error: 'cannot save x.json: no such file' });
    expect(saveAtomically(dir, '{}')).toMatchObject({ error: expect.stringMatching(/: it is a folder$/) });
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
  const entry = (name: string, savedAtMs = Date.now()) => ({ name, ref: null, content: '{}', savedAtMs });

  it('keeps one copy per window: open windows are not offered, closed ones are, corrupt ones are skipped', () => {
    const dir = folder();
    const store = new RecoveryStore(dir);
    store.write('win-a', entry('a.mlsd.json', 1_000));
    store.write('win-b', entry('b.mlsd.json', 2_000));
    writeFileSync(join(dir, 'recovery-win-c.json'), '{ truncated');
    const reopened = new RecoveryStore(dir);
    expect(reopened.orphans(new Set(['win-a', 'win-b']), 3_000)).toEqual([]);
    expect(reopened.orphans(new Set(['win-a']), 3_000).map((c) => [c.slot, c.name])).toEqual([['win-b', 'b.mlsd.json']]);
    expect(reopened.orphans(new Set(), 3_000).map((c) => c.slot)).toEqual(['win-b', 'win-a']);
    store.clear('win-a');
    expect(existsSync(join(dir, 'recovery-win-a.json'))).toBe(false);
    expect(existsSync(join(dir, 'recovery-win-b.json'))).toBe(true);
  });

  it('deletes copies older than 14 days instead of offering them', () => {
    const dir = folder();
    const store = new RecoveryStore(dir);
    const now = Date.now();
    store.write('old', entry('old.mlsd.json', now - 15 * 86_400_000));
    store.write('recent', entry('recent.mlsd.json', now - 13 * 86_400_000));
    expect(store.orphans(new Set(), now).map((c) => c.name)).toEqual(['recent.mlsd.json']);
    expect(readdirSync(dir)).toEqual(['recovery-recent.json']);
  });

  it('says why a recovery copy cannot be kept', () => {
    const full = { ...nodeFileSystem, write: () => { throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }); } };
    const store = new RecoveryStore(folder(), full);
    expect(store.write('w', entry('a.mlsd.json'))).toEqual({ error: 'cannot keep a recovery copy: no space left on device' });
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
