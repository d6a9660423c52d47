import { describe, expect, it } from 'vitest';
import { reachDiagnostics } from '../../shared/estimator/diagnostics';
import { estimate } from '../../shared/estimator/estimate';
import type { Diagram } from '../../shared/model/schema';
import { call, diagramOf, svc, users } from './build';

const codes = (d: Diagram) => estimate(d).diagnostics.map((x) => `${x.severity}:${x.code}:${x.node ?? x.edge ?? ''}`);

describe('diagnostics', () => {
  it('a saturated node is an error, and it and its callers are unbounded (null), not numbers', () => {
    const d = diagramOf(
      [users(500), svc('api', 2, 8), svc('slow', 10, 40, { capacity: { replicas: 2 } }), svc('side', 1, 2)],
      [call('users', 'api'), call('api', 'slow'), call('users', 'side', { mode: 'async' })],
    );
    const result = estimate(d);
    expect(codes(d)).toEqual(['error:saturated:slow']);
    expect(result.diagnostics[0]!.message).toMatch(/"SLOW" is saturated: 500 QPS at peak needs 6\.\d busy servers but it has 2 replicas/);
    const byId = new Map(result.nodes.map((n) => [n.id, n]));
    expect(byId.get('slow')!.latencyMs).toBeNull();
    expect(byId.get('api')!.latencyMs).toBeNull();
    expect(byId.get('side')!.latencyMs).not.toBeNull();
    expect(result.entries[0]!.latencyMs).toBeNull();
    expect(byId.get('slow')!.utilization).toBeGreaterThan(1);
  });

  it('utilization above 0.8 is a warning that names the node', () => {
    const d = diagramOf([users(170), svc('s', 10, 10, { capacity: { replicas: 2 } })], [call('users', 's')]);
    expect(codes(d)).toEqual(['warning:high-utilization:s']);
    expect(estimate(d).diagnostics[0]!.message).toContain('85% utilization');
  });

  it('p99 and cost over budget are errors, with the budgets reported', () => {
    const d = diagramOf(
      [users(100), svc('s', 50, 200, { capacity: { replicas: 10 }, cost: { hourlyUsd: 10 } })],
      [call('users', 's')],
      { budgets: { p99Ms: 100, monthlyCostUsd: 5_000 } },
    );
    const result = estimate(d);
    expect(codes(d)).toEqual(['error:p99-over-budget:users', 'error:cost-over-budget:']);
    expect(result.budgets.p99Ms).toMatchObject({ limit: 100, ok: false });
    expect(result.budgets.p99Ms!.actual).toBeCloseTo(200, -1);
    expect(result.budgets.monthlyCostUsd).toEqual({ limit: 5_000, actual: 73_000, ok: false });
    expect(result.diagnostics[1]!.message).toContain('$73k/mo, over the $5k/mo budget');
  });

  it('an unbounded entry fails the p99 budget with a null actual', () => {
    const d = diagramOf([users(1_000), svc('s', 10, 10, { capacity: { replicas: 1 } })], [call('users', 's')], { budgets: { p99Ms: 100 } });
    expect(estimate(d).budgets.p99Ms).toEqual({ limit: 100, actual: null, ok: false });
  });

  it('flags nodes no traffic entry reaches, following every edge mode', () => {
    const d = diagramOf(
      [users(10), svc('a', 1, 2), svc('lake', 1, 2), svc('orphan', 1, 2)],
      [call('users', 'a'), call('a', 'lake', { mode: 'offline' })],
    );
    expect(codes(d)).toEqual(['warning:unreachable:orphan']);
  });

  it('counts every entry as reached, one that no edge names too, and follows edges only their way', () => {
    const d = diagramOf(
      [users(10), users(5, 'idle'), svc('a', 1, 2), svc('b', 1, 2), svc('orphan', 1, 2)],
      [call('users', 'a'), call('a', 'b', { mode: 'async' }), call('orphan', 'a')],
    );
    expect(codes(d).filter((c) => c.includes('unreachable'))).toEqual(['warning:unreachable:orphan']);
  });

  it('outside an estimate too, where an id repeats: every node of an entry\'s id counts as the entry, every node of an unreached id is named', () => {
    const d = diagramOf([users(10), svc('a', 1, 2), svc('orphan', 1, 2), svc('lost', 1, 2)], [call('users', 'a')]);
    const repeated = { ...d, nodes: [...d.nodes, { ...d.nodes[0]!, kind: 'service' as const, label: 'not traffic' }, { ...d.nodes[2]!, label: 'Orphan again' }] };
    expect(reachDiagnostics(repeated).map((x) => `${x.code}:${x.node}:${x.message.split('"')[1]}`)).toEqual([
      'unreachable:orphan:ORPHAN',
      'unreachable:lost:LOST',
      'unreachable:orphan:Orphan again',
    ]);
  });

  it('warns when there is no traffic at all', () => {
    expect(codes(diagramOf([svc('a', 1, 2)]))).toEqual(['warning:no-traffic:']);
  });

  it('reports structural errors of an in-memory diagram as diagnostics, and estimates nothing', () => {
    const d = diagramOf([users(10), svc('a', 1, 2), svc('b', 1, 2)], [call('users', 'a'), call('a', 'b')]);
    d.edges.push({ id: 'back', source: 'b', target: 'a', mode: 'async' });
    d.edges.push({ id: 'lost', source: 'a', target: 'gone' });
    const result = estimate(d);
    expect(result.nodes).toEqual([]);
    expect(result.diagnostics.map((x) => `${x.code}:${x.edge}`)).toEqual(['dangling-edge:lost', 'cycle:back']);
    expect(result.diagnostics[1]!.message).toContain('a -> b -> a');
  });
});
