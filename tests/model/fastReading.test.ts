import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { formatBoundsNesting, safeParseFast, zodPartsRead } from '../../shared/model/fastParse';
import { DiagramSchema } from '../../shared/model/schema';
import { generateDiagram } from '../bench/generate';
import { fixtureJson } from '../helpers';

/**
 * Reading stays fast only while plain code reads every part of a valid file:
 * these check that it does, part by part, and that wherever it reads a value
 * it gives zod's answer (zod still explains every refusal).
 */

const ROOT = new URL('../../', import.meta.url);

const outcome = (result: { success: boolean; data?: unknown; error?: { issues: unknown[] } }) =>
  result.success ? { ok: JSON.stringify(result.data) } : { issues: result.error!.issues.map((i: any) => `${i.path.join('.')}: ${i.code} ${i.message}`) };

/** Reads `value` both ways: the same outcome, and whether plain code alone read it. */
function read(schema: z.ZodType, value: unknown): { ok: boolean; plain: boolean; data: unknown } {
  const fast = safeParseFast(schema, value);
  const plain = zodPartsRead() === 0;
  expect(outcome(fast), shown(value)).toEqual(outcome(schema.safeParse(value)));
  return { ok: fast.success, plain, data: fast.data };
}

/** A value as a failure names it, shortened. */
const shown = (value: unknown) => String(JSON.stringify(value)).slice(0, 80);
/** Valid and read by plain code alone. */
const plainly = (schema: z.ZodType, value: unknown) => expect(read(schema, value), shown(value)).toMatchObject({ ok: true, plain: true });
/** Refused, with zod's issues. */
const refused = (schema: z.ZodType, value: unknown) => expect(read(schema, value).ok, shown(value)).toBe(false);

describe('the fast reader reads a valid file without zod', () => {
  it('every blueprint, the fixtures and a generated design', () => {
    const blueprints = readdirSync(new URL('blueprints/', ROOT)).map((name) => JSON.parse(readFileSync(new URL(`blueprints/${name}`, ROOT), 'utf8')));
    // As read from a file: a design made in code may hold keys set to undefined, which JSON has no way to write.
    const generated = JSON.parse(JSON.stringify(generateDiagram(200, 3)));
    for (const doc of [...blueprints, fixtureJson('small-search.mlsd.json'), fixtureJson('small-search.laid.mlsd.json'), generated]) plainly(DiagramSchema, doc);
  });

  it('and leaves a file it refuses to zod, which says why', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[0].label = '';
    refused(DiagramSchema, doc);
    expect(zodPartsRead()).toBeGreaterThan(0);
  });
});

describe('numbers', () => {
  it('inside bounds, open or closed, as the tightest check says', () => {
    const openLow = z.number().gt(0).lte(10);
    for (const v of [1e-9, 5, 10]) plainly(openLow, v);
    for (const v of [0, -1, 10.0001, Infinity, -Infinity, NaN, '5', null]) refused(openLow, v);
    const openHigh = z.number().gte(0).lt(10);
    for (const v of [0, 9.99]) plainly(openHigh, v);
    for (const v of [-0.01, 10]) refused(openHigh, v);
    // The same bound twice, open after closed and closed after open: open wins.
    for (const schema of [z.number().gte(2).gt(2), z.number().gt(2).gte(2), z.number().lte(2).lt(2), z.number().lt(2).lte(2)]) refused(schema, 2);
    // A looser bound after a tighter one changes nothing.
    const tight = z.number().gte(5).gte(1).lte(6).lte(9);
    for (const v of [5, 6]) plainly(tight, v);
    for (const v of [4, 7]) refused(tight, v);
    plainly(z.number(), -1e300);
  });

  it('whole numbers, from the format or a check', () => {
    for (const schema of [z.number().int(), z.int(), z.number().int().gte(1)]) {
      plainly(schema, 3);
      for (const v of [3.5, 2 ** 53, -(2 ** 53)]) refused(schema, v);
    }
  });

  it('a check it does not know goes to zod', () => {
    const even = z.number().multipleOf(2);
    expect(read(even, 4)).toMatchObject({ ok: true, plain: false });
    refused(even, 3);
  });
});

describe('text', () => {
  it('within length bounds and matching every pattern', () => {
    const schema = z.string().min(2).max(4).regex(/^a/).regex(/b/);
    for (const v of ['ab', 'abcd']) plainly(schema, v);
    for (const v of ['a', 'abcde', 'bab', 'ac', 3, null]) refused(schema, v);
    // Tighter length bounds win whichever comes first.
    const tight = z.string().min(3).min(1).max(3).max(5);
    plainly(tight, 'abc');
    for (const v of ['ab', 'abcd']) refused(tight, v);
  });

  it('a pattern with the global flag matches every time, not every other time', () => {
    const schema = z.string().regex(/a/g);
    for (let i = 0; i < 3; i++) plainly(schema, 'a');
  });

  it('formats it does not know go to zod', () => {
    expect(read(z.email(), 'a@b.co')).toMatchObject({ ok: true, plain: false });
    expect(read(z.string().startsWith('x'), 'xy')).toMatchObject({ ok: true, plain: false });
  });
});

describe('choices, flags and anything', () => {
  it('enums, literals and booleans take only their values', () => {
    const mode = z.enum(['sync', 'async']);
    plainly(mode, 'async');
    for (const v of ['SYNC', '', 1]) refused(mode, v);
    const literal = z.literal([1, 'one', null, false]);
    for (const v of [1, 'one', null, false]) plainly(literal, v);
    for (const v of [2, 'One', undefined, true]) refused(literal, v);
    plainly(z.boolean(), false);
    refused(z.boolean(), 0);
  });

  it('unknown takes anything as it is; never takes nothing', () => {
    const value = { a: [1] };
    expect(read(z.unknown(), value)).toMatchObject({ ok: true, plain: true, data: value });
    refused(z.object({ a: z.never().optional(), b: z.number() }), { a: 1, b: 1 });
  });

  it('unions of plain values give what the first option that takes a value makes of it', () => {
    const schema = z.union([z.number().gte(0), z.literal('auto'), z.enum(['a', 'b'])]);
    for (const v of [0, 'auto', 'b']) plainly(schema, v);
    for (const v of [-1, 'c', null]) refused(schema, v);
    // A union holding an object goes to zod.
    expect(read(z.union([z.number(), z.object({ n: z.number() })]), 1)).toMatchObject({ ok: true, plain: false });
  });
});

describe('objects, records and lists', () => {
  it('strict objects refuse unknown keys; others drop them; fields come out in the schema order', () => {
    const strict = z.strictObject({ a: z.number(), b: z.string().optional() });
    plainly(strict, { a: 1 });
    expect(read(strict, { b: 'x', a: 1 }).data).toEqual({ a: 1, b: 'x' });
    expect(Object.keys(read(strict, { b: 'x', a: 1 }).data as object)).toEqual(['a', 'b']);
    for (const v of [{ a: 1, c: 2 }, { b: 'x' }, { a: '1' }, [1], null]) refused(strict, v);
    // A field given as undefined is left to zod, which takes it as absent.
    expect(read(strict, { a: 1, b: undefined })).toMatchObject({ ok: true, plain: false });
    const loose = z.object({ a: z.number() });
    expect(read(loose, { z: 1, a: 2 })).toMatchObject({ ok: true, plain: true, data: { a: 2 } });
    expect(Object.keys(read(loose, { z: 1, a: 2 }).data as object)).toEqual(['a']);
    expect(read(z.object({ a: z.number().optional() }), { z: 1 })).toMatchObject({ ok: true, plain: true, data: {} });
    // An object that lets any other key through, or holds a field with a default, goes to zod.
    expect(read(z.looseObject({ a: z.number() }), { a: 1, b: 2 })).toMatchObject({ ok: true, plain: false, data: { a: 1, b: 2 } });
    expect(read(z.object({ a: z.number().default(3) }), {})).toMatchObject({ ok: true, plain: false, data: { a: 3 } });
  });

  it('an object made without a plain prototype, or a key inherited, is left to zod', () => {
    const schema = z.object({ a: z.number().optional() });
    expect(read(schema, Object.create({ a: 1 }))).toMatchObject({ plain: false });
    expect(read(schema, Object.assign(Object.create(Object.create(null)), { a: 1 }))).toMatchObject({ plain: false });
    for (const v of [[], null, 'a']) refused(schema, v);
    plainly(schema, Object.assign(Object.create(null), { a: 1 }));
    // A field's name that every object inherits, even one a loop over keys does not show.
    const inheriting = z.strictObject({ a: z.number(), inheritedField: z.number().optional() });
    plainly(inheriting, { a: 1 });
    Object.defineProperty(Object.prototype, 'inheritedField', { value: 1, configurable: true, writable: true });
    try {
      expect(read(inheriting, { a: 1 })).toMatchObject({ ok: true, plain: false });
      plainly(inheriting, { a: 1, inheritedField: 2 });
      plainly(inheriting, Object.assign(Object.create(null), { a: 1 }));
    } finally {
      delete (Object.prototype as Record<string, unknown>).inheritedField;
    }
    // One a loop over keys does show.
    Object.defineProperty(Object.prototype, 'inheritedField', { value: 1, configurable: true, writable: true, enumerable: true });
    try {
      expect(read(inheriting, { a: 1 })).toMatchObject({ ok: true, plain: false });
    } finally {
      delete (Object.prototype as Record<string, unknown>).inheritedField;
    }
    // Each read looks again.
    plainly(inheriting, { a: 1 });
  });

  it('records keyed by text, and partial records keyed by a choice', () => {
    const counts = z.record(z.string().min(1), z.number().gte(0));
    expect(read(counts, { b: 1, a: 2 })).toMatchObject({ ok: true, plain: true, data: { b: 1, a: 2 } });
    for (const v of [{ '': 1 }, { a: -1 }, [], null]) refused(counts, v);
    const steps = z.partialRecord(z.enum(['data', 'serving']), z.string());
    plainly(steps, { serving: 'cache' });
    refused(steps, { training: 'x' });
    // A whole record keyed by a choice (every key required) goes to zod.
    expect(read(z.record(z.enum(['a']), z.number()), { a: 1 })).toMatchObject({ ok: true, plain: false });
  });

  it('lists within length bounds, each item read', () => {
    const schema = z.array(z.number().gte(0)).min(1).max(3);
    for (const v of [[0], [1, 2, 3]]) plainly(schema, v);
    for (const v of [[], [1, 2, 3, 4], [1, -1], 'abc', { length: 1, 0: 1 }]) refused(schema, v);
    const tight = z.array(z.number()).min(2).min(1).max(2).max(4);
    plainly(tight, [1, 2]);
    for (const v of [[1], [1, 2, 3]]) refused(tight, v);
  });

  it('with reuseInput, parts already as zod gives them are returned as they are, the rest copied', () => {
    const schema = z.object({ list: z.array(z.object({ a: z.number(), b: z.number().optional() })), map: z.record(z.string(), z.object({ n: z.number() })) });
    const value = { list: [{ a: 1 }, { b: 2, a: 1 }], map: { k: { n: 1 } } };
    const data = safeParseFast(schema, value, { reuseInput: true }).data!;
    expect(data).not.toBe(value);
    expect(data.list).not.toBe(value.list);
    expect(data.list[0]).toBe(value.list[0]);
    expect(data.list[1]).not.toBe(value.list[1]);
    expect(Object.keys(data.list[1]!)).toEqual(['a', 'b']);
    expect(data.map).toBe(value.map);
    const copied = safeParseFast(schema, value).data!;
    expect(copied.list[0]).not.toBe(value.list[0]);
    expect(copied.map).not.toBe(value.map);
    expect(copied).toEqual(data);
  });
});

describe('whether the schema bounds how deep a value nests', () => {
  const schema = z.object({ a: z.number(), open: z.unknown().optional(), steps: z.record(z.string(), z.unknown()).optional() });
  const bounded = (value: unknown) => {
    safeParseFast(schema, value);
    return formatBoundsNesting();
  };

  it('yes when plain code read every part along the schema, anything under z.unknown() a plain value', () => {
    expect(bounded({ a: 1 })).toBe(true);
    expect(bounded({ a: 1, open: 'text', steps: { x: 1, y: null } })).toBe(true);
    safeParseFast(DiagramSchema, fixtureJson('small-search.mlsd.json'));
    expect(formatBoundsNesting()).toBe(true);
  });

  it('no when z.unknown() holds an object or a list, an object drops a key, or zod read a part', () => {
    expect(bounded({ a: 1, open: [] })).toBe(false);
    expect(bounded({ a: 1, steps: { x: { y: 1 } } })).toBe(false);
    expect(bounded({ a: 1, dropped: [[1]] })).toBe(false);
    expect(bounded({ a: '1' })).toBe(false);
    // Parts of either kind count alike: one of each is not none.
    expect(bounded({ a: 1, dropped: 1, open: [] })).toBe(false);
    // Each read starts afresh.
    expect(bounded({ a: 1 })).toBe(true);
  });
});

describe('objects whose keys come in another order', () => {
  it('come out in the schema order, whichever field breaks the order and whatever was read before it', () => {
    const schema = z.strictObject({ a: z.number(), b: z.number().optional(), c: z.number().optional(), d: z.string().optional() });
    for (const value of [{ a: 1, b: 2, d: 'x', c: 3 }, { a: 1, d: 'x', b: 2 }, { b: 2, a: 1 }, { a: 1, c: 3, b: 2, d: 'x' }, { d: 'x', a: 1 }]) {
      const data = safeParseFast(schema, value, { reuseInput: true }).data!;
      expect(JSON.stringify(data)).toBe(JSON.stringify(schema.parse(value)));
      expect(Object.keys(data)).toEqual(Object.keys(schema.parse(value)));
      expect(data).not.toBe(value);
    }
    const inOrder = { a: 1, c: 3, d: 'x' };
    expect(safeParseFast(schema, inOrder, { reuseInput: true }).data).toBe(inOrder);
  });

  it('a field changed in reading after fields kept as they were: those copied too', () => {
    const schema = z.object({ a: z.number(), b: z.object({ x: z.number() }), c: z.number() });
    const value = { a: 1, b: { x: 1, extra: 2 }, c: 3 };
    const data = safeParseFast(schema, value, { reuseInput: true }).data!;
    expect(JSON.stringify(data)).toBe('{"a":1,"b":{"x":1},"c":3}');
    const loose = { z: 0, a: 1, b: { x: 1 }, c: 3 };
    expect(JSON.stringify(safeParseFast(schema, loose, { reuseInput: true }).data)).toBe('{"a":1,"b":{"x":1},"c":3}');
  });

  it('with more fields than bits in a number, read as zod reads them', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const schema = z.strictObject(Object.fromEntries(keys.map((k) => [k, z.number().optional()])));
    const value = Object.fromEntries([...keys].reverse().filter((_, i) => i % 3 !== 0).map((k, i) => [k, i]));
    plainly(schema, value);
    expect(JSON.stringify(safeParseFast(schema, value, { reuseInput: true }).data)).toBe(JSON.stringify(schema.parse(value)));
    const ordered = Object.fromEntries(keys.map((k, i) => [k, i]));
    expect(safeParseFast(schema, ordered, { reuseInput: true }).data).toBe(ordered);
  });
});

