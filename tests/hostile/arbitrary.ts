import fc from 'fast-check';
import { LIMITS } from '../../shared/model/blocks';
import type { Diagram, DiagramEdge, DiagramNode } from '../../shared/model/schema';

/** Numbers a hostile file may hold: zero, signs, the tiniest and largest doubles, the limits and just past them, and any double. */
export const extremeNumber = fc.oneof(
  fc.constantFrom(0, -0, -1, 5e-324, 1e-300, 1e-7, 0.5, 1e6 + 1, 1e9, 1e10, 86_400_001, 1e21, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Every numeric field of a node, by block. */
export const NUMERIC_FIELDS = {
  traffic: ['qps', 'dau', 'requestsPerUserPerDay', 'peakToAverage'],
  latency: ['p50Ms', 'p99Ms'],
  capacity: ['replicas', 'concurrency', 'targetUtilization', 'minReplicas'],
  cache: ['hitRate'],
  storage: ['bytes', 'items', 'bytesPerItem', 'growthItemsPerDay', 'retentionDays', 'replication', 'compression'],
  cost: ['hourlyUsd', 'gbMonthUsd'],
  position: ['x', 'y'],
} as const;

/** Names that are properties of every JavaScript object: a lookup by plain `obj[name]` finds something. */
export const PROTOTYPE_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

/** Either end of a range, or a value inside it. */
const pick = (low: number, high: number) => fc.oneof(fc.constantFrom(low, high), fc.double({ min: low, max: high, noNaN: true }));

const serverNode = (id: string) =>
  fc
    .record({
      kind: fc.constantFrom('service', 'cache', 'database', 'model', 'vectorIndex'),
      p50Ms: pick(LIMITS.minLatencyMs, LIMITS.maxLatencyMs),
      spread: pick(1, LIMITS.maxLatencyMs / LIMITS.minLatencyMs),
      replicas: fc.oneof(fc.constant('auto' as const), fc.constantFrom(1, LIMITS.servers)),
      concurrency: fc.constantFrom(1, 64, LIMITS.servers),
      targetUtilization: pick(1e-9, 1),
      hitRate: pick(0, 1),
      storage: fc.constantFrom(
        { bytes: LIMITS.bytes },
        { items: LIMITS.items, bytesPerItem: LIMITS.bytesPerItem, growthItemsPerDay: LIMITS.items, retentionDays: LIMITS.retentionDays, replication: LIMITS.replication, compression: 1 / LIMITS.compression },
        { bytesPerItem: LIMITS.bytesPerItem, growthItemsPerDay: 'traffic' as const, retentionDays: LIMITS.retentionDays },
      ),
      x: pick(-LIMITS.position, LIMITS.position),
      y: pick(-LIMITS.position, LIMITS.position),
    })
    .map(
      (n): DiagramNode => ({
        id,
        kind: n.kind,
        label: id,
        position: { x: n.x, y: n.y },
        latency: { p50Ms: n.p50Ms, p99Ms: Math.min(LIMITS.maxLatencyMs, n.p50Ms * n.spread) },
        capacity: { replicas: n.replicas, concurrency: n.concurrency, targetUtilization: n.targetUtilization },
        ...(n.kind === 'cache' ? { cache: { hitRate: n.hitRate } } : {}),
        ...(n.kind === 'database' ? { storage: n.storage } : {}),
        cost: { hourlyUsd: LIMITS.priceUsd, gbMonthUsd: LIMITS.priceUsd },
      }),
    );

/**
 * Valid diagrams whose every number sits at, or anywhere inside, the far ends
 * of its range: the most load, calls, servers, spread of latency and storage
 * the format allows, on a chain of nodes whose ids are prototype names.
 */
export const limitDiagrams: fc.Arbitrary<Diagram> = fc
  .record({
    byRate: fc.boolean(),
    servers: fc.integer({ min: 1, max: 5 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => serverNode(PROTOTYPE_NAMES[i]!)))),
    calls: fc.array(fc.oneof(fc.constantFrom(5e-324, 0.5, LIMITS.calls), pick(1, LIMITS.calls)), { minLength: 5, maxLength: 5 }),
    fanout: fc.array(fc.constantFrom('parallel' as const, 'sequential' as const), { minLength: 5, maxLength: 5 }),
  })
  .map(({ byRate, servers, calls, fanout }) => {
    const entry: DiagramNode = {
      id: 'users', kind: 'traffic', label: 'Users',
      traffic: byRate
        ? { qps: LIMITS.qps, peakToAverage: LIMITS.peakToAverage }
        : { dau: LIMITS.dau, requestsPerUserPerDay: LIMITS.requestsPerUserPerDay, peakToAverage: LIMITS.peakToAverage },
    };
    const chain = [entry, ...servers];
    const edges = chain.slice(1).map((node, i): DiagramEdge => ({ id: `e${i}`, source: chain[i]!.id, target: node.id, calls: calls[i]!, fanout: fanout[i]!, stage: LIMITS.stage }));
    return { format: 'mlsd-studio/diagram' as const, version: 1 as const, title: 'At the limits', budgets: { p99Ms: LIMITS.maxLatencyMs, monthlyCostUsd: LIMITS.monthlyCostUsd }, nodes: chain, edges };
  });

/** JSON text nested `depth` levels deep at a spot a diagram has (a node's params) or at the top. */
export const deepText = fc.record({ depth: fc.integer({ min: 65, max: 200_000 }), open: fc.constantFrom('[', '{"a":'), inParams: fc.boolean() }).map(({ depth, open, inParams }) => {
  const close = open === '[' ? ']' : '}';
  const value = open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
  return inParams
    ? `{"format":"mlsd-studio/diagram","version":1,"title":"t","nodes":[{"id":"a","kind":"model","label":"a","params":${value}}],"edges":[]}`
    : value;
});
