import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { KINDS } from '../../shared/kinds';
import { safeParseFast, zodPartsRead } from '../../shared/model/fastParse';
import { DiagramSchema } from '../../shared/model/schema';
import { generateDiagram } from '../bench/generate';
import { fixtureJson } from '../helpers';
import { Random } from '../random';

const ROOT = new URL('../../', import.meta.url);
const blueprintDocs = readdirSync(new URL('blueprints/', ROOT)).map(
  (name) => JSON.parse(readFileSync(new URL(`blueprints/${name}`, ROOT), 'utf8')) as Record<string, any>,
);

/** A document that uses every part of the format: scenarios, notes, practice state with a worksheet and replay, viewport, budgets. */
function everything(): Record<string, any> {
  const doc = fixtureJson('small-search.mlsd.json');
  doc.nodes[3].batching = { maxBatchSize: 64, maxQueueDelayMs: 2, preferredBatchSizes: [32, 64], table: [{ size: 1, ms: 2 }, { size: 64, ms: 9 }], gpu: 'g5.xlarge' };
  doc.nodes[0].traffic.profile = { peakHour: 20, troughShare: 0.3, spike: { hour: 12, minutes: 30, multiplier: 3 } };
  doc.groups = [{ id: 'serving', label: 'Serving' }];
  doc.nodes[1].group = 'serving';
  doc.budgets = { p99Ms: 250, monthlyCostUsd: 50_000 };
  doc.viewport = { x: -10, y: 20.5, zoom: 0.8 };
  doc.annotations = [{ id: 'note1', kind: 'note', text: 'check the cache', position: { x: 1, y: 2 }, colour: '#fde68a', width: 200 }];
  doc.brief = { prompt: 'Design a feed', steps: { data: 'logs', serving: 'cache' }, estimate: { peakQps: 1000, p99Ms: 200 } };
  doc.practice = {
    slug: 'news-feed', durationMs: 45 * 60_000, elapsedMs: 1200, finished: false, revealedSteps: 2,
    worksheet: { peakQps: { inputs: { dau: 1e6, perUser: 10 }, working: '1e6 * 10 / 86400', result: 116 } },
    steps: { data: { reviewed: true, ticked: [0, 2] } },
    log: [{ atMs: 10, patches: [{ op: 'replace', path: ['nodes', 0, 'label'], value: 'Users' }], inverse: [{ op: 'replace', path: ['nodes', 0, 'label'], value: 'U' }] }],
  };
  doc.scenario = 'baseline';
  doc.scenarios = [{ name: 'bigger cache', nodes: structuredClone(doc.nodes.slice(0, 3)), edges: structuredClone(doc.edges.slice(0, 2)) }];
  doc.edges[0].retry = { failureProbability: 0.01, retries: 2, timeoutMs: 100 };
  doc.edges[0].hedge = { afterPercentile: 0.95 };
  doc.edges[0].route = { points: [{ x: 0, y: 0 }, { x: 10, y: 0 }], label: { x: 5, y: -4 } };
  return doc;
}

/** What a reading gives, in a form that shows key order and every value (`toEqual` ignores key order). */
const outcome = (result: { success: boolean; data?: unknown; error?: { issues: unknown[] } }) =>
  result.success ? { ok: JSON.stringify(result.data) } : { issues: result.error!.issues.map((i: any) => `${i.path.join('.')}: ${i.code} ${i.message}`) };

/** Every path to a value inside a document, containers included. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

const REPLACEMENTS: unknown[] = [
  -1, 0, 0.5, 1, 1.5, 3, 100, 1e7, 1e16, 2 ** 53, Infinity, NaN, '', 'x', 'auto', 'traffic', 'sync', 'service', 'a'.repeat(130),
  'has space', '#fde68a', null, true, false, {}, [], [1], { x: 1 }, undefined,
];

/** A copy of `doc` with one thing changed at a random place: a value replaced, a key added or taken away. */
function mutate(doc: Record<string, any>, random: Random, all = paths(doc)): Record<string, any> {
  const copy = structuredClone(doc);
  const path = all[Math.floor(random.next() * all.length)]!;
  if (path.length === 0) return copy;
  const parent = path.slice(0, -1).reduce((v: any, k) => v[k], copy);
  const key = path.at(-1)!;
  const what = random.next();
  if (what < 0.1 && !Array.isArray(parent)) delete parent[key];
  else if (what < 0.2 && !Array.isArray(parent)) parent[random.next() < 0.5 ? 'extra' : 'toString'] = 1;
  else if (what < 0.25 && !Array.isArray(parent)) Object.defineProperty(parent, '__proto__', { value: {}, enumerable: true, configurable: true, writable: true });
  else parent[key] = structuredClone(REPLACEMENTS[Math.floor(random.next() * REPLACEMENTS.length)]);
  return copy;
}

describe('reading a diagram with the fast reader', () => {
  it('gives what zod gives for every blueprint, the fixtures and a generated design, keys in the same order', () => {
    const docs = [...blueprintDocs, fixtureJson('small-search.mlsd.json'), fixtureJson('hostile.mlsd.json'), everything(), generateDiagram(300, 3)];
    for (const doc of docs) expect(outcome(safeParseFast(DiagramSchema, doc))).toEqual(outcome(DiagramSchema.safeParse(doc)));
    expect(safeParseFast(DiagramSchema, everything()).success).toBe(true);
  });

  it('keys come out in the format order whatever order the file wrote them in', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    const node = doc.nodes[1];
    doc.nodes[1] = Object.fromEntries(Object.entries(node).reverse());
    const result = safeParseFast(DiagramSchema, doc);
    expect(result.success).toBe(true);
    expect(Object.keys(result.data!.nodes[1]!)).toEqual(Object.keys(DiagramSchema.safeParse(doc).data!.nodes[1]!));
    expect(Object.keys(result.data!.nodes[1]!)[0]).toBe('id');
  });

  it('accepts and refuses exactly what zod does, with the same issues, over 1,500 changed documents', () => {
    const random = new Random(11);
    const bases = [everything(), fixtureJson('small-search.mlsd.json')].map((doc) => ({ doc, all: paths(doc) }));
    let refused = 0;
    for (let i = 0; i < 1500; i++) {
      const { doc: base, all } = bases[i % bases.length]!;
      const doc = mutate(base, random, all);
      const expected = outcome(DiagramSchema.safeParse(doc));
      expect(outcome(safeParseFast(DiagramSchema, doc)), `case ${i}`).toEqual(expected);
      expect(outcome(safeParseFast(DiagramSchema, doc, { reuseInput: true })), `case ${i}, input reused`).toEqual(expected);
      if ('issues' in expected) refused++;
    }
    // The changes must reach both sides of the line.
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(1450);
  });

  it('with reuseInput, returns a value already in the format order as it is, and copies one that is not', () => {
    // As the app writes a file: every key in the format's order.
    const doc = JSON.parse(JSON.stringify(DiagramSchema.parse(fixtureJson('small-search.mlsd.json'))));
    const inOrder = safeParseFast(DiagramSchema, doc, { reuseInput: true });
    expect(inOrder.data).toBe(doc);
    expect(safeParseFast(DiagramSchema, doc).data).not.toBe(doc);
    const before = JSON.stringify(doc);
    doc.nodes[2] = Object.fromEntries(Object.entries(doc.nodes[2]).reverse());
    const reordered = safeParseFast(DiagramSchema, doc, { reuseInput: true });
    expect(reordered.data).not.toBe(doc);
    expect(reordered.data!.nodes[1]).toBe(doc.nodes[1]);
    expect(JSON.stringify(reordered.data)).toBe(before);
  });

  it('reads a schema that holds itself, an object read inside another of its kind, as zod does', () => {
    const Tree: z.ZodType = z.strictObject({
      name: z.string(),
      size: z.number().optional(),
      get children() {
        return z.array(Tree).optional();
      },
    });
    // Keys out of the schema's order, so each object is copied after its children are read.
    const doc = { children: [{ size: 2, children: [{ name: 'c', size: 5 }], name: 'a' }, { name: 'b', size: 1 }], name: 'root', size: 3 };
    for (const reuseInput of [false, true]) {
      const result = safeParseFast(Tree, structuredClone(doc), { reuseInput });
      expect(zodPartsRead()).toBe(0);
      expect(JSON.stringify(result.data)).toBe(JSON.stringify(Tree.parse(structuredClone(doc))));
    }
    expect(JSON.stringify(safeParseFast(Tree, structuredClone(doc)).data)).toBe(
      '{"name":"root","size":3,"children":[{"name":"a","size":2,"children":[{"name":"c","size":5}]},{"name":"b","size":1}]}',
    );
  });

  it('reads kind params as zod does', () => {
    const random = new Random(5);
    for (const kind of KINDS) {
      if (!kind.params) continue;
      const schema = kind.params.schema as z.ZodType;
      const good = { ...kind.defaults.params };
      expect(outcome(safeParseFast(schema, good))).toEqual(outcome(schema.safeParse(good)));
      for (let i = 0; i < 50; i++) {
        const value = mutate({ params: good }, random).params;
        expect(outcome(safeParseFast(schema, value))).toEqual(outcome(schema.safeParse(value)));
      }
    }
  });

  it('leaves to zod what it does not know (a refinement), so nothing it cannot check passes', () => {
    const schema = z.strictObject({ n: z.number().refine((n) => n % 2 === 0, 'must be even') });
    expect(safeParseFast(schema, { n: 2 }).success).toBe(true);
    expect(outcome(safeParseFast(schema, { n: 3 }))).toEqual(outcome(schema.safeParse({ n: 3 })));
    const trimmed = z.object({ s: z.string().trim() });
    expect(safeParseFast(trimmed, { s: ' a ', other: 1 }).data).toEqual({ s: 'a' });
  });
});
