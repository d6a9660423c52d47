import type { NodeEstimate } from '../../../shared/estimator/output';
import { findKind } from '../../../shared/kinds';
import type { BlockName } from '../../../shared/model/blocks';
import type { DiagramNode } from '../../../shared/model/schema';
import { formatBytes, formatLatencyMs, formatPercent, formatQps, formatUsd } from '../../../shared/units';
import type { NodeFigure } from '../../../shared/explain';
import { useApp } from '../../app/AppContext';
import { ExplainButton } from '../../explain/ExplainContext';
import { KindIcon } from '../../canvas/KindIcon';
import { useEditor } from '../../state/store';
import { BLOCK_EDITORS, BLOCK_TITLES, type NodeEdit } from './BlockEditors';
import { FigureList, NumberField, SelectField, TextField } from './fields';
import { BatchingFiguresView, DEFAULT_BATCHING } from './ServingEditors';

/** One figure of the node, which opens its derivation when clicked. */
function Explained({ id, figure, name, text }: { id: string; figure: NodeFigure; name: string; text: string }) {
  return <ExplainButton figure={{ node: id, figure }} name={name}>{text}</ExplainButton>;
}

function Figures({ figures }: { figures: NodeEstimate }) {
  const id = figures.id;
  const latency = figures.latencyMs;
  const rows: [string, React.ReactNode][] = [
    ['Peak / average', <><Explained id={id} figure="peakQps" name="peak QPS" text={formatQps(figures.qps.peak)} /> / <Explained id={id} figure="avgQps" name="average QPS" text={formatQps(figures.qps.avg)} /></>],
    ['Latency p50 / p99', latency ? <>{formatLatencyMs(latency.p50, latency.mean > 0)} / <Explained id={id} figure="p99" name="p99" text={formatLatencyMs(latency.p99, latency.mean > 0)} /></> : <Explained id={id} figure="p99" name="p99" text="unbounded (saturated)" />],
  ];
  if (figures.replicas !== null) rows.push(['Replicas', <Explained id={id} figure="replicas" name="replicas" text={String(figures.replicas)} />]);
  if (figures.utilization !== null) rows.push(['Utilization', <Explained id={id} figure="utilization" name="utilization" text={formatPercent(figures.utilization)} />]);
  if (figures.storageBytes > 0) rows.push(['Storage', <Explained id={id} figure="storage" name="storage" text={formatBytes(figures.storageBytes)} />]);
  rows.push(['Cost', <Explained id={id} figure="cost" name="monthly cost" text={`${formatUsd(figures.costUsdPerMonth.total)}/mo`} />]);
  return <FigureList label="Figures" rows={rows} />;
}

/** Everything about one node: label, group, notes, each block the kind takes, its params and its figures. */
export function NodeInspector({ node, figures }: { node: DiagramNode; figures?: NodeEstimate }) {
  const { store } = useApp();
  // The selector returns the document's own array: a fresh `[]` on every call would re-render without end.
  const groups = useEditor(store, (s) => s.doc.groups) ?? [];
  const kind = findKind(node.kind)!;
  const edit: NodeEdit = (field, recipe) =>
    store.commit(`Edit ${node.label}`, (d) => {
      const target = d.nodes.find((n) => n.id === node.id);
      if (target) recipe(target);
    }, `node:${node.id}:${field}`);
  const toggle = (block: BlockName, on: boolean) =>
    edit(`block.${block}`, (n) => {
      if (on) (n as Record<string, unknown>)[block] = structuredClone((block === 'batching' ? undefined : kind.defaults[block]) ?? defaultBlock(block));
      else delete n[block];
    });

  return (
    <section className="inspector" aria-label="Node inspector">
      <header className="inspector-head">
        <span className="kind-badge" style={{ background: kind.colour }}><KindIcon name={kind.icon} size={16} colour="#fff" /></span>
        <div>
          <div className="inspector-kind">{kind.label}</div>
          <div className="inspector-id">{node.id}</div>
        </div>
      </header>
      {figures && <Figures figures={figures} />}
      {figures?.batching && <BatchingFiguresView figures={figures.batching} />}
      <TextField label="Label" value={node.label} required maxLength={120} onCommit={(v) => edit('label', (n) => void (n.label = v))} />
      <SelectField
        label="Group"
        value={node.group ?? ''}
        options={[{ value: '', label: 'None' }, ...groups.map((g) => ({ value: g.id, label: g.label }))]}
        onChange={(v) => edit('group', (n) => (v ? (n.group = v) : delete n.group))}
      />
      {kind.blocks.map((block) => {
        const Editor = BLOCK_EDITORS[block];
        const present = node[block] !== undefined;
        return (
          <fieldset key={block} className="block">
            <legend>{BLOCK_TITLES[block]}</legend>
            {present ? (
              <>
                <Editor node={node} edit={edit} />
                {block !== 'traffic' && (
                  <button type="button" className="link" onClick={() => toggle(block, false)}>Remove {block}</button>
                )}
              </>
            ) : (
              <button type="button" className="link" onClick={() => toggle(block, true)}>Add {block}</button>
            )}
          </fieldset>
        );
      })}
      {kind.params && (
        <fieldset className="block">
          <legend>{kind.label} parameters</legend>
          {node.params ? (
            kind.params.fields.map((field) => (
              <NumberField
                key={field.key}
                label={field.label}
                unit={field.unit}
                value={node.params![field.key] as number | undefined}
                rule={{ min: ['indexOverhead'].includes(field.key) ? 1 : 0 }}
                onCommit={(v) => edit(`params.${field.key}`, (n) => void (n.params![field.key] = v!))}
              />
            ))
          ) : (
            <button type="button" className="link" onClick={() => edit('params', (n) => void (n.params = structuredClone(kind.defaults.params)))}>Add parameters</button>
          )}
        </fieldset>
      )}
      <TextField label="Notes" value={node.notes} multiline onCommit={(v) => edit('notes', (n) => (v ? (n.notes = v) : delete n.notes))} />
    </section>
  );
}

function defaultBlock(block: BlockName): object {
  switch (block) {
    case 'latency': return { p50Ms: 5, p99Ms: 20 };
    case 'capacity': return { replicas: 'auto' };
    case 'cache': return { hitRate: 0.8 };
    case 'storage': return { items: 1_000_000, bytesPerItem: 1_000 };
    case 'cost': return { instance: 'm7i.xlarge' };
    case 'traffic': return { qps: 100 };
    case 'batching': return DEFAULT_BATCHING;
  }
}
