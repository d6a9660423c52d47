import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../helpers';

// The real `mlsd` binary in a child process; kept apart so in-process runs (mutation testing) can leave it out.
const dir = mkdtempSync(join(tmpdir(), 'mlsd-bin-'));
function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('the mlsd binary', () => {
  it('runs as `npx mlsd` from the repository, with the exit codes of the format', () => {
    const root = resolve(import.meta.dirname, '../..');
    const ok = spawnSync('npx', ['--no-install', 'mlsd', 'validate', fixturePath('small-search.mlsd.json')], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync('npx', ['--no-install', 'mlsd', 'validate', write('t.json', '{"format": 1')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('ends before the JSON is complete');
    expect(bad.stderr).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
    // Two cold starts of npx and tsx: give a busy machine time.
  }, 120_000);

  it('stops quietly when its reader closes the pipe early, as `mlsd estimate --json F | head` does', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const child = spawn(process.execPath, ['bin/mlsd.mjs', 'estimate', '--json', 'blueprints/video-recommendation.mlsd.json'], { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Read the first piece, then close the pipe with most of the JSON still to come.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);
});
