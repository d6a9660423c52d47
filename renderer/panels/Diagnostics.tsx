import { useState } from 'react';
import type { Diagnostic, Estimate } from '../../shared/estimator/output';
import { formatMs } from '../../shared/units';
import { useApp } from '../app/AppContext';
import { useEditor } from '../state/store';

/** The estimator's findings; a click selects and shows the node or edge concerned. */
export function DiagnosticsList({ diagnostics }: { diagnostics: readonly Diagnostic[] }) {
  const ctx = useApp();
  const reveal = (d: Diagnostic) => {
    if (d.node) {
      ctx.store.set({ selection: { nodes: [d.node], edges: [] } });
      const node = ctx.store.getState().doc.nodes.find((n) => n.id === d.node);
      if (node?.position) ctx.flow()?.setCenter(node.position.x + 110, node.position.y + 42, { zoom: 1, duration: 300 });
    } else if (d.edge) ctx.store.set({ selection: { nodes: [], edges: [d.edge] } });
  };
  if (diagnostics.length === 0) return <p className="muted ok">No problems: the design holds at this load.</p>;
  return (
    <ul className="diagnostics" aria-label="Diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i} className={`diagnostic diagnostic-${d.severity}`}>
          <button type="button" onClick={() => reveal(d)} disabled={!d.node && !d.edge}>
            <span className={`severity severity-${d.severity}`}>{d.severity}</span> {d.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** "Why is p99 this high?": where the slowest 1% of requests spend their time, node by node. */
export function Breakdown({ estimate }: { estimate: Estimate }) {
  const { store } = useApp();
  const doc = useEditor(store, (s) => s.doc);
  const entries = estimate.entries.filter((e) => e.latencyMs && e.p99Breakdown.length > 0);
  const [chosen, setChosen] = useState<string | null>(null);
  const entry = entries.find((e) => e.node === chosen) ?? entries.reduce<(typeof entries)[number] | undefined>((worst, e) => (!worst || e.latencyMs!.p99 > worst.latencyMs!.p99 ? e : worst), undefined);
  if (!entry) return <p className="muted">No entry with a bounded latency to explain.</p>;
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const total = entry.p99Breakdown.reduce((s, b) => s + b.ms, 0);
  return (
    <div className="breakdown" aria-label="p99 breakdown">
      {entries.length > 1 && (
        <select aria-label="Entry" value={entry.node} onChange={(e) => setChosen(e.currentTarget.value)}>
          {entries.map((e) => <option key={e.node} value={e.node}>{label(e.node)}</option>)}
        </select>
      )}
      <p className="muted">
        Requests from {label(entry.node)} at or above p99 ({formatMs(entry.latencyMs!.p99)}) take {formatMs(total)} on average, spent here:
      </p>
      <ol>
        {entry.p99Breakdown.map((b) => (
          <li key={b.node}>
            <span className="bar-label">{label(b.node)}</span>
            <span className="bar"><span style={{ width: `${(b.ms / total) * 100}%` }} /></span>
            <span className="bar-value">{formatMs(b.ms)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The bottom panel: diagnostics, and the p99 breakdown. */
export function BottomPanel({ estimate, hidden = false }: { estimate: Estimate | null; hidden?: boolean }) {
  const [tab, setTab] = useState<'diagnostics' | 'breakdown'>('diagnostics');
  const count = estimate?.diagnostics.length ?? 0;
  return (
    <section className="bottom-panel">
      <div role="tablist" className="tabs">
        <button role="tab" aria-selected={tab === 'diagnostics'} onClick={() => setTab('diagnostics')}>Diagnostics{count > 0 ? ` (${count})` : ''}</button>
        <button role="tab" aria-selected={tab === 'breakdown'} onClick={() => setTab('breakdown')}>Why is p99 this high?</button>
      </div>
      <div role="tabpanel" className="tab-body">
        {hidden ? <p className="muted">Figures and findings are hidden until you write your own estimate in the Practice panel.</p> : !estimate ? <p className="muted">Estimating…</p> : tab === 'diagnostics' ? <DiagnosticsList diagnostics={estimate.diagnostics} /> : <Breakdown estimate={estimate} />}
      </div>
    </section>
  );
}
