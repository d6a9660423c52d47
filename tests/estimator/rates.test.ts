import { describe, expect, it } from 'vitest';
import { propagateRates } from '../../shared/estimator/rates';
import type { DiagramEdge, DiagramNode } from '../../shared/model/schema';
import { svc } from './build';

const edge = (id: string, source: string, target: string, extra: Partial<DiagramEdge> = {}): DiagramEdge => ({ id, source, target, ...extra });
const users: DiagramNode = { id: 'users', kind: 'traffic', label: 'Users', traffic: { qps: 100, peakToAverage: 2 } };
const peaks = (rates: Map<string, { peak: number }>) => Object.fromEntries([...rates].map(([id, r]) => [id, r.peak]));

describe('request rates along the edges', () => {
  it('multiplies by calls and by a cache\'s misses; offline edges and edges to or from no node carry nothing', () => {
    const nodes = [users, svc('a', 1, 2), { ...svc('cache', 1, 2), kind: 'cache', cache: { hitRate: 0.75 } } as DiagramNode, svc('db', 1, 2), svc('etl', 1, 2)];
    const edges = [
      edge('e0', 'users', 'a', { calls: 2 }),
      edge('e1', 'a', 'cache'),
      edge('e2', 'cache', 'db', { calls: 3 }),
      edge('e3', 'a', 'etl', { mode: 'offline' }),
      edge('e4', 'a', 'ghost'),
      edge('e5', 'ghost', 'db', { calls: 5 }),
      edge('e6', 'a', 'db', { mode: 'async' }),
    ];
    const rates = propagateRates({ nodes, edges });
    // users 100 -> a 200 -> cache 200 -> db 200 x 0.25 x 3 = 150, plus a's async call 200.
    expect(peaks(rates)).toEqual({ users: 100, a: 200, cache: 200, db: 350, etl: 0 });
    expect(rates.get('db')!.avg).toBe(175);
  });

  it('sends the copies an edge\'s retries and hedges add, edge by edge', () => {
    const nodes = [users, svc('a', 1, 2), svc('b', 1, 2)];
    const edges = [edge('e0', 'users', 'a'), edge('e1', 'users', 'b')];
    expect(peaks(propagateRates({ nodes, edges }, new Map([['e1', 1.5]])))).toEqual({ users: 100, a: 100, b: 150 });
    expect(peaks(propagateRates({ nodes, edges }, new Map()))).toEqual({ users: 100, a: 100, b: 100 });
  });

  it('takes a repeated id as its last node, keyed where the id first appears', () => {
    const nodes = [svc('a', 1, 2), users, { ...users, traffic: { qps: 40 } }];
    const rates = propagateRates({ nodes, edges: [edge('e0', 'users', 'a')] }, undefined, ['users', 'a']);
    expect([...rates.keys()]).toEqual(['a', 'users']);
    expect(peaks(rates)).toEqual({ a: 40, users: 40 });
  });
});
