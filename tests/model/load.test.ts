import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDiagram } from '../../shared/model/load';
import { formatProblem } from '../../shared/model/problems';
import { fixtureJson, fixturePath } from '../helpers';

const messages = (value: unknown) => {
  const result = loadDiagram(typeof value === 'string' || value instanceof Uint8Array ? value : JSON.stringify(value));
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.problems.map(formatProblem);
};

describe('loading a diagram file', () => {
  it('accepts the hand-written fixture and keeps its content as written', () => {
    const text = readFileSync(fixturePath('small-search.mlsd.json'), 'utf8');
    const result = loadDiagram(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.diagram.nodes).toHaveLength(10);
    expect(result.diagram.edges[3]).toMatchObject({ calls: 8, fanout: 'parallel', stage: 1 });
    expect(JSON.parse(JSON.stringify(result.diagram))).toEqual(JSON.parse(text));
  });

  it('rejects p99 below p50 at the field', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[3].latency = { p50Ms: 8, p99Ms: 5 };
    expect(messages(doc)).toEqual(['nodes[3].latency.p99Ms: must be >= p50Ms (8)']);
  });

  it('rejects a dangling edge and suggests the node meant', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.edges[4].target = 'rerankr';
    expect(messages(doc)).toEqual(['edges[4].target: no node "rerankr" (did you mean "rerank"?)']);
  });

  it('rejects duplicate ids, naming the first', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[5].id = 'ann';
    expect(messages(doc)).toContain('nodes[5].id: duplicate id "ann" (also nodes[4])');
    doc.nodes[5].id = 'rerank';
    doc.edges[2].id = 'e1';
    expect(messages(doc)).toEqual(['edges[2].id: duplicate id "e1" (also edges[0])']);
  });

  it('rejects an unknown kind with a suggestion', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[3].kind = 'modle';
    expect(messages(doc)).toEqual(['nodes[3].kind: unknown kind "modle" (did you mean "model"?)']);
  });

  it('rejects unknown fields at every level, with suggestions', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[1].latncy = { p50Ms: 1, p99Ms: 2 };
    doc.nodes[2].cache.hitrate = 0.5;
    doc.colour = 'red';
    const found = messages(doc);
    expect(found).toContain('nodes[1].latncy: unknown field (did you mean "latency"?)');
    expect(found).toContain('nodes[2].cache.hitrate: unknown field (did you mean "hitRate"?)');
    expect(found).toContain('colour: unknown field');
  });

  it('rejects the wrong format string, a future version and a non-integer version', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    expect(messages({ ...doc, format: 'drawio' })).toEqual([
      'format: must be "mlsd-studio/diagram" (found "drawio"): this is not an MLSD Studio diagram',
    ]);
    expect(messages({ ...doc, version: 2 })).toEqual([
      'version: 2 is newer than this MLSD Studio reads (1): update MLSD Studio to open it',
    ]);
    expect(messages({ ...doc, version: 1.5 })).toEqual(['version: must be a whole number, not 1.5']);
  });

  it('rejects an edge into a traffic node', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.edges.push({ id: 'back', source: 'gateway', target: 'users', mode: 'async' });
    expect(messages(doc)).toContain('edges[10].target: "users" is a traffic node: load only leaves it, nothing may call it');
  });

  it('rejects a cycle of sync and async edges, naming its nodes, but allows offline loops', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.edges.push({ id: 'loop', source: 'monitor', target: 'gateway', mode: 'async' });
    expect(messages(doc)).toEqual([
      'edges[10]: sync and async edges form a cycle: gateway -> logs -> monitor -> gateway (only offline edges may loop)',
    ]);
    doc.edges[10].mode = 'offline';
    expect(loadDiagram(JSON.stringify(doc)).ok).toBe(true);
  });

  it('explains bad JSON with its line and column, and truncated JSON', () => {
    expect(messages('{\n  "format": "mlsd-studio/diagram",\n  "version": 1,,\n}')).toEqual([
      expect.stringMatching(/^not valid JSON at line 3, column 16: /),
    ]);
    const text = readFileSync(fixturePath('small-search.mlsd.json'), 'utf8');
    expect(messages(text.slice(0, 200))).toEqual([
      'not valid JSON: the file ends before the JSON is complete (was it cut short?)',
    ]);
  });

  it('refuses binary and empty files', () => {
    expect(messages(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]))).toEqual([
      'not a text file (binary data at byte 8)',
    ]);
    expect(messages(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual(['not a text file (it is not valid UTF-8)']);
    expect(messages('   \n')).toEqual(['the file is empty']);
    expect(messages('[1, 2]')).toEqual(['not an MLSD Studio diagram: the file must hold one JSON object']);
  });

  it('lists every problem at once, each with its path', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[0].traffic = { qps: -5 };
    doc.nodes[2].cache.hitRate = 1.5;
    doc.nodes[4].capacity.replicas = 2.5;
    doc.edges[0].mode = 'synchronous';
    doc.title = '';
    expect(messages(doc)).toEqual([
      'title: must not be empty',
      'nodes[0].traffic.qps: must be >= 0, not -5',
      'nodes[2].cache.hitRate: must be <= 1, not 1.5',
      'nodes[4].capacity.replicas: must be a whole number or "auto", not number 2.5',
      'edges[0].mode: "synchronous" is not one of "sync", "async", "offline"',
    ]);
  });

  it('checks blocks against the kind, traffic shapes, catalog names and kind params', () => {
    const doc = fixtureJson('small-search.mlsd.json');
    doc.nodes[9].cache = { hitRate: 0.5 };
    doc.nodes[0].traffic = { qps: 10, dau: 5 };
    doc.nodes[1].cost.instance = 'm7i.xlarg';
    doc.nodes[4].params.dimensions = -1;
    doc.nodes[5].params = { size: 1 };
    doc.nodes[6].storage = { bytes: 10, items: 5 };
    doc.nodes[7].group = 'ofline';
    expect(messages(doc)).toEqual([
      'nodes[0].traffic: give either qps, or dau with requestsPerUserPerDay',
      'nodes[1].cost.instance: no instance type "m7i.xlarg" in the price catalog (did you mean "m7i.xlarge"?)',
      'nodes[4].params.dimensions: must be >= 0, not -1',
      'nodes[5].params: a Service node takes no params',
      'nodes[6].storage.items: is not used with bytes: give bytes, or item counts',
      'nodes[7].group: no group "ofline" (did you mean "offline"?)',
      'nodes[9].cache: an Object store node takes no cache block',
    ]);
  });
});
