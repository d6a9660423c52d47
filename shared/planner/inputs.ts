import { LIMITS } from '../model/blocks';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/schema';

/** One numeric field an input moves: where it is, its bounds, and whether it is a whole number. */
interface Field {
  /** 'nodes' or 'edges', the item's index, its block ('' for a field of the edge itself) and the field. */
  section: 'nodes' | 'edges';
  index: number;
  block: string;
  key: string;
  min: number;
  max: number;
  integer: boolean;
}

/** A numeric input of a design that sensitivity varies: one or more fields scaled by the same factor. */
export interface DesignInput {
  /** Stable id: the path of its first field, e.g. "nodes[3].latency". */
  id: string;
  /** What a person calls it: "Ranker: latency", "Users: DAU", "API -> Ranker: calls". */
  label: string;
  /** Its value in the design (the first field's). */
  base: number;
  fields: Field[];
}

function value(diagram: Diagram, f: Field): number {
  const item = diagram[f.section][f.index] as unknown as Record<string, Record<string, unknown>>;
  const holder = f.block === '' ? item : item[f.block];
  // An edge without `calls` makes one call.
  return (holder?.[f.key] as number | undefined) ?? 1;
}

/** The value an input has in a design (its first field's, after any clamping). */
export function inputValue(diagram: Diagram, input: DesignInput): number {
  return value(diagram, input.fields[0]!);
}

/** The design with every field of `input` scaled by `factor`, clamped to its bounds (whole numbers rounded). */
export function scaleInput(diagram: Diagram, input: DesignInput, factor: number): Diagram {
  const nodes = [...diagram.nodes];
  const edges = [...diagram.edges];
  for (const f of input.fields) {
    let scaled = Math.min(f.max, Math.max(f.min, value(diagram, f) * factor));
    if (f.integer) scaled = Math.min(f.max, Math.max(f.min, Math.round(scaled)));
    const list = (f.section === 'nodes' ? nodes : edges) as unknown as Record<string, unknown>[];
    const item = { ...list[f.index]! };
    if (f.block === '') item[f.key] = scaled;
    else item[f.block] = { ...(item[f.block] as object), [f.key]: scaled };
    list[f.index] = item;
  }
  return { ...diagram, nodes: nodes as DiagramNode[], edges: edges as DiagramEdge[] };
}

const field = (section: Field['section'], index: number, block: string, key: string, min: number, max: number, integer = false): Field =>
  ({ section, index, block, key, min, max, integer });

function nodeInputs(node: DiagramNode, index: number): DesignInput[] {
  const inputs: DesignInput[] = [];
  const add = (name: string, fields: Field[]) => {
    const first = fields[0]!;
    const base = (node as unknown as Record<string, Record<string, number>>)[first.block]![first.key]!;
    inputs.push({ id: `nodes[${index}].${first.block}.${first.key}`, label: `${node.label}: ${name}`, base, fields });
  };
  const f = (block: string, key: string, min: number, max: number, integer = false) => field('nodes', index, block, key, min, max, integer);
  const { traffic, latency, capacity, cache, storage } = node;
  if (traffic?.qps !== undefined) add('QPS', [f('traffic', 'qps', 0, LIMITS.qps)]);
  if (traffic?.dau !== undefined) add('DAU', [f('traffic', 'dau', 0, LIMITS.dau)]);
  if (traffic?.requestsPerUserPerDay !== undefined) add('requests per user per day', [f('traffic', 'requestsPerUserPerDay', 0, LIMITS.requestsPerUserPerDay)]);
  if (traffic?.peakToAverage !== undefined) add('peak to average', [f('traffic', 'peakToAverage', 1, LIMITS.peakToAverage)]);
  if (latency) add('latency', [f('latency', 'p50Ms', LIMITS.minLatencyMs, LIMITS.maxLatencyMs), f('latency', 'p99Ms', LIMITS.minLatencyMs, LIMITS.maxLatencyMs)]);
  if (cache) add('hit rate', [f('cache', 'hitRate', 0, 1)]);
  if (capacity && latency) {
    const floor = Math.max(1, capacity.minReplicas ?? 1, typeof capacity.replicas === 'number' ? capacity.replicas : 1);
    if (capacity.maxReplicas !== undefined) add('replica limit', [f('capacity', 'maxReplicas', floor, LIMITS.servers, true)]);
    if (typeof capacity.replicas === 'number') add('replicas', [f('capacity', 'replicas', 1, capacity.maxReplicas ?? LIMITS.servers, true)]);
    if (capacity.concurrency !== undefined) add('concurrency', [f('capacity', 'concurrency', 1, LIMITS.servers, true)]);
    if (capacity.targetUtilization !== undefined) add('target utilization', [f('capacity', 'targetUtilization', 0.01, 1)]);
    if (capacity.qpsPerShard !== undefined) add('QPS per shard', [f('capacity', 'qpsPerShard', 1e-9, LIMITS.qps)]);
    if (capacity.shards !== undefined) add('shards', [f('capacity', 'shards', 1, LIMITS.servers, true)]);
  }
  if (storage?.items !== undefined) add('items stored', [f('storage', 'items', 0, LIMITS.items)]);
  if (storage?.bytesPerItem !== undefined) add('bytes per item', [f('storage', 'bytesPerItem', 0, LIMITS.bytesPerItem)]);
  if (storage?.bytes !== undefined) add('bytes stored', [f('storage', 'bytes', 0, LIMITS.bytes)]);
  return inputs;
}

/**
 * Every numeric input of a design that moves a figure: entry load (QPS, DAU,
 * habits, peak ratio), each node's latency (p50 and p99 together), hit rates,
 * replica limits and counts, concurrency, target utilization, shards, stored
 * items and sizes, and each edge's calls and payload size.
 */
export function designInputs(diagram: Diagram): DesignInput[] {
  const labels = new Map(diagram.nodes.map((n) => [n.id, n.label]));
  const inputs = diagram.nodes.flatMap(nodeInputs);
  diagram.edges.forEach((edge, index) => {
    if (edge.mode === 'offline') return;
    const name = `${labels.get(edge.source) ?? edge.source} -> ${labels.get(edge.target) ?? edge.target}`;
    const calls = edge.calls ?? 1;
    inputs.push({ id: `edges[${index}].calls`, label: `${name}: calls`, base: calls, fields: [field('edges', index, '', 'calls', 1e-6, LIMITS.calls)] });
    if (edge.payloadBytes !== undefined) {
      inputs.push({ id: `edges[${index}].payloadBytes`, label: `${name}: payload size`, base: edge.payloadBytes, fields: [field('edges', index, '', 'payloadBytes', 0, LIMITS.bytesPerItem)] });
    }
  });
  return inputs;
}
