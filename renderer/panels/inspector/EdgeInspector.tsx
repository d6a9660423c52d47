import type { DiagramEdge } from '../../../shared/model/schema';
import { formatQps } from '../../../shared/units';
import { useApp } from '../../app/AppContext';
import { connectionProblem } from '../../state/commands';
import { useEditor } from '../../state/store';
import { NumberField, SelectField, TextField } from './fields';
import { CallPolicyEditor } from './ServingEditors';
import type { CallEstimate } from '../../../shared/estimator/output';

/** An edge's mode, calls, fan-out, stage, label and payload. */
export function EdgeInspector({ edge, peakQps, figures }: { edge: DiagramEdge; peakQps?: number; figures?: CallEstimate }) {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const edit = (field: string, recipe: (e: DiagramEdge) => void) =>
    store.commit('Edit edge', (d) => {
      const target = d.edges.find((e) => e.id === edge.id);
      if (target) recipe(target);
    }, `edge:${edge.id}:${field}`);
  const setMode = (mode: NonNullable<DiagramEdge['mode']>) => {
    const others = { ...doc, edges: doc.edges.filter((e) => e.id !== edge.id) };
    const problem = connectionProblem(others, edge.source, edge.target, mode);
    if (problem) store.set({ notice: problem });
    else edit('mode', (e) => (mode === 'sync' ? delete e.mode : (e.mode = mode)));
  };
  return (
    <section className="inspector" aria-label="Edge inspector">
      <header className="inspector-head">
        <div>
          <div className="inspector-kind">{label(edge.source)} → {label(edge.target)}</div>
          <div className="inspector-id">{edge.id}{peakQps !== undefined ? ` · ${formatQps(peakQps)} at peak` : ''}</div>
        </div>
      </header>
      <SelectField
        label="Mode"
        value={edge.mode ?? 'sync'}
        options={[
          { value: 'sync', label: 'Sync: the caller waits' },
          { value: 'async', label: 'Async: through a queue (load, no wait)' },
          { value: 'offline', label: 'Offline: batch or training data' },
        ]}
        onChange={setMode}
      />
      {(edge.mode ?? 'sync') !== 'offline' && (
        <NumberField label="Calls per request" value={edge.calls} optional placeholder="1" rule={{ min: 0, aboveMin: true }} onCommit={(v) => edit('calls', (e) => (v === undefined ? delete e.calls : (e.calls = v)))} />
      )}
      {(edge.mode ?? 'sync') === 'sync' && (
        <>
          <SelectField
            label="Several calls run"
            value={edge.fanout ?? 'parallel'}
            options={[{ value: 'parallel', label: 'In parallel (wait for the slowest)' }, { value: 'sequential', label: 'One after another' }]}
            onChange={(v) => edit('fanout', (e) => (v === 'parallel' ? delete e.fanout : (e.fanout = v)))}
          />
          <NumberField label="Stage" value={edge.stage} optional placeholder="in order" rule={{ integer: true }} onCommit={(v) => edit('stage', (e) => (v === undefined ? delete e.stage : (e.stage = v)))} />
          <CallPolicyEditor edge={edge} edit={edit} figures={figures} />
        </>
      )}
      <TextField label="Label" value={edge.label} onCommit={(v) => edit('label', (e) => (v ? (e.label = v) : delete e.label))} />
      <NumberField label="Payload" unit="bytes" value={edge.payloadBytes} optional rule={{ min: 0 }} onCommit={(v) => edit('payload', (e) => (v === undefined ? delete e.payloadBytes : (e.payloadBytes = v)))} />
    </section>
  );
}
