import { spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem } from '../../cli/nodeFileSystem';
import { FLUSH_SOON_BYTES, writeFileSafely, type WriteFileSystem } from '../../shared/files/safeWrite';

const folder = () => mkdtempSync(join(tmpdir(), 'mlsd-write-'));
const failure = (code: string) => Object.assign(new Error(`${code}: raised by the test`), { code });

/** A file with known content in a fresh folder, to check it survives a failed write byte for byte. */
function existingFile(content = 'the work so far') {
  const dir = folder();
  const path = join(dir, 'design.mlsd.json');
  writeFileSync(path, content);
  return { dir, path, content };
}

/** The real disk with one operation replaced, and a log of the calls in order. */
function disk(overrides: Partial<WriteFileSystem> = {}) {
  const calls: string[] = [];
  const fs = { ...nodeFileSystem, ...overrides };
  const logged = Object.fromEntries(
    Object.entries(fs).map(([name, op]) => [name, typeof op === 'function' ? (...args: unknown[]) => (calls.push(name), (op as Function)(...args)) : op]),
  ) as unknown as WriteFileSystem;
  return { fs: logged, calls };
}

describe('a safe write', () => {
  it('writes every byte when the system takes them a few at a time, flushing before the rename and the folder after', () => {
    const { path } = existingFile();
    const data = 'x'.repeat(10_000);
    // Injected: every write takes at most 999 bytes, as a nearly full disk or a pipe would.
    const { fs, calls } = disk({ write: (fd, bytes, offset, length) => nodeFileSystem.write(fd, bytes, offset, Math.min(length, 999)) });
    expect(writeFileSafely(fs, path, data)).toMatchObject({ ok: true, sizeBytes: 10_000 });
    expect(readFileSync(path, 'utf8')).toBe(data);
    expect(calls.filter((c) => c === 'write')).toHaveLength(11);
    const order = calls.filter((c) => ['flush', 'close', 'rename', 'flushFolder'].includes(c));
    expect(order).toEqual(['flush', 'close', 'rename', 'flushFolder']);
  });

  it('writes text given in pieces as UTF-8, each piece as it comes, and reports the bytes written', () => {
    const { path } = existingFile();
    const pieces = ['<svg>', 'é × 漢字 😀', 'x'.repeat(100_000), '</svg>\n'];
    const seen: string[] = [];
    function* made() {
      for (const piece of pieces) {
        seen.push(piece);
        yield piece;
      }
    }
    const { fs, calls } = disk();
    const outcome = writeFileSafely(fs, path, made());
    expect(readFileSync(path, 'utf8')).toBe(pieces.join(''));
    expect(outcome).toMatchObject({ ok: true, sizeBytes: Buffer.byteLength(pieces.join('')) });
    expect(seen).toEqual(pieces);
    expect(calls.filter((c) => c === 'write')).toHaveLength(pieces.length);
  });

  it('starts flushing a large text every 16 MB while the rest is made, then flushes it whole before the rename', () => {
    const { dir, path } = existingFile();
    const piece = 'x'.repeat(1 << 20);
    const early: { path: string; bytes: number }[] = [];
    const { fs, calls } = disk({
      flushSoon: (temporary) => {
        early.push({ path: temporary, bytes: statSync(temporary).size });
        nodeFileSystem.flushSoon!(temporary);
      },
    });
    const outcome = writeFileSafely(fs, path, Array.from({ length: 40 }, () => piece));
    expect(outcome).toMatchObject({ ok: true, sizeBytes: 40 << 20 });
    expect(statSync(path).size).toBe(40 << 20);
    // At 16 and 32 MB written, of the temporary file beside the target; the whole file is still flushed after.
    expect(early.map((e) => e.bytes)).toEqual([FLUSH_SOON_BYTES, 2 * FLUSH_SOON_BYTES]);
    expect(new Set(early.map((e) => e.path)).size).toBe(1);
    expect(early[0]!.path.startsWith(join(dir, '.design.mlsd.json.'))).toBe(true);
    expect(calls.filter((c) => ['flushSoon', 'flush', 'rename'].includes(c))).toEqual(['flushSoon', 'flushSoon', 'flush', 'rename']);
    expect(readdirSync(dir)).toEqual(['design.mlsd.json']);
  });

  it('throws an error made while making the pieces on to the caller, leaving the file untouched and no temporary file', () => {
    const { dir, path, content } = existingFile();
    function* failing(): Generator<string> {
      yield 'the first half';
      throw new RangeError('the picture is too large');
    }
    expect(() => writeFileSafely(nodeFileSystem, path, failing())).toThrow(new RangeError('the picture is too large'));
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(readdirSync(dir)).toEqual(['design.mlsd.json']);
  });

  it.each([
    // [what the test injects, at which step, the reason a person reads]
    ['ENOSPC', 'write', 'no space left on device'],
    ['EFBIG', 'write', 'file too large'],
    ['EDQUOT', 'write', 'disk quota exceeded'],
    ['EACCES', 'createExclusive', 'permission denied'],
    ['EIO', 'flush', 'the disk reported an input/output error'],
    ['EXDEV', 'rename', 'the temporary file and the target are on different disks'],
  ] as const)('leaves the file untouched and no temporary file when %s is raised by %s', (code, step, reason) => {
    const { dir, path, content } = existingFile();
    const { fs } = disk({ [step]: () => { throw failure(code); } });
    expect(writeFileSafely(fs, path, 'new content '.repeat(1000))).toEqual({ ok: false, code, reason });
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(readdirSync(dir)).toEqual(['design.mlsd.json']);
  });

  it('reports a write cut short and then refused (a disk filling up) as a failure, never as a save', () => {
    const { dir, path, content } = existingFile();
    let calls = 0;
    // Injected: the first write takes half the bytes, the second finds the disk full.
    const { fs } = disk({
      write: (fd, bytes, offset, length) => {
        if (++calls > 1) throw failure('ENOSPC');
        return nodeFileSystem.write(fd, bytes, offset, Math.floor(length / 2));
      },
    });
    expect(writeFileSafely(fs, path, 'y'.repeat(20_000))).toMatchObject({ ok: false, reason: 'no space left on device' });
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(readdirSync(dir)).toEqual(['design.mlsd.json']);
  });

  it('refuses a write that the system accepts no byte of', () => {
    const { path, content } = existingFile();
    // Injected: write returns 0 without an error.
    const { fs } = disk({ write: () => 0 });
    expect(writeFileSafely(fs, path, 'abc')).toEqual({ ok: false, code: 'ESHORT', reason: 'the disk accepted only part of the data' });
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('refuses a folder as the target without leaving anything in it or beside it', () => {
    const dir = folder();
    mkdirSync(join(dir, 'out'));
    expect(writeFileSafely(nodeFileSystem, join(dir, 'out'), 'x')).toEqual({ ok: false, code: 'EISDIR', reason: 'it is a folder' });
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });

  it('leaves a read-only file as it is, though the folder would allow replacing it', () => {
    const { path, content } = existingFile();
    chmodSync(path, 0o444);
    expect(writeFileSafely(nodeFileSystem, path, 'new')).toEqual({ ok: false, code: 'EREADONLY', reason: 'the file is read-only' });
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('keeps a private file private', () => {
    const { path } = existingFile();
    chmodSync(path, 0o600);
    expect(writeFileSafely(nodeFileSystem, path, 'new').ok).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    chmodSync(path, 0o640);
    expect(writeFileSafely(nodeFileSystem, path, 'newer').ok).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o640);
  });

  it('writes through a symbolic link (also a chain, or one to a file not there yet), leaving the link a link', () => {
    const { dir, path } = existingFile();
    symlinkSync('design.mlsd.json', join(dir, 'link.json'));
    symlinkSync(join(dir, 'link.json'), join(dir, 'link2.json'));
    expect(writeFileSafely(nodeFileSystem, join(dir, 'link2.json'), 'through links')).toMatchObject({ ok: true, path });
    expect(readFileSync(path, 'utf8')).toBe('through links');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(lstatSync(join(dir, 'link2.json')).isSymbolicLink()).toBe(true);
    symlinkSync('later.json', join(dir, 'dangling.json'));
    expect(writeFileSafely(nodeFileSystem, join(dir, 'dangling.json'), 'created').ok).toBe(true);
    expect(readlinkSync(join(dir, 'dangling.json'))).toBe('later.json');
    expect(readFileSync(join(dir, 'later.json'), 'utf8')).toBe('created');
  });

  it('refuses to replace a file that changed since it was read, when asked to check', () => {
    const { path, content } = existingFile();
    const seen = statSync(path);
    expect(writeFileSafely(nodeFileSystem, path, 'mine', { expected: { sizeBytes: seen.size + 1, mtimeMs: seen.mtimeMs } })).toMatchObject({ ok: false, code: 'ECHANGED' });
    expect(writeFileSafely(nodeFileSystem, path, 'mine', { expected: null })).toMatchObject({ ok: false, code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe(content);
    const written = writeFileSafely(nodeFileSystem, path, 'mine', { expected: { sizeBytes: seen.size, mtimeMs: seen.mtimeMs } });
    expect(written).toMatchObject({ ok: true, sizeBytes: 4 });
  });

  it('fails cleanly when a real write is cut short under a file-size limit (ulimit -f, SIGXFSZ ignored)', async () => {
    const { dir, path, content } = existingFile('{"the":"work so far"}');
    const script = join(dir, 'write.cjs');
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `import { writeFileOnDisk } from ${JSON.stringify(resolve(import.meta.dirname, '../../cli/nodeFileSystem'))};\nprocess.stdout.write(JSON.stringify(writeFileOnDisk(process.argv[2]!, 'z'.repeat(20_000))));\n`);
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'error' });
    // bash counts 1,024-byte blocks: the kernel takes 8,192 bytes, returns that short count, then refuses with EFBIG.
    const child = spawnSync('bash', ['-c', 'ulimit -f 8; exec "$0" "$1" "$2"', process.execPath, script, path], { encoding: 'utf8' });
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual({ ok: false, code: 'EFBIG', reason: 'file too large' });
    expect(readFileSync(path, 'utf8')).toBe(content);
    expect(readdirSync(dir).sort()).toEqual(['design.mlsd.json', 'entry.ts', 'write.cjs']);
  });
});
