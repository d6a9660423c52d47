#!/usr/bin/env node
/**
 * Mutation testing of one folder (or a few files) against the tests that
 * cover it, with a results file of its own so a rerun re-tests only what
 * changed, and a summary of the survivors:
 *
 *   npm run mutate:folder -- model 'shared/model/*.ts' 'tests/model/**'
 *   npm run mutate:folder -- model --summary
 *
 * Writes reports/<name>.config.json (the repository's stryker.config.json
 * with this run's files), reports/<name>.json (the full report) and
 * reports/<name>/index.html. Globs are comma-separated; one level of braces
 * expands (`shared/estimator/{grid,mg1}.ts`).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const [name, mutate, tests] = process.argv.slice(2);
if (!name || !mutate) {
  console.error('usage: node scripts/mutate.mjs <name> <files to mutate> [tests]   or   node scripts/mutate.mjs <name> --summary');
  process.exit(2);
}

/** Per file: mutants by status and the score; then each survivor with its line. */
function summary(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const all = {};
  for (const [path, { source, mutants }] of Object.entries(report.files)) {
    const lines = source.split('\n');
    const count = {};
    for (const m of mutants) {
      count[m.status] = (count[m.status] ?? 0) + 1;
      all[m.status] = (all[m.status] ?? 0) + 1;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        console.log(`${path}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${lines[m.location.start.line - 1]?.trim().slice(0, 120)}`);
      }
    }
    console.log(`${path} ${line(count)}`);
  }
  console.log(`all ${line(all)}`);
}

function line(count) {
  const detected = (count.Killed ?? 0) + (count.Timeout ?? 0);
  const valid = detected + (count.Survived ?? 0) + (count.NoCoverage ?? 0);
  const mutants = Object.values(count).reduce((a, b) => a + b, 0);
  const score = valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)}%`;
  return `mutants ${mutants}, killed ${count.Killed ?? 0}, survived ${count.Survived ?? 0}, no coverage ${count.NoCoverage ?? 0}, timeout ${count.Timeout ?? 0}, score ${score}`;
}

/**
 * A comma-separated list of globs as single globs: commas inside braces
 * belong to the brace, which is expanded (`tests/{a,b}.test.ts` is two
 * globs), so the list can be passed on joined by commas alone.
 */
function globList(text) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if ((c === ',' && depth === 0) || i === text.length) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return parts.filter(Boolean).flatMap(expandBraces);
}

function expandBraces(glob) {
  const open = glob.indexOf('{');
  const close = glob.indexOf('}', open);
  if (open < 0 || close < 0) return [glob];
  const [head, tail] = [glob.slice(0, open), glob.slice(close + 1)];
  return glob.slice(open + 1, close).split(',').flatMap((option) => expandBraces(`${head}${option.trim()}${tail}`));
}

if (mutate === '--summary') {
  summary(`reports/${name}.json`);
  process.exit(0);
}
const base = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
delete base.$schema;
const config = {
  ...base,
  mutate: globList(mutate),
  incrementalFile: `reports/${name}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json', 'html'],
  jsonReporter: { fileName: `reports/${name}.json` },
  htmlReporter: { fileName: `reports/${name}/index.html` },
  tempDirName: `.stryker-tmp-${name}`,
  // Another run's sandbox, being made or removed beside this one, is not copied into this run's.
  ignorePatterns: [...(base.ignorePatterns ?? []), '/.stryker-tmp-*', '/reports'],
};
mkdirSync('reports', { recursive: true });
writeFileSync(`reports/${name}.config.json`, JSON.stringify(config, null, 2));
const run = spawnSync('npx', ['stryker', 'run', `reports/${name}.config.json`], {
  stdio: 'inherit',
  env: { ...process.env, ...(tests && { MUTATE_TESTS: globList(tests).join(',') }) },
});
if (run.status === 0) summary(`reports/${name}.json`);
process.exit(run.status ?? 1);
