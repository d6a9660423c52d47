import { instancePrice, storageClassPrice, type Catalog } from '../catalog';
import { findKind } from '../kinds';
import { article, didYouMean } from './didYouMean';
import { safeParseFast } from './fastParse';
import { findLoadCycles } from './graph';
import type { Problem } from './problems';
import type { Diagram, DiagramNode } from './schema';
import type { BlockName } from './blocks';
import type { KindDefinition } from '../kinds';
import { Memo } from '../memo';
import { checkBatching } from './servingChecks';
import { problemsFromIssues } from './zodProblems';

/**
 * Each id's first position among `items`, saying which ids repeat; `last`
 * receives the last position of each repeated id.
 */
function indexIds(items: readonly { id: string }[], section: string, problems: Problem[], last?: Map<string, number>): Map<string, number> {
  const first = new Map<string, number>();
  // Plain loops here and below: a design may have 100,000 nodes, and these run before anything is compiled for speed.
  // Most files repeat no id: one look-up an id then tells it, as the map holds as many ids as there are items.
  for (let index = 0; index < items.length; index++) first.set(items[index]!.id, index);
  if (first.size === items.length) return first;
  first.clear();
  for (let index = 0; index < items.length; index++) {
    const id = items[index]!.id;
    const earlier = first.get(id);
    if (earlier === undefined) first.set(id, index);
    else {
      problems.push({ path: `${section}[${index}].id`, code: 'duplicate-id', message: `duplicate id "${id}" (also ${section}[${earlier}])` });
      last?.set(id, index);
    }
  }
  return first;
}

const BLOCKS = ['traffic', 'latency', 'capacity', 'cache', 'storage', 'cost', 'batching'] as const;

/** The blocks each kind takes none of, in BLOCKS order: a node is looked at only for those. */
const refusedBlocks = new Memo<KindDefinition, readonly BlockName[]>(64);

function blocksRefused(kind: KindDefinition): readonly BlockName[] {
  let refused = refusedBlocks.get(kind);
  if (refused === undefined) refusedBlocks.set(kind, (refused = BLOCKS.filter((block) => !kind.blocks.includes(block))));
  return refused;
}

/** A node's path in problems, written only when there is a problem to place. */
const nodeAt = (index: number) => `nodes[${index}]`;

function checkNodeBlocks(node: DiagramNode, index: number, catalog: Catalog, problems: Problem[]): void {
  const kind = findKind(node.kind);
  if (!kind) return;
  for (const block of blocksRefused(kind)) {
    if (node[block] !== undefined) {
      problems.push({ path: `${nodeAt(index)}.${block}`, code: 'block-not-allowed', message: `${article(kind.label)} ${kind.label} node takes no ${block} block` });
    }
  }
  if (kind.id === 'traffic' && node.traffic === undefined) {
    problems.push({ path: `${nodeAt(index)}.traffic`, code: 'traffic-missing', message: 'is required on a traffic node (qps, or dau with requestsPerUserPerDay)' });
  }
  const { traffic, latency, storage, cost } = node;
  if (traffic) {
    const byRate = traffic.qps !== undefined;
    const byUsers = traffic.dau !== undefined || traffic.requestsPerUserPerDay !== undefined;
    if (byRate === byUsers) {
      problems.push({ path: `${nodeAt(index)}.traffic`, code: 'traffic-shape', message: 'give either qps, or dau with requestsPerUserPerDay' });
    } else if (byUsers && (traffic.dau === undefined || traffic.requestsPerUserPerDay === undefined)) {
      const missing = traffic.dau === undefined ? 'dau' : 'requestsPerUserPerDay';
      problems.push({ path: `${nodeAt(index)}.traffic.${missing}`, code: 'traffic-shape', message: 'is required with ' + (missing === 'dau' ? 'requestsPerUserPerDay' : 'dau') });
    }
  }
  if (node.capacity) checkCapacity(node.capacity, node.kind, index, problems);
  if (latency && latency.p99Ms < latency.p50Ms) {
    problems.push({ path: `${nodeAt(index)}.latency.p99Ms`, code: 'latency-order', message: `must be >= p50Ms (${latency.p50Ms})` });
  }
  if (storage) {
    if (storage.bytes !== undefined) {
      for (const field of ['items', 'bytesPerItem', 'growthItemsPerDay', 'retentionDays', 'replication', 'compression'] as const) {
        if (storage[field] !== undefined) problems.push({ path: `${nodeAt(index)}.storage.${field}`, code: 'storage-shape', message: 'is not used with bytes: give bytes, or item counts' });
      }
    } else if (storage.bytesPerItem === undefined) {
      problems.push({ path: `${nodeAt(index)}.storage`, code: 'storage-shape', message: 'give either bytes, or bytesPerItem with items and/or growthItemsPerDay' });
    }
  }
  if (cost?.instance !== undefined && !instancePrice(catalog, cost.instance)) {
    problems.push({
      path: `${nodeAt(index)}.cost.instance`,
      code: 'unknown-price', message: `no instance type "${cost.instance}" in the price catalog${didYouMean(cost.instance, Object.keys(catalog.instances))}`,
    });
  }
  if (cost?.storageClass !== undefined && !storageClassPrice(catalog, cost.storageClass)) {
    problems.push({
      path: `${nodeAt(index)}.cost.storageClass`,
      code: 'unknown-price', message: `no storage class "${cost.storageClass}" in the price catalog${didYouMean(cost.storageClass, Object.keys(catalog.storageClasses))}`,
    });
  }
  if (node.batching !== undefined) checkBatching(node, nodeAt(index), catalog, problems);
  if (node.params !== undefined) {
    if (!kind.params) {
      problems.push({ path: `${nodeAt(index)}.params`, code: 'params-not-allowed', message: `${article(kind.label)} ${kind.label} node takes no params` });
    } else {
      const result = safeParseFast(kind.params.schema, node.params);
      if (!result.success) problems.push(...problemsFromIssues(kind.params.schema, result.error.issues, node.params, ['nodes', index, 'params']));
    }
  }
}

/** Kinds whose throughput is bounded by their shards: each shard serves at most `qpsPerShard`. */
export const SHARD_BOUNDED_KINDS: readonly string[] = ['database', 'cache', 'featureStore', 'vectorIndex', 'searchIndex', 'queue'];

function checkCapacity(capacity: NonNullable<DiagramNode['capacity']>, kindId: string, index: number, problems: Problem[]): void {
  const { minReplicas = 1, maxReplicas, replicas } = capacity;
  if (maxReplicas !== undefined && maxReplicas < minReplicas) {
    problems.push({ path: `${nodeAt(index)}.capacity.maxReplicas`, code: 'capacity-range', message: `must be >= minReplicas (${minReplicas})` });
  }
  if (maxReplicas !== undefined && typeof replicas === 'number' && replicas > maxReplicas) {
    problems.push({ path: `${nodeAt(index)}.capacity.replicas`, code: 'capacity-range', message: `must be <= maxReplicas (${maxReplicas})` });
  }
  if ((capacity.shards !== undefined || capacity.qpsPerShard !== undefined) && !SHARD_BOUNDED_KINDS.includes(kindId)) {
    const field = capacity.shards !== undefined ? 'shards' : 'qpsPerShard';
    problems.push({ path: `${nodeAt(index)}.capacity.${field}`, code: 'capacity-range', message: `applies only to shard-bounded kinds (${SHARD_BOUNDED_KINDS.join(', ')})` });
  }
  if (capacity.writeQpsPerShard !== undefined && kindId !== 'database') {
    problems.push({ path: `${nodeAt(index)}.capacity.writeQpsPerShard`, code: 'capacity-range', message: 'applies only to a database' });
  }
}

/**
 * The problems a schema cannot see: duplicate ids, references to missing
 * nodes and groups, blocks the kind does not take, p99 below p50, unknown
 * catalog names, invalid kind params, edges into traffic, load cycles.
 */
export function checkStructure(diagram: Diagram, catalog: Catalog, keepIndex = false): Problem[] {
  if (vouched && vouched.diagram === diagram && vouched.catalog === catalog) return [];
  const problems: Problem[] = [];
  const { nodes, edges, groups = [], annotations = [] } = diagram;
  const lastNode = new Map<string, number>();
  const nodeIndex = indexIds(nodes, 'nodes', problems, lastNode);
  const edgeIndex = indexIds(edges, 'edges', problems);
  const groupIndex = indexIds(groups, 'groups', problems);
  indexIds(annotations, 'annotations', problems);
  annotations.forEach((a, index) => {
    if (nodeIndex.has(a.id) || edgeIndex.has(a.id) || groupIndex.has(a.id)) {
      problems.push({ path: `annotations[${index}].id`, code: 'duplicate-id', message: `id "${a.id}" is already used by a node, edge or group` });
    }
  });

  // Which nodes are traffic nodes, read here in the nodes' order rather than at each edge's end.
  const isTraffic = new Uint8Array(nodes.length);
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!;
    if (node.kind === 'traffic') isTraffic[index] = 1;
    if (node.group !== undefined && !groupIndex.has(node.group)) {
      problems.push({ path: `nodes[${index}].group`, code: 'unknown-group', message: `no group "${node.group}"${didYouMean(node.group, groups.map((g) => g.id))}` });
    }
    checkNodeBlocks(node, index, catalog, problems);
  }

  const nodeIds = () => [...nodeIndex.keys()];
  const ends = { source: new Int32Array(edges.length), target: new Int32Array(edges.length) };
  for (let index = 0; index < edges.length; index++) {
    const edge = edges[index]!;
    const source = nodeIndex.get(edge.source) ?? -1;
    const target = nodeIndex.get(edge.target) ?? -1;
    ends.source[index] = source;
    ends.target[index] = target;
    if (source < 0) problems.push({ path: `edges[${index}].source`, code: 'dangling-edge', message: `no node "${edge.source}"${didYouMean(edge.source, nodeIds())}` });
    if (target < 0) problems.push({ path: `edges[${index}].target`, code: 'dangling-edge', message: `no node "${edge.target}"${didYouMean(edge.target, nodeIds())}` });
    if (edge.fallback !== undefined && (!nodeIndex.has(edge.fallback) || edge.fallback === edge.target || edge.fallback === edge.source)) {
      const message = nodeIndex.has(edge.fallback) ? 'must name a node other than the edge\'s own ends' : `no node "${edge.fallback}"${didYouMean(edge.fallback, nodeIds())}`;
      problems.push({ path: `edges[${index}].fallback`, code: 'dangling-edge', message });
    }
    // A repeated id names its last node, as a lookup by id would.
    if (target >= 0 && isTraffic[lastNode.size > 0 ? (lastNode.get(edge.target) ?? target) : target] === 1) {
      problems.push({ path: `edges[${index}].target`, code: 'edge-into-traffic', message: `"${edge.target}" is a traffic node: load only leaves it, nothing may call it` });
    }
  }

  for (const cycle of findLoadCycles(diagram, { firstIndex: nodeIndex, ends })) {
    problems.push({
      path: `edges[${cycle.closingEdge}]`,
      code: 'cycle', message: `sync and async edges form a cycle: ${cycle.nodes.join(' -> ')} (only offline edges may loop)`,
    });
  }
  if (keepIndex) kept = problems.length === 0 ? { diagram, catalog, index: { numbers: nodeIndex, ends } } : undefined;
  return problems;
}

/** Each id's node number and each edge's ends as node numbers, worked out while checking a sound diagram. */
export interface SoundIndex {
  numbers: ReadonlyMap<string, number>;
  ends: { source: Int32Array; target: Int32Array };
}

/** The index of the last diagram a reader checked with `keepIndex` and found sound (one at a time). */
let kept: { diagram: Diagram; catalog: Catalog; index: SoundIndex } | undefined;

/** A diagram and catalog whose structure was just checked and found sound (see withCheckedStructure). */
let vouched: { diagram: Diagram; catalog: Catalog; index?: SoundIndex } | undefined;

/**
 * The index worked out when the vouched diagram was read (checkStructure with
 * `keepIndex`), for its own lists of nodes (and edges): a sound diagram has no
 * repeated or dangling ids, so it is the index the estimator would build.
 */
export function vouchedIndex(nodes: readonly DiagramNode[], edges?: Diagram['edges']): SoundIndex | undefined {
  const index = vouched?.index;
  if (!index || vouched!.diagram.nodes !== nodes || (edges !== undefined && vouched!.diagram.edges !== edges)) return undefined;
  return index;
}

/**
 * Runs `work` while checkStructure answers at once, with no problems, for this
 * diagram and catalog: for a caller that has just read the diagram with
 * loadDiagram (which checks its structure) and hands it unchanged to code
 * that checks it again, such as the estimator. The ids' index that reading
 * built is lent to that code too (vouchedIndex).
 */
export function withCheckedStructure<T>(diagram: Diagram, catalog: Catalog, work: () => T): T {
  const outer = vouched;
  vouched = { diagram, catalog, index: kept?.diagram === diagram && kept.catalog === catalog ? kept.index : undefined };
  try {
    return work();
  } finally {
    vouched = outer;
  }
}
