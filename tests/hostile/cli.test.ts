import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RASTER_BUDGET_PIXELS } from '../../shared/export/raster';
import { LIMITS } from '../../shared/model/blocks';
import { MAX_PROBLEMS_LISTED } from '../../shared/model/loadBounds';
import { fixtureJson } from '../helpers';
import { deepText, extremeNumber, limitDiagrams, NUMERIC_FIELDS, PROTOTYPE_NAMES } from './arbitrary';
import { HostileRunner, type HostileResult } from './harness';

let runner: HostileRunner;
beforeAll(() => void (runner = new HostileRunner()));
afterAll(() => runner.close());

/** The lines after `FILE is not a valid diagram (N problems):`. */
const problemLines = (result: HostileResult) => result.stderr.trimEnd().split('\n').slice(1);

/** A verdict: an exit code of the format and a message, never an exception. */
function expectVerdict(result: HostileResult, what: string): void {
  expect([0, 1, 3], `${what}\n${result.stderr.slice(0, 2000)}`).toContain(result.code);
  expect(result.stderr).not.toMatch(/internal error|Maximum call stack/);
}

const PATH_AND_MESSAGE = /^[A-Za-z_][\w.[\]]*: \S/;
const SMALL_FORMATS = ['svg', 'mermaid', 'markdown', 'drawio', 'excalidraw'] as const;

// Each job has its own deadline (HANG_MS) in the runner; these only stop a whole test that runs away.
const GENEROUS_MS = 300_000;

describe('hostile files get a verdict from every command, within time and memory', () => {
  it('any number in any field: out-of-range values are listed as PATH: message, everything else estimates and exports', async () => {
    const blocks = Object.keys(NUMERIC_FIELDS) as (keyof typeof NUMERIC_FIELDS)[];
    const mutation = fc.record({ node: fc.nat({ max: 9 }), block: fc.constantFrom(...blocks), pick: fc.nat(), value: extremeNumber });
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const doc = fixtureJson('small-search.mlsd.json');
        for (const m of mutations) {
          const fields = NUMERIC_FIELDS[m.block];
          const node = doc.nodes[m.node];
          node[m.block] = { ...(node[m.block] ?? {}), [fields[m.pick % fields.length]!]: m.value };
        }
        const file = runner.file(JSON.stringify(doc));
        const validated = await runner.cli('validate', 'validate', file);
        expectVerdict(validated, `validate ${JSON.stringify(mutations)}`);
        if (validated.code === 1) for (const line of problemLines(validated)) expect(line).toMatch(PATH_AND_MESSAGE);
        const estimated = await runner.cli('estimate', 'estimate', '--json', file);
        expectVerdict(estimated, `estimate ${JSON.stringify(mutations)}`);
        expect(estimated.code === 1).toBe(validated.code === 1);
        const format = SMALL_FORMATS[mutations[0]!.pick % SMALL_FORMATS.length]!;
        expectVerdict(await runner.cli('export', 'export', file, '--format', format, '-o', join(runner.dir, `out.${format}`)), `export ${format}`);
        if (validated.code === 0) {
          const app = await runner.run({ kind: 'estimate', doc, trafficMultiplier: 100 }, 'the app estimate at 100x traffic');
          expect(app.code).toBe(0);
        }
      }),
      { numRuns: 20, seed: 2026 },
    );
  }, GENEROUS_MS);

  it('diagrams at the far ends of every range validate, estimate and export (the app at 100x traffic too)', async () => {
    await fc.assert(
      fc.asyncProperty(limitDiagrams, async (doc) => {
        const file = runner.file(JSON.stringify(doc));
        const validated = await runner.cli('validate', 'validate', file);
        expect(validated.code, validated.stderr).toBe(0);
        const estimated = await runner.cli('estimate', 'estimate', '--json', '--check', file);
        expectVerdict(estimated, 'estimate');
        expect(estimated.code).not.toBe(1);
        const app = await runner.run({ kind: 'estimate', doc, trafficMultiplier: 100 }, 'the app estimate at 100x traffic');
        expect(app.code, app.stderr).toBe(0);
        const svg = await runner.cli('export svg', 'export', file, '--format', 'svg', '-o', join(runner.dir, 'limits.svg'));
        expect(svg.code, svg.stderr).toBe(0);
      }),
      { numRuns: 12, seed: 7 },
    );
  }, GENEROUS_MS);

  it('deep nesting is refused, with where it happens, before anything walks the value', async () => {
    await fc.assert(
      fc.asyncProperty(deepText, async (text) => {
        const result = await runner.cli('validate deep', 'validate', runner.file(text));
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(/line 1, column \d+: nesting deeper than 64/);
      }),
      { numRuns: 6, seed: 3 },
    );
  }, GENEROUS_MS);

  it('binary garbage is refused as not a diagram, in one line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4096 }), async (bytes) => {
        const result = await runner.cli('validate garbage', 'validate', runner.file(bytes));
        expect(result.code).toBe(1);
        expect(problemLines(result)).toHaveLength(1);
        expect(result.stderr).toMatch(/not a text file|not valid JSON|not an MLSD Studio diagram|the file is empty|nesting deeper/);
      }),
      { numRuns: 10, seed: 11 },
    );
  }, GENEROUS_MS);

  it('prototype names as ids, kinds, groups and fields are plain names', async () => {
    const doc = fixtureJson('small-search.mlsd.json');
    const ids: Record<string, string> = { gateway: 'constructor', cache: 'toString', encoder: 'hasOwnProperty' };
    for (const node of doc.nodes) node.id = ids[node.id] ?? node.id;
    for (const edge of doc.edges) for (const end of ['source', 'target'] as const) edge[end] = ids[edge[end]] ?? edge[end];
    const valid = runner.file(JSON.stringify(doc));
    expect((await runner.cli('validate', 'validate', valid)).code).toBe(0);
    expect((await runner.cli('estimate', 'estimate', valid)).code).toBe(0);

    doc.nodes[2].group = 'valueOf';
    doc.nodes[3].kind = '__proto__';
    const text = JSON.stringify(doc).replace('"title"', '"__proto__":{"polluted":true},"constructor":1,"title"');
    const result = await runner.cli('validate', 'validate', runner.file(text));
    expect(result.code).toBe(1);
    expect(problemLines(result)).toEqual(
      expect.arrayContaining([
        '__proto__: unknown field',
        'constructor: unknown field',
        'nodes[3].kind: unknown kind "__proto__"',
        'nodes[2].group: no group "valueOf"',
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(PROTOTYPE_NAMES).toContain('constructor');
  }, GENEROUS_MS);

  it('twenty thousand problems are counted, the first ones listed, the rest summed up', async () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, kind: 'service', label: `N${i}`, latency: { p50Ms: -1, p99Ms: 1 } }));
    doc.edges = [];
    const result = await runner.cli('validate 20,000 problems', 'validate', runner.file(JSON.stringify(doc)));
    expect(result.code).toBe(1);
    const lines = problemLines(result);
    expect(result.stderr.split('\n')[0]).toMatch(/\(20,000 problems\):$/);
    expect(lines).toHaveLength(MAX_PROBLEMS_LISTED + 1);
    expect(lines[0]).toBe(`nodes[0].latency.p50Ms: must be >= ${LIMITS.minLatencyMs}, not -1`);
    expect(lines.at(-1)).toBe(`and ${(20_000 - MAX_PROBLEMS_LISTED).toLocaleString('en-US')} more problems`);
  }, GENEROUS_MS);

  it('a sync chain thousands of nodes long validates and estimates without running out of stack', async () => {
    const nodes = [{ id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 100 } }];
    const edges = [];
    for (let i = 0; i < 5_000; i++) {
      nodes.push({ id: `s${i}`, kind: 'service', label: `S${i}`, latency: { p50Ms: 1, p99Ms: 3 } } as never);
      edges.push({ id: `e${i}`, source: i === 0 ? 'users' : `s${i - 1}`, target: `s${i}` });
    }
    const file = runner.file(JSON.stringify({ format: 'mlsd-studio/diagram', version: 1, title: 'Chain', budgets: { p99Ms: 1e6 }, nodes, edges }));
    expect((await runner.cli('validate chain', 'validate', file)).code).toBe(0);
    const estimated = await runner.cli('estimate chain', 'estimate', '--json', file);
    expect(estimated.code, estimated.stderr).toBe(0);
  }, GENEROUS_MS);

  it('a picture too large for a PNG even at half size is refused with its size; a large one is drawn within the pixel budget; PDF pages stay within 200 inches', async () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes.forEach((node: { position?: unknown }, i: number) => void (node.position = { x: i * 200, y: 0 }));
    doc.nodes[9].position = { x: LIMITS.position, y: LIMITS.position };
    const huge = runner.file(JSON.stringify(doc));
    const refused = await runner.cli('export png', 'export', huge, '--format', 'png', '-o', join(runner.dir, 'huge.png'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the picture would be 1,000,\d{3} x 1,000,\d{3} px \([\d,]+ Mpixel\) at its natural size, more than the 32 Mpixel/);
    const vector = await runner.cli('export pdf', 'export', huge, '--format', 'pdf', '-o', join(runner.dir, 'huge.pdf'));
    expect(vector.code, vector.stderr).toBe(0);
    const mediaBox = /\/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(readFileSync(join(runner.dir, 'huge.pdf'), 'latin1'));
    expect(Math.max(Number(mediaBox![1]), Number(mediaBox![2]))).toBeLessThanOrEqual(14_400);
    expect((await runner.cli('export svg', 'export', huge, '--format', 'svg', '-o', join(runner.dir, 'huge.svg'))).code).toBe(0);

    doc.nodes[9].position = { x: 100_000, y: 0 };
    const wide = runner.file(JSON.stringify(doc));
    const out = join(runner.dir, 'wide.png');
    const drawn = await runner.cli('export png', 'export', wide, '--format', 'png', '-o', out);
    expect(drawn.code, drawn.stderr).toBe(0);
    const png = readFileSync(out);
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    // 100,000 units wide and more than the budget at print scale: drawn smaller, but at least at half size.
    expect(width).toBeGreaterThan(50_000);
    expect(width * height).toBeLessThanOrEqual(RASTER_BUDGET_PIXELS);
  }, GENEROUS_MS);

  it('the PNG export that once grew to gigabytes runs in a separate process limited to 1 GiB of data', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes.forEach((node: { position?: unknown }, i: number) => void (node.position = { x: i * 200, y: 0 }));
    doc.nodes[9].position = { x: 100_000, y: 0 };
    const file = runner.file(JSON.stringify(doc));
    const root = resolve(import.meta.dirname, '../..');
    // ulimit -d bounds the memory a process can write to (heap and anonymous maps); -v cannot be used,
    // as Node reserves far more address space than it ever touches for WebAssembly.
    const run = spawnSync('bash', ['-c', `ulimit -d 1048576 && exec node bin/mlsd.mjs export "$1" --format png -o "$2"`, 'mlsd', file, join(runner.dir, 'bounded.png')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/PNG image/);
  }, GENEROUS_MS);
});
