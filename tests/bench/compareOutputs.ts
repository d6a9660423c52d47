/**
 * Checks that a change to the estimator's speed left its figures alone: runs
 * two builds of `mlsd` (for instance a copy of dist/cli made before the
 * change, and bin/mlsd.mjs after it) on the ten blueprints, the test
 * fixtures and generated 10,000-node (and with --large, 100,000-node)
 * designs, and compares `estimate --json`, `estimate` and `validate` byte for
 * byte.
 *
 *   cp -r dist/cli /tmp/mlsd-before            # before the change
 *   node scripts/build-cli.mjs                 # after it
 *   npx tsx tests/bench/compareOutputs.ts /tmp/mlsd-before/mlsd.mjs bin/mlsd.mjs [--large]
 *
 * With --exports it compares every export format's file as well: of the
 * blueprints and fixtures with and without figures, and of generated
 * 20,000-node (and with --large, 100,000-node) designs placed on a grid (as
 * the bench places them) without figures and in the picture formats.
 *
 * A build copied out of the repository still finds its packages when it is
 * run from the repository (the commands here run there).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generateDiagram } from './generate';

const ROOT = resolve(import.meta.dirname, '../..');
const [before, after, ...rest] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: npx tsx tests/bench/compareOutputs.ts BEFORE_MLSD AFTER_MLSD [--large]');
  process.exit(2);
}

const folder = mkdtempSync(join(tmpdir(), 'mlsd-compare-'));
const generated = (rest.includes('--large') ? [10_000, 100_000] : [10_000]).map((n) => {
  const path = join(folder, `generated-${n}.mlsd.json`);
  writeFileSync(path, JSON.stringify(generateDiagram(n, 7), null, 2));
  return path;
});
const files = [
  ...readdirSync(join(ROOT, 'blueprints')).map((f) => join(ROOT, 'blueprints', f)),
  ...readdirSync(join(ROOT, 'tests/fixtures')).filter((f) => f.endsWith('.mlsd.json')).map((f) => join(ROOT, 'tests/fixtures', f)),
  ...generated,
];
const commands = [['estimate', '--json'], ['estimate'], ['validate']];

/** What one build prints for one command: its output streams and exit code. */
function output(mlsd: string, args: string[]): string {
  const run = spawnSync('node', [resolve(ROOT, mlsd), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  return `${run.stdout}\n--- stderr\n${run.stderr}\n--- exit ${run.status}`;
}

/** What one build writes for one export: its output streams and exit code, then the file's bytes (as Latin-1, so any byte compares). */
function exported(mlsd: string, args: string[]): string {
  const out = join(folder, 'export.out');
  rmSync(out, { force: true });
  return `${output(mlsd, [...args, '-o', out]).replaceAll(out, 'OUT')}\n--- file\n${existsSync(out) ? readFileSync(out, 'latin1') : '(none)'}`;
}

/** Each run to compare: the command's arguments and how one build's result is read. */
const runs: { args: string[]; result: (mlsd: string, args: string[]) => string }[] = files.flatMap((file) => commands.map((command) => ({ args: [...command, file], result: output })));
if (rest.includes('--exports')) {
  const placed = (rest.includes('--large') ? [20_000, 100_000] : [20_000]).map((n) => {
    const path = join(folder, `placed-${n}.mlsd.json`);
    const diagram = generateDiagram(n, 7);
    diagram.nodes.forEach((node, i) => (node.position = { x: (i % 300) * 220, y: Math.floor(i / 300) * 120 }));
    writeFileSync(path, JSON.stringify(diagram));
    return path;
  });
  for (const file of files.filter((f) => !generated.includes(f))) {
    for (const format of ['svg', 'png', 'pdf', 'markdown', 'mermaid', 'drawio', 'excalidraw']) {
      for (const figures of [[], ['--no-figures']]) runs.push({ args: ['export', file, '--format', format, ...figures], result: exported });
    }
  }
  for (const file of placed) {
    for (const format of ['svg', 'pdf', 'mermaid', 'drawio', 'excalidraw']) runs.push({ args: ['export', file, '--format', format, '--no-figures'], result: exported });
  }
}

let differing = 0;
for (const { args, result } of runs) {
  const same = result(before, args) === result(after, args);
  if (!same) differing++;
  console.log(`${same ? 'same     ' : 'DIFFERENT'}  mlsd ${args.join(' ').replace(`${ROOT}/`, '')}`);
}
rmSync(folder, { recursive: true, force: true });
console.log(differing === 0 ? `all ${runs.length} outputs identical` : `${differing} outputs differ`);
process.exit(differing === 0 ? 0 : 1);
