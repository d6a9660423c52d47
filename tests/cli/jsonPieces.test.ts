import { describe, expect, it } from 'vitest';
import { writeJsonPieces } from '../../shared/cli/jsonPieces';
import { estimate } from '../../shared/estimator/estimate';
import { fixtureJson, mustLoad } from '../helpers';

const pieces = (value: unknown, levels?: number) => {
  const written: string[] = [];
  writeJsonPieces(value, (text) => written.push(text), levels);
  return written;
};

describe('JSON written in pieces', () => {
  it('is JSON.stringify(value, null, 2) byte for byte, at every depth it lays out', () => {
    class Point {
      constructor(public x: number, public y: number) {}
    }
    const values: unknown[] = [
      { format: 'x', list: [1, 'two', null, [], {}, [[]], { a: [{ b: 'c\nd' }] }], empty: {}, none: [] },
      { skipped: undefined, fn: () => 1, kept: 1, list: [undefined, () => 2, Symbol('s'), Number.NaN, -0, Infinity] },
      { onlySkipped: { a: undefined } },
      { dated: new Date(0), nested: { when: new Date(1) }, point: new Point(1, 2), own: { toJSON: () => 'own' } },
      { gone: { toJSON: () => undefined }, list: [{ toJSON: () => undefined }] },
      Object.assign(Object.create(null) as object, { bare: true, inner: Object.assign(Object.create(null) as object, { deep: [1] }) }),
      [],
      [[[[1, [2, { three: 3 }]]]]],
      Array.from({ length: 1500 }, (_, i) => (i % 7 ? { i, list: [i, [i]] } : undefined)),
      { runs: Array.from({ length: 1300 }, (_, i) => [i, { half: i / 2 }]) },
      'just text',
      42,
      null,
      { 'key "quoted"\n': 'é \u2028 \ud83d\ude00' },
    ];
    for (const value of values) {
      for (const levels of [0, 1, 2, 3, 6]) expect(pieces(value, levels).join('')).toBe(JSON.stringify(value, null, 2));
    }
  });

  it('writes nothing for a value JSON leaves out', () => {
    expect(pieces(undefined)).toEqual([]);
  });

  it('writes an estimate as `mlsd estimate --json` prints it', () => {
    const result = estimate(mustLoad(fixtureJson('small-search.mlsd.json')));
    expect(pieces(result).join('')).toBe(JSON.stringify(result, null, 2));
  });

  it('writes a large value in pieces of at most about a megabyte, never as one text', () => {
    const nodes = Array.from({ length: 30_000 }, (_, i) => ({ id: `node-${i}`, qps: { peak: i * 1.5, avg: i }, latencyMs: i % 3 ? null : { p99: i / 7 } }));
    const value = { format: 'test', nodes, deeper: [[nodes.slice(0, 2000)]], totals: { nodes: nodes.length } };
    const written = pieces(value);
    const text = JSON.stringify(value, null, 2);
    expect(written.length).toBeGreaterThan(text.length / (1 << 20));
    for (const piece of written) expect(piece.length).toBeLessThan(1.2 * (1 << 20));
    expect(written.join('')).toBe(text);
  });
});
