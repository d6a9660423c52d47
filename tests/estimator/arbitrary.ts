import fc from 'fast-check';
import type { Diagram, DiagramEdge, DiagramNode } from '../../shared/model/schema';

const KINDS = ['service', 'cache', 'database', 'model', 'featureStore', 'vectorIndex'] as const;

const latency = fc
  .tuple(fc.double({ min: 0.1, max: 50, noNaN: true }), fc.double({ min: 1, max: 8, noNaN: true }))
  .map(([p50Ms, spread]) => ({ p50Ms, p99Ms: p50Ms * spread }));

const serverNode = (id: string) =>
  fc.record(
    {
      kind: fc.constantFrom(...KINDS),
      latency,
      capacity: fc.record({ replicas: fc.oneof(fc.constant('auto' as const), fc.integer({ min: 1, max: 40 })), concurrency: fc.integer({ min: 1, max: 16 }) }),
      cache: fc.record({ hitRate: fc.double({ min: 0, max: 1, noNaN: true }) }),
      storage: fc.record({ bytesPerItem: fc.integer({ min: 1, max: 10_000 }), growthItemsPerDay: fc.constant('traffic' as const), retentionDays: fc.integer({ min: 0, max: 365 }) }),
      cost: fc.record({ instance: fc.constantFrom('m7i.xlarge', 'r7i.2xlarge', 'g6.xlarge'), storageClass: fc.constantFrom('ssd', 'ram') }),
    },
    { requiredKeys: ['kind'] },
  ).map((blocks): DiagramNode => ({ id, label: id.toUpperCase(), ...blocks }));

/**
 * Random valid diagrams: one or two traffic entries and 1..7 other nodes whose
 * edges only point forward in the list, so sync and async edges never loop.
 */
export const diagrams: fc.Arbitrary<Diagram> = fc
  .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 7 }))
  .chain(([entryCount, count]) => {
    const entries = Array.from({ length: entryCount }, (_, i) =>
      fc.double({ min: 1, max: 5_000, noNaN: true }).map((qps): DiagramNode => ({ id: `t${i}`, kind: 'traffic', label: `T${i}`, traffic: { qps } })),
    );
    const servers = Array.from({ length: count }, (_, i) => serverNode(`n${i}`));
    const ids = [...Array.from({ length: entryCount }, (_, i) => `t${i}`), ...Array.from({ length: count }, (_, i) => `n${i}`)];
    const edge = fc
      .record({
        from: fc.nat({ max: ids.length - 2 }),
        span: fc.integer({ min: 1, max: ids.length - 1 }),
        mode: fc.constantFrom('sync', 'sync', 'async', 'offline'),
        calls: fc.oneof(fc.constant(1), fc.double({ min: 0.05, max: 6, noNaN: true })),
        fanout: fc.constantFrom('parallel', 'sequential'),
        stage: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      })
      .map((e) => ({ ...e, to: Math.max(e.from + e.span, entryCount) }))
      .filter((e) => e.to < ids.length);
    return fc.tuple(fc.tuple(...entries), fc.tuple(...servers), fc.array(edge, { maxLength: 12 })).map(([t, n, edges]) => ({
      format: 'mlsd-studio/diagram' as const,
      version: 1 as const,
      title: 'Random',
      nodes: [...t, ...n],
      edges: edges.map(
        (e, i): DiagramEdge => ({
          id: `e${i}`,
          source: ids[e.from]!,
          target: ids[e.to]!,
          mode: e.mode as DiagramEdge['mode'],
          calls: e.calls,
          fanout: e.fanout as DiagramEdge['fanout'],
          ...(e.stage === undefined ? {} : { stage: e.stage }),
        }),
      ),
    }));
  });
