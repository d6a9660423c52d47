import { DEFAULT_CATALOG } from '../../../shared/catalog';
import type { CallEstimate } from '../../../shared/estimator/output';
import type { BatchingFigures } from '../../../shared/estimator/servingFigures';
import { gpuInstances } from '../../../shared/model/servingChecks';
import type { DiagramEdge, DiagramNode } from '../../../shared/model/schema';
import { formatLatencyMs, formatPercent, formatQps, significant } from '../../../shared/units';
import type { NodeEdit } from './BlockEditors';
import { FigureList, NumberField, SelectField } from './fields';

function setOrDelete<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** A new batching block: Triton's defaults for a small ranker on one L4. */
export const DEFAULT_BATCHING = { maxBatchSize: 64, maxQueueDelayMs: 2, fixedMs: 6, perItemMs: 0.1, gpu: 'g6.xlarge' };

/** Dynamic batching: largest batch, queue delay, preferred sizes, batch latency, GPUs. */
export function BatchingEditor({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  const b = node.batching!;
  const gpus = [{ value: '', label: 'None (priced by the cost block)' }, ...gpuInstances(DEFAULT_CATALOG).map((id) => ({ value: id, label: `${id}: ${DEFAULT_CATALOG.instances[id]!.label}` }))];
  const byTable = b.table !== undefined;
  return (
    <>
      <NumberField label="Max batch size" value={b.maxBatchSize} rule={{ min: 1, integer: true, check: (v) => (b.preferredBatchSizes?.some((p) => p > v) ? 'must be >= every preferred size' : null) }} onCommit={(v) => edit('batching.max', (n) => void (n.batching!.maxBatchSize = v!))} />
      <NumberField label="Max queue delay" unit="ms" value={b.maxQueueDelayMs} rule={{ min: 0 }} onCommit={(v) => edit('batching.delay', (n) => void (n.batching!.maxQueueDelayMs = v!))} />
      <PreferredSizes node={node} edit={edit} />
      {byTable ? (
        <p className="hint">Batch latency from a measured table of {b.table!.length} rows (edit it in the file).</p>
      ) : (
        <>
          <NumberField label="Batch latency, fixed" unit="ms" value={b.fixedMs} optional placeholder="0" rule={{ min: 0 }} onCommit={(v) => edit('batching.fixed', (n) => setOrDelete(n.batching!, 'fixedMs', v))} />
          <NumberField label="Batch latency, per item" unit="ms" value={b.perItemMs} optional placeholder="0" rule={{ min: 0 }} onCommit={(v) => edit('batching.perItem', (n) => setOrDelete(n.batching!, 'perItemMs', v))} />
        </>
      )}
      <SelectField label="GPU type" value={b.gpu ?? ''} options={gpus} onChange={(v) => edit('batching.gpu', (n) => { setOrDelete(n.batching!, 'gpu', v || undefined); if (!v) delete n.batching!.gpusPerReplica; })} />
      {b.gpu !== undefined && <NumberField label="GPUs per replica" value={b.gpusPerReplica} optional placeholder="1" rule={{ min: 1, max: 64, integer: true }} onCommit={(v) => edit('batching.gpus', (n) => setOrDelete(n.batching!, 'gpusPerReplica', v))} />}
    </>
  );
}

function PreferredSizes({ node, edit }: { node: DiagramNode; edit: NodeEdit }) {
  const b = node.batching!;
  const text = (b.preferredBatchSizes ?? []).join(', ');
  const parse = (value: string): number[] | null => {
    const parts = value.split(',').map((s) => s.trim()).filter(Boolean);
    const sizes = parts.map(Number);
    return sizes.every((s) => Number.isInteger(s) && s >= 1 && s <= b.maxBatchSize) && sizes.length <= 32 ? sizes : null;
  };
  return (
    <div className="field">
      <label htmlFor={`${node.id}-preferred`}>Preferred batch sizes</label>
      <input
        id={`${node.id}-preferred`}
        defaultValue={text}
        placeholder="none, e.g. 16, 32"
        onBlur={(e) => {
          const sizes = parse(e.currentTarget.value);
          if (sizes) edit('batching.preferred', (n) => setOrDelete(n.batching!, 'preferredBatchSizes', sizes.length ? sizes : undefined));
          else e.currentTarget.value = text;
        }}
      />
    </div>
  );
}

/** What batching does at the peak load, and the queue-delay what-if. */
export function BatchingFiguresView({ figures }: { figures: BatchingFigures }) {
  const usd = (v: number | null) => (v === null ? 'n/a' : `$${significant(v, 3)}`);
  return (
    <div className="serving-figures" aria-label="Batching figures">
      <p>
        Batches of {significant(figures.batchSize, 3)} take {formatLatencyMs(figures.batchMs)}; a request waits {formatLatencyMs(figures.waitMs)} on
        average. GPUs: {figures.gpus}, busy {formatPercent(figures.gpuUtilization)}, at {formatPercent(figures.throughputShare)} of their most throughput.
        {figures.costPer1kRequestsUsd !== null && ` ${usd(figures.costPer1kRequestsUsd)} per 1,000 requests.`}
      </p>
      <table className="what-if">
        <caption>Max queue delay: p99 and cost</caption>
        <thead><tr><th>delay</th><th>batch</th><th>replicas</th><th>p99</th><th>$/1k req</th></tr></thead>
        <tbody>
          {figures.queueDelayWhatIf.map((p) => (
            <tr key={p.maxQueueDelayMs}>
              <td>{formatLatencyMs(p.maxQueueDelayMs, true)}</td>
              <td>{significant(p.batchSize, 3)}</td>
              <td>{p.replicas}</td>
              <td>{p.p99Ms === null ? 'saturated' : formatLatencyMs(p.p99Ms)}</td>
              <td>{usd(p.costPer1kRequestsUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Applies a change to the edge being inspected. */
export type EdgeEdit = (field: string, recipe: (edge: DiagramEdge) => void) => void;

/** Retries and timeout, and the hedge, of a sync edge, with what they do to the call. */
export function CallPolicyEditor({ edge, edit, figures }: { edge: DiagramEdge; edit: EdgeEdit; figures?: CallEstimate }) {
  const r = edge.retry;
  const h = edge.hedge;
  return (
    <>
      <fieldset className="block">
        <legend>Retries and timeout</legend>
        {r ? (
          <>
            <NumberField label="Failure probability" unit="0-1" value={r.failureProbability} optional placeholder="0" rule={{ min: 0, max: 1 }} onCommit={(v) => edit('retry.p', (e) => setOrDelete(e.retry!, 'failureProbability', v))} />
            <NumberField label="Retries" value={r.retries} optional placeholder="0" rule={{ min: 0, max: 10, integer: true }} onCommit={(v) => edit('retry.n', (e) => setOrDelete(e.retry!, 'retries', v))} />
            <NumberField label="Timeout" unit="ms" value={r.timeoutMs} optional placeholder="none" rule={{ min: 0, aboveMin: true }} onCommit={(v) => edit('retry.timeout', (e) => setOrDelete(e.retry!, 'timeoutMs', v))} />
            <NumberField label="Backoff" unit="ms" value={r.backoffMs} optional placeholder="0" rule={{ min: 0 }} onCommit={(v) => edit('retry.backoff', (e) => setOrDelete(e.retry!, 'backoffMs', v))} />
            <NumberField label="Backoff multiplier" unit="x" value={r.backoffMultiplier} optional placeholder="1" rule={{ min: 1, max: 10 }} onCommit={(v) => edit('retry.mult', (e) => setOrDelete(e.retry!, 'backoffMultiplier', v))} />
            <button type="button" className="link" onClick={() => edit('retry', (e) => void delete e.retry)}>Remove retries</button>
          </>
        ) : (
          <button type="button" className="link" onClick={() => edit('retry', (e) => void (e.retry = { failureProbability: 0.01, retries: 2, backoffMs: 10, backoffMultiplier: 2 }))}>Add retries</button>
        )}
      </fieldset>
      <fieldset className="block">
        <legend>Hedged requests</legend>
        {h ? (
          <>
            <NumberField label="Hedge after" unit="ms" value={h.afterMs} optional placeholder="by percentile" rule={{ min: 0, aboveMin: true }} onCommit={(v) => edit('hedge.after', (e) => setOrDelete(e.hedge!, 'afterMs', v))} />
            {h.afterMs === undefined && <NumberField label="Hedge at the callee's percentile" unit="0.5-0.999" value={h.afterPercentile} optional placeholder="0.95" rule={{ min: 0.5, max: 0.999 }} onCommit={(v) => edit('hedge.pct', (e) => setOrDelete(e.hedge!, 'afterPercentile', v))} />}
            <button type="button" className="link" onClick={() => edit('hedge', (e) => void delete e.hedge)}>Remove hedge</button>
          </>
        ) : (
          <button type="button" className="link" onClick={() => edit('hedge', (e) => void (e.hedge = {}))}>Add hedge</button>
        )}
      </fieldset>
      {figures && <CallFiguresView figures={figures} />}
    </>
  );
}

function CallFiguresView({ figures }: { figures: CallEstimate }) {
  const rows: [string, string][] = [
    ['Copies per call', `${significant(figures.amplification, 4)} (+${formatQps(figures.extraPeakQps)} at peak)`],
    ['Call p99', `${formatLatencyMs(figures.p99Ms)} (callee alone ${formatLatencyMs(figures.p99WithoutPolicyMs)})`],
  ];
  if (figures.hedge) rows.push(['Hedge', `after ${formatLatencyMs(figures.hedge.afterMs)}, on ${formatPercent(figures.hedge.share)} of calls`]);
  if (figures.failedShare > 0) rows.push(['Still failing', formatPercent(figures.failedShare)]);
  return <FigureList label="Call figures" rows={rows} />;
}
