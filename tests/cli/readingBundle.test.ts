import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READING_COMMAND_NAMES } from '../../cli/readingCommands';
import { COMMANDS } from '../../shared/cli/main';
import { fixturePath } from '../helpers';

// The reading commands run from their own bundle with V8's code cache (bin/mlsd.mjs); the
// full command line (dist/cli/mlsd.mjs) is what they must match, output and exit code.
const ROOT = resolve(import.meta.dirname, '../..');
const READING = join(ROOT, 'dist/cli/reading');
const dir = mkdtempSync(join(tmpdir(), 'mlsd-reading-'));

function run(script: string, args: string[]): string {
  const child = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });
  return `${child.stdout}\n--- stderr\n${child.stderr}\n--- exit ${child.status}`;
}

const invalid = join(dir, 'invalid.mlsd.json');
writeFileSync(invalid, JSON.stringify({ format: 'mlsd-studio/diagram', version: 1, title: 'Bad', nodes: [{ id: 'a', kind: 'service', label: 'A', latency: { p50Ms: 5, p99Ms: 1 } }], edges: [] }));
const news = join(ROOT, 'blueprints/news-feed.mlsd.json');
const RUNS = [
  ['estimate', news],
  ['estimate', '--json', news],
  ['estimate', '--traffic', '3', '--check', fixturePath('small-search.mlsd.json')],
  ['estimate', '--traffic', 'lots', news],
  ['estimate', invalid],
  ['estimate', '--help'],
  ['validate', fixturePath('hostile.mlsd.json')],
  ['validate', join(dir, 'missing.mlsd.json')],
  ['explain', news, 'feed'],
  ['explain', '--json', news, 'nothing-by-this-name'],
];

describe('the reading commands bundle', () => {
  it('is built, and names the commands it runs, each with the flags and summary of the full command line', () => {
    expect(JSON.parse(readFileSync(join(READING, 'manifest.json'), 'utf8')).commands).toEqual(READING_COMMAND_NAMES);
    expect(READING_COMMAND_NAMES).toEqual(['validate', 'estimate', 'explain']);
    expect(existsSync(join(READING, `reading-${process.versions.v8}-${process.arch}.cache`))).toBe(true);
  });

  it.each(RUNS.map((args) => [args.join(' ').replace(`${ROOT}/`, ''), args]))('prints what the full command line prints: mlsd %s', (_, args) => {
    expect(run('bin/mlsd.mjs', args as string[])).toBe(run('dist/cli/mlsd.mjs', args as string[]));
  }, 60_000);

  it('ignores a code cache V8 rejects and compiles the bundle from its source, with the same output', () => {
    const garbage = join(dir, 'garbage.cache');
    writeFileSync(garbage, Buffer.alloc(4096, 7));
    const script = join(dir, 'reading.cjs');
    copyFileSync(join(READING, 'reading.cjs'), script);
    const starter = join(dir, 'start.mjs');
    writeFileSync(starter, `import { runReadingBundle } from ${JSON.stringify(join(ROOT, 'bin/readingBundle.mjs'))};\nawait runReadingBundle({ script: ${JSON.stringify(script)}, cache: ${JSON.stringify(garbage)} });\n`);
    expect(run(starter, ['estimate', news])).toBe(run('dist/cli/mlsd.mjs', ['estimate', news]));
  }, 60_000);

  it('leaves every other command to the full command line', () => {
    expect(Object.keys(COMMANDS)).toEqual(expect.arrayContaining(READING_COMMAND_NAMES));
    expect(run('bin/mlsd.mjs', ['--version'])).toMatch(/^mlsd \d+\.\d+\.\d+\n/);
    expect(run('bin/mlsd.mjs', ['blueprints'])).toBe(run('dist/cli/mlsd.mjs', ['blueprints']));
  }, 60_000);
});
