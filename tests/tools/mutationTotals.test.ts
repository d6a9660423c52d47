import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = resolve('scripts/mutationTotals.mjs');

function mutant(status: string, line: number, mutatorName = 'ConditionalExpression') {
  return { status, mutatorName, replacement: 'true', location: { start: { line, column: 1 }, end: { line, column: 5 } } };
}

/** A checkout with one source file and the given reports; runs the totals there. */
function totals(source: string, reports: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'mutation-totals-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src/a.ts'), source);
  for (const [name, report] of Object.entries(reports)) writeFileSync(join(dir, name), JSON.stringify(report));
  const run = spawnSync(process.execPath, [script, 'src', ...Object.keys(reports)], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('mutation totals over several runs', () => {
  it('counts a mutant killed by any run as killed, and a file only from runs made on its current code', () => {
    const now = 'export const a = 1;\n';
    const run = totals(now, {
      'first.json': { files: { 'src/a.ts': { source: now, mutants: [mutant('Survived', 1), mutant('NoCoverage', 2)] } } },
      'second.json': { files: { 'src/a.ts': { source: now, mutants: [mutant('Killed', 1), mutant('Survived', 2), mutant('CompileError', 3)] } } },
      'stale.json': { files: { 'src/a.ts': { source: 'export const a = 0;\n', mutants: [mutant('Killed', 2)] } } },
    });
    expect(run.status).toBe(0);
    expect(run.out).toContain('src/a.ts: mutants 2, killed 1, survived 1, no coverage 0, score 50.0%');
    expect(run.out).toContain('src: mutants 2, killed 1, score 50.0%');
  });

  it('says a file was not measured when every run saw other code', () => {
    const run = totals('export const a = 2;\n', {
      'old.json': { files: { 'src/a.ts': { source: 'export const a = 1;\n', mutants: [mutant('Killed', 1)] } } },
    });
    expect(run.out).toContain('src/a.ts: not measured on this code');
  });

  it('refuses a run config given as a report, naming the file', () => {
    const run = totals('x\n', { 'run.config.json': { mutate: ['src/a.ts'] } });
    expect(run.status).toBe(2);
    expect(run.err).toContain('run.config.json: not a mutation report');
    expect(run.err).not.toContain('    at ');
  });
});
