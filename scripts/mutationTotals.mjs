#!/usr/bin/env node
/**
 * A folder's mutation score over several runs, counted on the code as it is
 * now:
 *
 *   npm run mutate:totals -- shared/export reports/exp-a.json reports/exp-b.json
 *
 * A file counts only from the reports whose copy of it is today's source
 * (a report made before the file changed says nothing about it). A mutant
 * is the same in two reports when its mutator, place and replacement are;
 * it counts as killed if any run killed it or timed out on it. Prints each
 * file of the folder (or "not measured on this code"), then the total.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const [folder, ...reports] = process.argv.slice(2);
if (!folder || reports.length === 0) {
  console.error('usage: node scripts/mutationTotals.mjs <folder> <report.json> [report.json ...]');
  process.exit(2);
}

/** The folder's TypeScript files, relative to the repository. */
function sources(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) ? [relative('.', path)] : [];
  });
}

if (!existsSync(folder) || !statSync(folder).isDirectory()) {
  console.error(`${folder}: no such folder`);
  process.exit(2);
}

const DETECTED = new Set(['Killed', 'Timeout']);
/** How much a status says: a kill outranks a survivor, which outranks no coverage; errors and ignored mutants are not counted. */
const RANK = { Killed: 3, Timeout: 3, Survived: 2, NoCoverage: 1 };

const now = new Map(sources(folder).map((file) => [file, readFileSync(file, 'utf8')]));
const byFile = new Map();
for (const report of reports) {
  if (!existsSync(report)) {
    console.error(`${report}: no such report`);
    process.exit(2);
  }
  let files;
  try {
    ({ files } = JSON.parse(readFileSync(report, 'utf8')));
  } catch (error) {
    console.error(`${report}: not JSON (${error.message})`);
    process.exit(2);
  }
  if (typeof files !== 'object' || files === null) {
    console.error(`${report}: not a mutation report (it has no "files": a run's config, *.config.json, sits beside its report)`);
    process.exit(2);
  }
  for (const [path, { source, mutants }] of Object.entries(files)) {
    const file = relative('.', path);
    if (now.get(file) !== source) continue;
    const seen = byFile.get(file) ?? new Map();
    byFile.set(file, seen);
    for (const m of mutants) {
      if (!(m.status in RANK)) continue;
      const { start, end } = m.location;
      const key = `${m.mutatorName} ${start.line}:${start.column}-${end.line}:${end.column} ${m.replacement ?? ''}`;
      if ((RANK[seen.get(key)] ?? 0) < RANK[m.status]) seen.set(key, m.status);
    }
  }
}

const score = (detected, counted) => (counted === 0 ? 'n/a' : `${((100 * detected) / counted).toFixed(1)}%`);
let [allDetected, allCounted] = [0, 0];
for (const file of [...now.keys()].sort()) {
  const seen = byFile.get(file);
  if (!seen) {
    console.log(`${file}: not measured on this code`);
    continue;
  }
  const statuses = [...seen.values()];
  const detected = statuses.filter((s) => DETECTED.has(s)).length;
  const survived = statuses.filter((s) => s === 'Survived').length;
  allDetected += detected;
  allCounted += statuses.length;
  console.log(`${file}: mutants ${statuses.length}, killed ${detected}, survived ${survived}, no coverage ${statuses.length - detected - survived}, score ${score(detected, statuses.length)}`);
}
console.log(`${folder}: mutants ${allCounted}, killed ${allDetected}, score ${score(allDetected, allCounted)}`);
