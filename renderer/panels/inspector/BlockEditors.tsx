import { DEFAULT_CATALOG } from '../../../shared/catalog';
import { WRITES_PER_SHARD_PER_S } from '../../../shared/estimator/ceilings';
import { CAPACITY_DEFAULTS } from '../../../shared/estimator/queueing';
import { SHARD_BOUNDED_KINDS } from '../../../shared/model/structure';
import { LIMITS, type BlockName } from '../../../shared/model/blocks';
import type { DiagramNode } from '../../../shared/model/schema';
import { NumberField, SelectField } from './fields';
import { BatchingEditor } from './ServingEditors';
import { ProfileEditor } from './DayEditors';

/** Applies a change to the node being inspected, as one undo step per field burst. */
export type NodeEdit = (field: string, recipe: (node: DiagramNode) => void) => void;

function setOrDelete<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

export function TrafficEditor({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  const t = node.traffic!;
  const byUsers = t.qps === undefined;
  return (
    <>
      <SelectField
        label="Load given as"
        value={byUsers ? 'users' : 'qps'}
        options={[{ value: 'users', label: 'Daily users' }, { value: 'qps', label: 'Peak QPS' }]}
        onChange={(v) =>
          edit('traffic.mode', (n) => {
            const ratio = n.traffic?.peakToAverage;
            n.traffic = v === 'qps' ? { qps: 1000, ...(ratio ? { peakToAverage: ratio } : {}) } : { dau: 1_000_000, requestsPerUserPerDay: 10, ...(ratio ? { peakToAverage: ratio } : {}) };
          })
        }
      />
      {byUsers ? (
        <>
          <NumberField label="Daily active users" unit="users" value={t.dau} rule={{ min: 0 }} onCommit={(v) => edit('traffic.dau', (n) => void (n.traffic!.dau = v!))} />
          <NumberField label="Requests per user per day" unit="/day" value={t.requestsPerUserPerDay} rule={{ min: 0 }} onCommit={(v) => edit('traffic.rpd', (n) => void (n.traffic!.requestsPerUserPerDay = v!))} />
        </>
      ) : (
        <NumberField label="Peak rate" unit="QPS" value={t.qps} rule={{ min: 0 }} onCommit={(v) => edit('traffic.qps', (n) => void (n.traffic!.qps = v!))} />
      )}
      <NumberField label="Peak to average" unit="x" value={t.peakToAverage} optional placeholder="1" rule={{ min: 1 }} onCommit={(v) => edit('traffic.ratio', (n) => setOrDelete(n.traffic!, 'peakToAverage', v))} />
      <ProfileEditor node={node} edit={edit} />
    </>
  );
}

export function LatencyEditor({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  const l = node.latency!;
  return (
    <>
      <NumberField label="p50" unit="ms" value={l.p50Ms} rule={{ min: 0, aboveMin: true, check: (v) => (v > l.p99Ms ? `must be <= p99 (${l.p99Ms})` : null) }} onCommit={(v) => edit('latency.p50', (n) => void (n.latency!.p50Ms = v!))} />
      <NumberField label="p99" unit="ms" value={l.p99Ms} rule={{ min: 0, aboveMin: true, check: (v) => (v < l.p50Ms ? `must be >= p50 (${l.p50Ms})` : null) }} onCommit={(v) => edit('latency.p99', (n) => void (n.latency!.p99Ms = v!))} />
    </>
  );
}

export function CapacityEditor({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  const c = node.capacity!;
  const auto = c.replicas === undefined || c.replicas === 'auto';
  return (
    <>
      <label className="checkbox">
        <input type="checkbox" checked={auto} onChange={(e) => edit('capacity.auto', (n) => void (n.capacity!.replicas = e.currentTarget.checked ? 'auto' : 2))} />
        Size replicas automatically
      </label>
      {!auto && <NumberField label="Replicas" value={c.replicas as number} rule={{ min: 1, integer: true }} onCommit={(v) => edit('capacity.replicas', (n) => void (n.capacity!.replicas = v!))} />}
      <NumberField label="Concurrency per replica" unit="in flight" value={c.concurrency} optional placeholder={String(CAPACITY_DEFAULTS.concurrency)} rule={{ min: 1, integer: true }} onCommit={(v) => edit('capacity.concurrency', (n) => setOrDelete(n.capacity!, 'concurrency', v))} />
      {auto && (
        <>
          <NumberField label="Target utilization" value={c.targetUtilization} optional placeholder={String(CAPACITY_DEFAULTS.targetUtilization)} rule={{ min: 0, aboveMin: true, max: 1 }} onCommit={(v) => edit('capacity.target', (n) => setOrDelete(n.capacity!, 'targetUtilization', v))} />
          <NumberField label="Minimum replicas" value={c.minReplicas} optional placeholder={String(CAPACITY_DEFAULTS.minReplicas)} rule={{ min: 0, integer: true }} onCommit={(v) => edit('capacity.min', (n) => setOrDelete(n.capacity!, 'minReplicas', v))} />
          <NumberField label="Maximum replicas" value={c.maxReplicas} optional placeholder="no limit" rule={{ min: 1, integer: true }} onCommit={(v) => edit('capacity.max', (n) => setOrDelete(n.capacity!, 'maxReplicas', v))} />
          <NumberField label="Scale-up delay" unit="s" value={c.scaleUpDelayS} optional placeholder="0" rule={{ min: 0, max: 86_400 }} onCommit={(v) => edit('capacity.delay', (n) => setOrDelete(n.capacity!, 'scaleUpDelayS', v))} />
        </>
      )}
      {SHARD_BOUNDED_KINDS.includes(node.kind) && (
        <>
          <NumberField label="Shards" value={c.shards} optional placeholder="1" rule={{ min: 1, max: LIMITS.servers, integer: true }} onCommit={(v) => edit('capacity.shards', (n) => setOrDelete(n.capacity!, 'shards', v))} />
          <NumberField label="Requests per shard" unit="QPS" value={c.qpsPerShard} optional placeholder="no limit" rule={{ min: 0, aboveMin: true, max: LIMITS.qps }} onCommit={(v) => edit('capacity.qpsPerShard', (n) => setOrDelete(n.capacity!, 'qpsPerShard', v))} />
        </>
      )}
      {node.kind === 'database' && (
        <NumberField label="Writes per shard" unit="writes/s" value={c.writeQpsPerShard} optional placeholder={String(WRITES_PER_SHARD_PER_S)} rule={{ min: 0, aboveMin: true, max: LIMITS.qps }} onCommit={(v) => edit('capacity.writeQpsPerShard', (n) => setOrDelete(n.capacity!, 'writeQpsPerShard', v))} />
      )}
    </>
  );
}

export function CacheEditor({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  return <NumberField label="Hit rate" unit="0-1" value={node.cache!.hitRate} rule={{ min: 0, max: 1 }} onCommit={(v) => edit('cache.hitRate', (n) => void (n.cache!.hitRate = v!))} />;
}

export function StorageEditor({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  const s = node.storage!;
  const byBytes = s.bytes !== undefined;
  const traffic = s.growthItemsPerDay === 'traffic';
  return (
    <>
      <SelectField
        label="Size given as"
        value={byBytes ? 'bytes' : 'items'}
        options={[{ value: 'items', label: 'Items and growth' }, { value: 'bytes', label: 'Total bytes' }]}
        onChange={(v) => edit('storage.mode', (n) => void (n.storage = v === 'bytes' ? { bytes: 1e9 } : { items: 1_000_000, bytesPerItem: 1_000 }))}
      />
      {byBytes ? (
        <NumberField label="Bytes" unit="B" value={s.bytes} rule={{ min: 0 }} onCommit={(v) => edit('storage.bytes', (n) => void (n.storage!.bytes = v!))} />
      ) : (
        <>
          <NumberField label="Items" value={s.items} optional placeholder="0" rule={{ min: 0 }} onCommit={(v) => edit('storage.items', (n) => setOrDelete(n.storage!, 'items', v))} />
          <NumberField label="Bytes per item" unit="B" value={s.bytesPerItem} rule={{ min: 0 }} onCommit={(v) => edit('storage.bytesPerItem', (n) => void (n.storage!.bytesPerItem = v!))} />
          <label className="checkbox">
            <input type="checkbox" checked={traffic} onChange={(e) => edit('storage.traffic', (n) => setOrDelete(n.storage!, 'growthItemsPerDay', e.currentTarget.checked ? 'traffic' : undefined))} />
            One item per request received
          </label>
          {!traffic && <NumberField label="Growth" unit="items/day" value={s.growthItemsPerDay as number | undefined} optional placeholder="0" rule={{ min: 0 }} onCommit={(v) => edit('storage.growth', (n) => setOrDelete(n.storage!, 'growthItemsPerDay', v))} />}
          <NumberField label="Retention" unit="days" value={s.retentionDays} optional placeholder="0" rule={{ min: 0 }} onCommit={(v) => edit('storage.retention', (n) => setOrDelete(n.storage!, 'retentionDays', v))} />
          <NumberField label="Replication" unit="x" value={s.replication} optional placeholder="1" rule={{ min: 1 }} onCommit={(v) => edit('storage.replication', (n) => setOrDelete(n.storage!, 'replication', v))} />
          <NumberField label="Compression" unit="x" value={s.compression} optional placeholder="1" rule={{ min: 0, aboveMin: true }} onCommit={(v) => edit('storage.compression', (n) => setOrDelete(n.storage!, 'compression', v))} />
        </>
      )}
    </>
  );
}

const NONE = '';

export function CostEditor({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  const c = node.cost!;
  const instances = [{ value: NONE, label: 'None' }, ...Object.entries(DEFAULT_CATALOG.instances).map(([id, i]) => ({ value: id, label: `${id}: ${i.label}, $${i.hourlyUsd}/h` }))];
  const classes = [{ value: NONE, label: 'None' }, ...Object.entries(DEFAULT_CATALOG.storageClasses).map(([id, s]) => ({ value: id, label: `${s.label}, $${s.gbMonthUsd}/GB-mo` }))];
  return (
    <>
      <SelectField label="Instance type" value={c.instance ?? NONE} options={instances} onChange={(v) => edit('cost.instance', (n) => setOrDelete(n.cost!, 'instance', v || undefined))} />
      <NumberField label="Hourly price override" unit="$/h" value={c.hourlyUsd} optional rule={{ min: 0 }} onCommit={(v) => edit('cost.hourly', (n) => setOrDelete(n.cost!, 'hourlyUsd', v))} />
      <SelectField label="Storage class" value={c.storageClass ?? NONE} options={classes} onChange={(v) => edit('cost.class', (n) => setOrDelete(n.cost!, 'storageClass', v || undefined))} />
      <NumberField label="Storage price override" unit="$/GB-mo" value={c.gbMonthUsd} optional rule={{ min: 0 }} onCommit={(v) => edit('cost.gb', (n) => setOrDelete(n.cost!, 'gbMonthUsd', v))} />
    </>
  );
}

/** The editor of each block, by block name. */
export const BLOCK_EDITORS: Record<BlockName, (props: { node: DiagramNode; edit: NodeEdit }) => React.JSX.Element> = {
  traffic: TrafficEditor,
  latency: LatencyEditor,
  capacity: CapacityEditor,
  cache: CacheEditor,
  storage: StorageEditor,
  cost: CostEditor,
  batching: BatchingEditor,
};

export const BLOCK_TITLES: Record<BlockName, string> = {
  traffic: 'Traffic',
  latency: 'Latency (own service time)',
  capacity: 'Capacity',
  cache: 'Cache',
  storage: 'Storage',
  cost: 'Cost',
  batching: 'Batching (GPU serving)',
};
